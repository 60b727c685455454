import type { Severity } from '../../vocabulary/diagnostic.js';
import type { CheckedFormat } from '../../vocabulary/types.js';
import type { JsonPath } from '../json-locate.js';
import type { Position } from '../../vocabulary/position.js';
import type { XmlElement, XmlTree } from '../tree.js';
import type { DateReader } from '../values.js';

/** What a rule is, beside what it checks (one module per rule, as remark-lint and ESLint keep them). */
export interface RuleMeta {
  /** `rss/author-email`: the format it applies to (or `feed/` for all), then what it checks. */
  readonly id: string;
  readonly severity: Severity;
  /** One line: what a document must do. */
  readonly description: string;
  /** The specification section it enforces. */
  readonly spec: string;
  /**
   * The W3C Feed Validation Service message it corresponds to, so that a
   * verdict can be compared with the validator's; for JSON Feed, which that
   * service does not read, the message of the same check for XML feeds.
   */
  readonly w3c: string;
  readonly formats: readonly CheckedFormat[];
  /** A profile's rule (docs/rules.md, "Profiles"): run only when `check --profile` names it, or a build's feed needs it. */
  readonly profile?: Profile;
}

/** The rules of a directory or a namespace, checked on request: Apple Podcasts', Podcast Index's, Media RSS's. */
export type Profile = 'apple' | 'podcastindex' | 'media';
export const PROFILES: readonly Profile[] = ['apple', 'podcastindex', 'media'];

export type JsonObject = Readonly<Record<string, unknown>>;

/** Where a diagnostic points: an element or attribute, a JSON path, or an offset in the source. */
export type Where = { readonly offset: number } | JsonPath | number;

export interface RuleContext {
  readonly format: CheckedFormat;
  /** Milliseconds since the epoch: what "in the future" means for this run. */
  readonly now: number;
  /** Date readers shared by the rules (and the round trip) for this document. */
  readonly dates: DateReader;
  report(where: Where, message: string, detail?: { readonly expected?: string; readonly actual?: string }): void;
  /** Where something is, for a message that points at another place ("first at line 12"). */
  position(where: Where): Position | undefined;
}

/**
 * What a rule looks at in one document. The engine walks each document once
 * and calls every rule's visitors as it goes, so adding a rule never adds a
 * walk.
 */
export interface Visitors {
  /**
   * The raw text, before its elements: the whole document, or, when a build
   * checks a document in pieces as it writes it, each piece in turn, with the
   * offset it starts at in the document.
   */
  readonly source?: (text: string, offset: number) => void;
  /** XML: the whole tree, once (before its elements; after them when the document comes in pieces, with no elements listed). */
  readonly document?: (tree: XmlTree) => void;
  /**
   * XML: called for each element with that key (`item`, `atom:entry`,
   * `dc:creator`; `*` for every element) when it closes, so its text and
   * children are complete; children are visited before their parent.
   */
  readonly elements?: Readonly<Record<string, (element: XmlElement) => void>>;
  /** JSON Feed: the top-level object. */
  readonly feed?: (feed: JsonObject) => void;
  /** JSON Feed: each object of `items`, with its index. */
  readonly item?: (item: JsonObject, index: number) => void;
  /** After the whole document. */
  readonly end?: () => void;
}

export interface Rule {
  readonly meta: RuleMeta;
  /** Called once per document of a format in `meta.formats`; state for that document lives in the closure. */
  readonly create: (context: RuleContext) => Visitors;
}
