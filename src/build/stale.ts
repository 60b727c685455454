import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readBack } from '../check/prove.js';
import type { ItemView } from '../check/view.js';
import type { FeedFormat } from '../vocabulary/types.js';
import { bytesOf, type OutputFile } from '../write/publish.js';

/** A file the build would write, and the feed format it carries if it is a feed. */
export interface PlannedFile extends OutputFile {
  readonly format?: FeedFormat;
  /** For a precompressed copy: the file it is a copy of. */
  readonly copyOf?: string;
}

/** A file of the output folder that is not what the build would write, and the first thing that differs. */
export interface StaleFile {
  readonly name: string;
  /** The first line that differs, when no item or field names the difference. */
  readonly line?: number;
  readonly reason: string;
}

/**
 * Compares each planned file with the one in `dir`. For a feed the first
 * difference is named the way a person checks it: item by item (a new
 * item, a removed one, the first field that changed), then the feed's own
 * fields; failing that, the first line that differs.
 */
export async function describeStale(dir: string, files: readonly PlannedFile[]): Promise<StaleFile[]> {
  const stale: StaleFile[] = [];
  for (const file of files) {
    const want = bytesOf(file.text);
    let have: Buffer;
    try {
      have = await readFile(join(dir, file.name));
    } catch {
      stale.push({ name: file.name, reason: 'is missing' });
      continue;
    }
    if (have.equals(want)) continue;
    // A feed is compared item by item, as text; other bytes (a compressed copy) only as bytes.
    const built = typeof file.text === 'string' ? file.text : file.copyOf ? undefined : want.toString('utf8');
    if (built === undefined) {
      stale.push({ name: file.name, reason: file.copyOf ? `is out of date: it is not a compressed copy of ${file.copyOf} as the build writes it` : 'is out of date: its bytes differ from what the build writes' });
      continue;
    }
    const text = have.toString('utf8');
    const difference = file.format ? firstItemDifference(file.format, text, built) : undefined;
    stale.push(difference ? { name: file.name, reason: `is out of date: ${difference}` } : { name: file.name, line: firstDifferentLine(text, built), reason: 'is out of date from this line on' });
  }
  return stale;
}

const ITEM_FIELDS = ['id', 'title', 'link', 'published', 'updated', 'summary', 'content', 'authors', 'tags', 'attachments', 'image', 'language', 'rights'] as const;
const FEED_FIELDS = ['title', 'description', 'link', 'selfLink', 'language', 'published', 'updated', 'rights', 'authors'] as const;

function firstItemDifference(format: FeedFormat, onDisk: string, built: string): string | undefined {
  const old = readBack(format, onDisk);
  if (!old.view) return `the file on disk cannot be read back (it ${old.error?.message ?? 'is not a feed'})`;
  const now = readBack(format, built).view;
  if (!now) return undefined;
  const oldIds = new Set(old.view.items.map((item) => item.id));
  const newIds = new Set(now.items.map((item) => item.id));
  const count = Math.max(old.view.items.length, now.items.length);
  for (let i = 0; i < count; i++) {
    const was = old.view.items[i];
    const is = now.items[i];
    if (is && !oldIds.has(is.id)) return `item ${i + 1} is new: ${describe(is)}`;
    if (was && !newIds.has(was.id)) return `item ${i + 1} on disk, ${describe(was)}, is no longer built`;
    if (!was || !is) continue; // beyond the limit on one side only; the count differs
    if (was.id !== is.id) return `item ${i + 1} is ${describe(was)} on disk, the articles build ${describe(is)} there`;
    const changed = firstDifferentField(ITEM_FIELDS, was, is);
    if (changed) return `item ${i + 1} (${is.id ?? 'no id'}): "${changed}" is ${show(was[changed])} on disk, the articles build ${show(is[changed])}`;
  }
  // The feed's own dates follow from its items: its fields are compared once the items agree.
  const field = firstDifferentField(FEED_FIELDS, old.view, now);
  if (field) return `the feed's "${field}" is ${show(old.view[field])} on disk, the articles build ${show(now[field])}`;
  if (old.view.items.length !== now.items.length) return `it has ${old.view.items.length} items on disk, the articles build ${now.items.length}`;
  return undefined;
}

function firstDifferentField<K extends string>(fields: readonly K[], a: Partial<Record<K, unknown>>, b: Partial<Record<K, unknown>>): K | undefined {
  return fields.find((field) => JSON.stringify(a[field]) !== JSON.stringify(b[field]));
}

const describe = (item: ItemView<string>): string => `${item.id ?? '(no id)'} ${show(item.title)}`;

/** A value for a message: JSON, cut short so one line stays readable. */
function show(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > 90 ? `${text.slice(0, 87)}...` : text;
}

function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  let line = 0;
  while (line < left.length && line < right.length && left[line] === right[line]) line++;
  return line + 1;
}
