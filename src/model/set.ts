import type { Config, FacetKind } from '../config/config.js';
import { diagnosticsFor, type Diagnostic } from '../vocabulary/diagnostic.js';
import { slugify } from '../vocabulary/values.js';
import type { Placement } from './place.js';

/**
 * One feed of the set a build writes (docs/feed-set.md): the main feed, a
 * facet's feed (a tag's, an author's, a language's), or an archive page of
 * either.
 */
export interface FeedPlan<P extends Placement = Placement> {
  /** Its folder under the output folder, ending in "/"; "" for the main feed. */
  readonly folder: string;
  readonly title: string;
  /** Its items, newest first. */
  readonly items: readonly P[];
  /** The facet it is the feed of, and the value. */
  readonly facet?: { readonly kind: FacetKind; readonly value: string };
  /** Its RFC 5005 links, by folder: see ArchiveLinks. Absent without "archive" in the config. */
  readonly archive?: { readonly page?: number; readonly prev?: string; readonly current?: string };
}

/**
 * Every feed of the set, from every item any of them shows, newest first:
 * the main feed, then each facet's feeds by kind and value; each head
 * followed by its archive pages, oldest first. A head shows its newest
 * `limit` items; archive page k of a feed holds its items numbered
 * (k−1)·N+1 … k·N from the oldest (by publication, ties by id), and only
 * full pages exist, so that a page once written never changes while its
 * items do not. Two facet values that make one folder are an error.
 */
export function planFeeds<P extends Placement>(ordered: readonly P[], config: Config, articlesDir: string, diagnostics: Diagnostic[]): FeedPlan<P>[] {
  const plans = withArchive({ folder: '', title: config.title, items: ordered }, config);
  for (const [kind, pattern] of Object.entries(config.facets ?? {}) as [FacetKind, string][]) {
    const values = new Map<string, P[]>();
    for (const p of ordered) {
      for (const value of new Set(p.facets?.[kind] ?? [])) {
        if (!values.has(value)) values.set(value, []);
        values.get(value)!.push(p);
      }
    }
    const folders = new Map<string, string>();
    for (const [value, items] of [...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const folder = facetFolder(pattern, value);
      const other = folder === undefined ? undefined : folders.get(folder);
      if (folder === undefined || other !== undefined) {
        diagnosticsFor(articlesDir, diagnostics).error(
          'input/facet-folder',
          folder === undefined
            ? `has the ${FACET_NAMES[kind]} "${value}", which makes no folder name for its feed (nothing is left of it as a slug); write it with a letter or a digit`
            : `has the ${FACET_NAMES[kind]}s "${other}" and "${value}", which make one folder for their feeds ("${folder}"); write them so that they differ in a letter or a digit`,
        );
        continue;
      }
      folders.set(folder, value);
      plans.push(...withArchive({ folder, title: `${config.title}: ${value}`, items, facet: { kind, value } }, config));
    }
  }
  // A facet's folder that is another feed's (a language "archive", a tag folder inside a language's): the first keeps it.
  const taken = new Map<string, FeedPlan<P>>();
  for (const plan of plans) {
    const first = taken.get(plan.folder);
    if (first === undefined) taken.set(plan.folder, plan);
    else diagnosticsFor(articlesDir, diagnostics).error('input/facet-folder', `gives the feeds of ${nameOf(plan)} the folder "${plan.folder}", which holds the feeds of ${nameOf(first)}; change the pattern in "facets"`);
  }
  return plans.map((plan) => (plan.archive?.page === undefined ? { ...plan, items: plan.items.slice(0, config.limit) } : plan));
}

const nameOf = (plan: FeedPlan): string =>
  `${plan.facet ? `the ${FACET_NAMES[plan.facet.kind]} "${plan.facet.value}"` : 'the main feed'}${plan.archive?.page === undefined ? '' : ` (archive page ${plan.archive.page})`}`;

const FACET_NAMES: Readonly<Record<FacetKind, string>> = { tags: 'tag', authors: 'author', language: 'language' };

/** The folder of a facet value's feeds: the pattern with the value, or its slug, in it; undefined when the value makes no slug. */
export function facetFolder(pattern: string, value: string): string | undefined {
  const name = pattern.includes('{value}') ? value : slugify(value);
  return name === '' ? undefined : pattern.replace(/\{(?:slug|value)\}/, name);
}

/** A feed's head and, when the config asks for archives, its full archive pages (the head's items still all of them). */
function withArchive<P extends Placement>(head: FeedPlan<P>, config: Config): FeedPlan<P>[] {
  if (config.archive === undefined) return [head];
  const size = config.archive.pageSize;
  const byId = (a: P, b: P) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const oldest = [...head.items].sort((a, b) => a.published - b.published || byId(a, b));
  const count = Math.floor(oldest.length / size);
  const pageFolder = (k: number) => `${head.folder}archive/${k}/`;
  const pages: FeedPlan<P>[] = [];
  for (let k = 1; k <= count; k++) {
    pages.push({
      ...head,
      folder: pageFolder(k),
      // Newest first, as every feed: ties by id, as the main feed orders them.
      items: oldest.slice((k - 1) * size, k * size).sort((a, b) => b.published - a.published || byId(a, b)),
      archive: { page: k, current: head.folder, ...(k > 1 ? { prev: pageFolder(k - 1) } : {}) },
    });
  }
  return [{ ...head, archive: count > 0 ? { prev: pageFolder(count) } : {} }, ...pages];
}
