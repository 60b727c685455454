import { ATOM_NS, CONTENT_NS, DC_NS, ITUNES_NS, MEDIA_NS, PODCAST_NS, RDF_NS, RSS1_NS, XHTML_NS, XML_NS } from '../vocabulary/formats.js';

/**
 * A position-keeping XML tree for the rules: every element and attribute
 * knows the offset it starts at, its namespace, and its decoded text.
 * fast-xml-parser's object tree has no positions and no namespaces, so the
 * checker builds this one in a single scan of a document the validator has
 * already accepted; the scan also finds what that validator lets through
 * (undefined entities, `<` in attribute values, text after the root).
 */
export interface XmlAttribute {
  /** As written: `isPermaLink`, `xml:lang`. */
  readonly name: string;
  readonly prefix: string | undefined;
  readonly local: string;
  /** Undefined for an unprefixed attribute and for an undeclared prefix. */
  readonly namespace: string | undefined;
  readonly value: string;
  readonly offset: number;
}

// Most elements have no attributes, many no children: they share these until they do.
const NO_CHILDREN: readonly XmlElement[] = Object.freeze([]);
const NO_ATTRIBUTES: readonly XmlAttribute[] = Object.freeze([]);
const SEEN = new Set<string>();

export class XmlElement {
  children: readonly XmlElement[] = NO_CHILDREN;
  attributes: readonly XmlAttribute[] = NO_ATTRIBUTES;
  /** Decoded character data directly inside the element, CDATA sections included. */
  text = '';
  /** Whether any of that text came from a CDATA section. */
  hasCdata = false;
  /** What rules key their visitors by: `item`, `atom:entry`, `dc:creator`, `rss1:item` (RSS 1.0's), `{uri}local` for other namespaces. */
  readonly key: string;

  constructor(
    /** As written: `item`, `atom:link`. */
    readonly name: string,
    readonly prefix: string | undefined,
    readonly local: string,
    /** The namespace URI; undefined for no namespace and for an undeclared prefix. */
    readonly namespace: string | undefined,
    /** Offset of the `<` of the start tag. */
    readonly offset: number,
    readonly parent: XmlElement | undefined,
    key = keyOf(namespace, local, prefix),
  ) {
    this.key = key;
  }

  attr(name: string): string | undefined {
    return this.attribute(name)?.value;
  }

  attribute(name: string): XmlAttribute | undefined {
    return this.attributes.find((a) => a.name === name);
  }

  child(key: string): XmlElement | undefined {
    return this.children.find((c) => c.key === key);
  }

  childrenOf(key: string): XmlElement[] {
    return this.children.filter((c) => c.key === key);
  }

  /** Each child of a key in `keys` that an earlier child already has, with that first one: what a parent may hold once and repeats. */
  repeats(keys: ReadonlySet<string>): [first: XmlElement, again: XmlElement][] {
    // One set for every call, cleared: this runs on every item of every feed a build proves.
    SEEN.clear();
    let found: [XmlElement, XmlElement][] | undefined;
    for (const el of this.children) {
      if (!keys.has(el.key)) continue;
      if (!SEEN.has(el.key)) SEEN.add(el.key);
      else (found ??= []).push([this.child(el.key)!, el]);
    }
    return found ?? [];
  }

  /** The nearest value of an inherited attribute (`xml:base`, `xml:lang`). */
  inherited(name: string): string | undefined {
    for (let el: XmlElement | undefined = this; el; el = el.parent) {
      const value = el.attr(name);
      if (value !== undefined) return value;
    }
    return undefined;
  }
}

/** The short names rules use for the namespaces feeds mix in. */
const PREFIXES: ReadonlyMap<string, string> = new Map([
  [ATOM_NS, 'atom'],
  [CONTENT_NS, 'content'],
  [DC_NS, 'dc'],
  [XHTML_NS, 'xhtml'],
  [MEDIA_NS, 'media'],
  [ITUNES_NS, 'itunes'],
  [PODCAST_NS, 'podcast'],
  [RSS1_NS, 'rss1'],
  [RDF_NS, 'rdf'],
]);

function keyOf(namespace: string | undefined, local: string, prefix?: string): string {
  if (namespace === undefined) return prefix === undefined ? local : `${prefix}:${local}`;
  const short = PREFIXES.get(namespace);
  return short === undefined ? `{${namespace}}${local}` : `${short}:${local}`;
}

export interface XmlTree {
  readonly root: XmlElement;
  /** Every element in the order it closes: children before their parent. */
  readonly elements: readonly XmlElement[];
  /** Offsets of `]]>` found in character data outside a CDATA section. */
  readonly strayCdataEnds: readonly number[];
  /** Offsets of prefixes used without a declaration, with the prefixed name. */
  readonly undeclaredPrefixes: readonly { readonly offset: number; readonly name: string }[];
}

export type TreeResult = { readonly ok: true; readonly tree: XmlTree } | { readonly ok: false; readonly offset: number; readonly message: string };

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /[A-Za-z_:\u00C0-\uFFFF][\w.:\-\u00B7\u00C0-\uFFFF]*/y;

/** A character NAME takes after the first: what a name that is already known must not be followed by. */
const isNameChar = (code: number): boolean =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x3a) || code === 0x5f || code === 0x2d || code === 0x2e || code === 0xb7 || code >= 0xc0;

/** How many names beginning with one character are kept: a feed uses a few dozen names in all, and a document of endless distinct names is read by the regular expression alone. */
const NAMES_PER_FIRST_CHARACTER = 16;

const QUESTION = 0x3f; // ?
const BANG = 0x21; // !
const SLASH = 0x2f; // /

const isSpace = (code: number): boolean => code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;

class Malformed {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** Scans a document fast-xml-parser's validator accepted into an `XmlTree`. */
export function scanXml(source: string): TreeResult {
  const elements: XmlElement[] = [];
  const scanner = new XmlScanner((element) => void elements.push(element));
  const failed = scanner.add(source) ?? scanner.finish();
  if (failed) return { ok: false, ...failed };
  return { ok: true, tree: { root: scanner.root!, elements, strayCdataEnds: scanner.strayCdataEnds, undeclaredPrefixes: scanner.undeclaredPrefixes } };
}

/**
 * The scan, a piece of a document at a time: a document written in pieces
 * (a feed's head, each item, its tail) is scanned as it is written, each
 * piece where the last one stopped, and never held whole. A piece must hold
 * whole tags (no tag, comment or CDATA section split between two). Offsets
 * are the document's. Each element is handed to `closed` when it closes,
 * children before their parent, as `XmlTree.elements` lists them; the root
 * is handed to `opened` as soon as its start tag is read, before any element
 * closes, so that what the document is can be known before its elements.
 */
export class XmlScanner {
  root: XmlElement | undefined;
  readonly strayCdataEnds: number[] = [];
  readonly undeclaredPrefixes: { offset: number; name: string }[] = [];
  private source = '';
  /** Where the current piece starts in the document. */
  private base = 0;
  private pos = 0;
  private current: XmlElement | undefined;
  // A namespace scope per open element; the outermost binds only `xml`.
  private readonly scopes: Map<string, string>[] = [new Map([['xml', XML_NS]])];
  /** The entities a DOCTYPE declares, beside XML's own: none without one; any at all when they are in an external DTD not known here. */
  private declared: Declared | 'any' = { entities: new Map() };
  /** The names met so far, by their first character. */
  private readonly names = new Map<number, string[]>();
  private readonly splits = new Map<string, [prefix: string | undefined, local: string]>();
  private readonly keys = new Map<string | undefined, Map<string, string>>();

  constructor(
    private readonly closed: (element: XmlElement) => void,
    private readonly opened?: (root: XmlElement) => void,
  ) {}

  /** Scans the next piece; says where and why it is not well-formed, if it is not. */
  add(piece: string): { offset: number; message: string } | undefined {
    this.source = piece;
    this.pos = this.base === 0 && piece.charCodeAt(0) === 0xfeff ? 1 : 0;
    try {
      this.scan();
    } catch (error) {
      if (error instanceof Malformed) return { offset: this.base + error.offset, message: error.message };
      throw error;
    } finally {
      this.base += piece.length;
      this.source = '';
    }
    return undefined;
  }

  /** After the last piece: whether the document was complete. */
  finish(): { offset: number; message: string } | undefined {
    if (!this.root) return { offset: this.base, message: 'the document has no root element' };
    if (this.current) return { offset: this.current.offset, message: `the element "${this.current.name}" is not closed` };
    return undefined;
  }

  private scan(): void {
    const { source, scopes } = this;
    while (this.pos < source.length) {
      const lt = source.indexOf('<', this.pos);
      const end = lt === -1 ? source.length : lt;
      if (end > this.pos) this.text(this.pos, end, this.current);
      if (lt === -1) break;
      this.pos = lt;

      // What follows "<" tells the markup apart: one character read rather than a string compared for each kind.
      const next = source.charCodeAt(lt + 1);
      if (next === QUESTION) {
        this.pos = this.after('?>', lt, 'a processing instruction');
      } else if (next === BANG && source.startsWith('--', lt + 2)) {
        this.pos = this.after('-->', lt, 'a comment');
      } else if (next === BANG && source.startsWith('[CDATA[', lt + 2)) {
        const close = source.indexOf(']]>', lt + 9);
        if (close === -1) throw new Malformed(lt, 'a CDATA section is not closed with "]]>"');
        if (!this.current) throw new Malformed(lt, 'a CDATA section is outside the root element');
        this.current.text += source.slice(lt + 9, close);
        this.current.hasCdata = true;
        this.pos = close + 3;
      } else if (next === BANG) {
        this.doctype(lt);
      } else if (next === SLASH) {
        this.pos = lt + 2;
        const name = this.name();
        this.skipSpace();
        if (source[this.pos] !== '>') throw new Malformed(this.pos, `the end tag of "${name}" is not closed with ">"`);
        this.pos += 1;
        const current = this.current;
        if (!current || current.name !== name) throw new Malformed(lt, `the end tag "</${name}>" does not match an open element`);
        scopes.pop();
        this.current = current.parent;
        this.closed(current);
      } else {
        const current = this.current;
        if (this.root && !current) throw new Malformed(lt, 'a second root element: a document has exactly one');
        const { element, selfClosing, scope } = this.startTag(lt, current, scopes[scopes.length - 1]!);
        if (!current) {
          this.root = element;
          this.opened?.(element);
        } else if (current.children === NO_CHILDREN) current.children = [element];
        else (current.children as XmlElement[]).push(element);
        if (selfClosing) this.closed(element);
        else {
          scopes.push(scope);
          this.current = element;
        }
      }
    }
  }

  private text(start: number, end: number, current: XmlElement | undefined): void {
    const { source } = this;
    let first = start;
    while (first < end && isSpace(source.charCodeAt(first))) first++;
    if (!current) {
      if (first < end) throw new Malformed(first, 'text outside the root element');
      return;
    }
    // White space between child elements is layout, not text: kept, it would be most of a large feed's tree.
    if (first === end && current.children.length > 0) return;
    const raw = source.slice(start, end);
    for (let i = raw.indexOf(']]>'); i !== -1; i = raw.indexOf(']]>', i + 1)) this.strayCdataEnds.push(this.base + start + i);
    current.text += this.decode(raw, start);
  }

  private after(terminator: string, start: number, what: string): number {
    const close = this.source.indexOf(terminator, start);
    if (close === -1) throw new Malformed(start, `${what} is not closed with "${terminator}"`);
    return close + terminator.length;
  }

  /** `<!DOCTYPE ...>`, with an internal subset in brackets that may itself hold `>`. */
  private doctype(start: number): void {
    let depth = 0;
    for (let i = start + 2; i < this.source.length; i++) {
      const c = this.source[i];
      if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '>' && depth <= 0) {
        this.pos = i + 1;
        this.declared = declaredEntities(this.source.slice(start, i + 1));
        return;
      }
    }
    throw new Malformed(start, 'the DOCTYPE is not closed with ">"');
  }

  private startTag(start: number, parent: XmlElement | undefined, outer: Map<string, string>) {
    const { source } = this;
    this.pos = start + 1;
    const name = this.name();
    const raw: { name: string; value: string; offset: number }[] = [];
    for (;;) {
      const spaced = this.skipSpace();
      const c = source[this.pos];
      if (c === '>' || (c === '/' && source[this.pos + 1] === '>')) break;
      if (!spaced) throw new Malformed(this.pos, `expected a space, ">" or "/>" in the start tag of "${name}"`);
      const offset = this.pos;
      const attrName = this.name();
      this.skipSpace();
      if (source[this.pos] !== '=') throw new Malformed(this.pos, `the attribute "${attrName}" has no value`);
      this.pos += 1;
      this.skipSpace();
      const quote = source[this.pos];
      if (quote !== '"' && quote !== "'") throw new Malformed(this.pos, `the value of "${attrName}" is not in quotes`);
      const close = source.indexOf(quote, this.pos + 1);
      if (close === -1) throw new Malformed(this.pos, `the value of "${attrName}" is not closed`);
      const rawValue = source.slice(this.pos + 1, close);
      const lt = rawValue.indexOf('<');
      if (lt !== -1) throw new Malformed(this.pos + 1 + lt, `"<" in the value of "${attrName}"; write it as "&lt;"`);
      // Attribute-value normalization (XML 1.0, 3.3.3): literal white space becomes a space, a referenced one stays.
      const value = this.decode(rawValue.replace(/[\t\n\r]/g, ' '), this.pos + 1);
      if (raw.some((a) => a.name === attrName)) throw new Malformed(offset, `the attribute "${attrName}" is repeated`);
      raw.push({ name: attrName, value, offset });
      this.pos = close + 1;
    }
    const selfClosing = source[this.pos] === '/';
    this.pos += selfClosing ? 2 : 1;

    let scope = outer;
    for (const a of raw) {
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) {
        if (scope === outer) scope = new Map(outer);
        scope.set(a.name === 'xmlns' ? '' : a.name.slice(6), a.value);
      }
    }
    const [prefix, local] = this.split(name);
    const namespace = this.resolve(prefix, scope, start, name, true);
    const element = new XmlElement(name, prefix, local, namespace, this.base + start, parent, this.keyOf(name, namespace));
    if (raw.length > 0) {
      element.attributes = raw.map((a) => {
        const [attrPrefix, attrLocal] = this.split(a.name);
        const attrNamespace = attrPrefix === undefined || attrPrefix === 'xmlns' ? undefined : this.resolve(attrPrefix, scope, a.offset, a.name, false);
        return { name: a.name, prefix: attrPrefix, local: attrLocal, namespace: attrNamespace, value: a.value, offset: this.base + a.offset };
      });
    }
    return { element, selfClosing, scope };
  }

  private resolve(prefix: string | undefined, scope: Map<string, string>, offset: number, name: string, isElement: boolean): string | undefined {
    // An unprefixed attribute is in no namespace; an unprefixed element is in the default one.
    const uri = scope.get(prefix ?? '');
    if (prefix !== undefined && (uri === undefined || uri === '')) {
      this.undeclaredPrefixes.push({ offset: this.base + offset, name });
      return undefined;
    }
    if (!isElement && prefix === undefined) return undefined;
    return uri === '' ? undefined : uri;
  }

  /**
   * A name, the same string each time it occurs: a feed repeats a few names
   * many times, so a name already known is found where it starts, without
   * the regular expression or a new string.
   */
  private name(): string {
    const { source, pos } = this;
    const known = this.names.get(source.charCodeAt(pos));
    if (known !== undefined) {
      for (const name of known) {
        if (source.startsWith(name, pos) && !isNameChar(source.charCodeAt(pos + name.length))) {
          this.pos = pos + name.length;
          return name;
        }
      }
    }
    NAME.lastIndex = pos;
    const m = NAME.exec(source);
    if (!m) throw new Malformed(pos, 'expected a name');
    this.pos = NAME.lastIndex;
    const name = m[0];
    if (known === undefined) this.names.set(name.charCodeAt(0), [name]);
    else if (known.length < NAMES_PER_FIRST_CHARACTER) known.push(name);
    return name;
  }

  /** Prefix and local part of a name, worked out once per name. */
  private split(name: string): [prefix: string | undefined, local: string] {
    let parts = this.splits.get(name);
    if (parts === undefined) this.splits.set(name, (parts = split(name)));
    return parts;
  }

  /** An element's key, made once per name and namespace. */
  private keyOf(name: string, namespace: string | undefined): string {
    let byName = this.keys.get(namespace);
    if (byName === undefined) this.keys.set(namespace, (byName = new Map()));
    let key = byName.get(name);
    if (key === undefined) {
      const [prefix, local] = this.split(name);
      byName.set(name, (key = keyOf(namespace, local, prefix)));
    }
    return key;
  }

  private skipSpace(): boolean {
    const { source } = this;
    const start = this.pos;
    let pos = start;
    while (isSpace(source.charCodeAt(pos))) pos++;
    this.pos = pos;
    return pos > start;
  }

  /** Replaces character and entity references; an entity XML does not predefine is an error without a DTD. */
  private decode(raw: string, offset: number): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&([^;&\s]*);?/g, (match, ref: string, at: number) => {
      if (!match.endsWith(';') || ref === '') throw new Malformed(offset + at, 'a bare "&"; write it as "&amp;"');
      if (ref.startsWith('#')) {
        const code = /^#x[0-9a-fA-F]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]+$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
        if (!Number.isFinite(code) || code > 0x10ffff) throw new Malformed(offset + at, `"${match}" is not a character reference`);
        return String.fromCodePoint(code);
      }
      const predefined = PREDEFINED[ref];
      if (predefined !== undefined) return predefined;
      const { declared } = this;
      if (declared === 'any') return match;
      const value = declared.entities.get(ref);
      if (value !== undefined) return value;
      const fix = 'write the character itself or a numeric reference such as "&#160;"';
      if (declared.rss091) throw new Malformed(offset + at, `the entity "${match}" is declared neither by the RSS 0.91 DTD, which declares only the Latin-1 ones (&nbsp; to &yuml;), nor in the DOCTYPE; ${fix}`);
      throw new Malformed(offset + at, `the entity "${match}" is not defined in XML (only &lt; &gt; &amp; &quot; &apos; are)${declared.entities.size > 0 ? ' nor declared in the DOCTYPE' : ''}; ${fix}`);
    });
  }
}

/** The entities a DOCTYPE declares, by name, with their text; and whether its DTD is RSS 0.91's. */
interface Declared {
  readonly entities: ReadonlyMap<string, string>;
  readonly rss091?: boolean;
}

/** The entities HTML 4 names for Latin-1's upper half, U+00A0 to U+00FF, in order: what Netscape's RSS 0.91 DTD declares. */
const LATIN_1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(' ');
const RSS_091_PUBLIC_ID = '-//Netscape Communications//DTD RSS 0.91//EN';

/**
 * The entities a DOCTYPE declares: those of its internal subset, and those
 * of its external DTD when that is one known here (RSS 0.91's); any at all
 * when its external DTD is another, which a checker that reads no DTD from
 * the network cannot know.
 */
function declaredEntities(doctype: string): Declared | 'any' {
  const open = doctype.indexOf('[');
  const external = (open === -1 ? doctype : doctype.slice(0, open)).match(/\s(?:SYSTEM|PUBLIC\s+("[^"]*"|'[^']*'))/);
  const rss091 = external?.[1]?.slice(1, -1).trim() === RSS_091_PUBLIC_ID;
  if (external && !rss091) return 'any';
  const entities = new Map(rss091 ? LATIN_1.map((name, i) => [name, String.fromCharCode(0xa0 + i)]) : []);
  if (open !== -1) {
    for (const m of doctype.slice(open).matchAll(/<!ENTITY\s+([^\s%]+)\s+(?:"([^"]*)"|'([^']*)'|(?:SYSTEM|PUBLIC)\b)/g)) {
      // An external entity's text is in another file: the reference stands for it, as written.
      entities.set(m[1]!, m[2] ?? m[3] ?? `&${m[1]};`);
    }
  }
  return { entities, rss091 };
}

function split(name: string): [prefix: string | undefined, local: string] {
  const colon = name.indexOf(':');
  return colon === -1 ? [undefined, name] : [name.slice(0, colon), name.slice(colon + 1)];
}
