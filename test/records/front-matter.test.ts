import { describe, expect, it } from 'vitest';
import { diagnosticsFor, type Diagnostic } from '../../src/vocabulary/diagnostic.js';
import { parseYamlFields, quickYamlFields, readFrontMatter, readYamlFields, splitFrontMatter } from '../../src/records/front-matter.js';

/** Front matter as it stands in a file whose YAML starts on line 2, after the opening "---". */
function fields(...lines: string[]) {
  const diagnostics: Diagnostic[] = [];
  const read = readYamlFields(lines.join('\n'), 2, diagnosticsFor('articles/post.md', diagnostics));
  return { read, diagnostics };
}

describe('front matter', () => {
  it('gives each top-level field its value and the line its key is on', () => {
    const { read, diagnostics } = fields('title: >', '  A folded', '  headline', 'authors:', '  - name: Ana Souza', '    email: ana@example.org', 'tags: [rain, "river"]', '? draft', ': false');
    expect(diagnostics).toEqual([]);
    expect(read).toEqual([
      { key: 'title', value: 'A folded headline\n', line: 2 },
      { key: 'authors', value: [{ name: 'Ana Souza', email: 'ana@example.org' }], line: 5 },
      { key: 'tags', value: ['rain', 'river'], line: 8 },
      { key: 'draft', value: false, line: 9 },
    ]);
  });

  it('reads the YAML 1.2 core schema: a date stays text for the date rules, a number is a number', () => {
    const { read } = fields('published: 2024-05-16 11:55', 'updated: 2024-05-17', 'length: 0x10', 'note: yes', 'none: ~');
    expect(read?.map((f) => f.value)).toEqual(['2024-05-16 11:55', '2024-05-17', 16, 'yes', null]);
  });

  it('places the fields of a flow mapping on its first line', () => {
    expect(fields('{title: T, slug: s}').read).toEqual([
      { key: 'title', value: 'T', line: 2 },
      { key: 'slug', value: 's', line: 2 },
    ]);
  });

  it('gives a key with no value its own line, and mistakes no value for a key', () => {
    const { read, diagnostics } = fields('? draft', 'title: 12');
    expect(diagnostics).toEqual([]);
    expect(read).toEqual([
      { key: 'draft', value: null, line: 2 },
      { key: 'title', value: 12, line: 3 },
    ]);
  });

  it('keeps the dates Jekyll and Hugo write as text, for the date rules, never as a JS Date', () => {
    const { read } = fields('date: 2016-10-06 11:10:38 -0700', 'day: 2024-05-16', 'iso: 2016-08-15T14:51:00.000Z', 'tagged: !!timestamp 2024-05-16');
    expect(read?.map((f) => f.value)).toEqual(['2016-10-06 11:10:38 -0700', '2024-05-16', '2016-08-15T14:51:00.000Z', '2024-05-16']);
  });

  it('reads a key written with a space before its colon, as "layout : post"', () => {
    expect(fields('layout : post', 'title:  "Two spaces"').read).toEqual([
      { key: 'layout', value: 'post', line: 2 },
      { key: 'title', value: 'Two spaces', line: 3 },
    ]);
  });

  it('follows a few aliases, as YAML means them', () => {
    const { read, diagnostics } = fields('tags: &t [rain, river]', 'categories: *t');
    expect(diagnostics).toEqual([]);
    expect(read?.map((f) => f.value)).toEqual([['rain', 'river'], ['rain', 'river']]);
  });

  it('refuses nested aliases that expand past the bound, at once, naming the line', () => {
    // The issue's 555 bytes: nine levels of nine aliases each, 9^9 values once expanded.
    const bomb = ['x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 8; i++) bomb.push(`x${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    bomb.push('author: {name: X, email: *a8}');
    const { read, diagnostics } = fields(...bomb);
    expect(read).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ line: 5, ruleId: 'input/front-matter', severity: 'error' })]);
    expect(diagnostics[0]?.message).toContain('"x3" expands aliases (*name) more than 100 times');
  });

  it('refuses an alias to no anchor, naming it', () => {
    const { diagnostics } = fields('title: T', 'tags: *nowhere');
    expect(diagnostics).toEqual([expect.objectContaining({ line: 3, ruleId: 'input/front-matter', message: expect.stringContaining('*nowhere') })]);
  });

  it('says to quote a title holding ": ", with the line and column of each such value', () => {
    const { read, diagnostics } = fields('title: Jekyll: the "static" guide', 'layout: post', 'description: Part 2: setup');
    expect(read).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ line: 2, column: 8, ruleId: 'input/front-matter', severity: 'error' }),
      expect.objectContaining({ line: 4, column: 14, ruleId: 'input/front-matter', severity: 'error' }),
    ]);
    expect(diagnostics[0]?.message).toBe(
      'front matter is not valid YAML: the value of "title" holds ": ", which YAML reads as the start of another key; put the value in quotes: title: "Jekyll: the \\"static\\" guide"',
    );
    expect(diagnostics[1]?.message).toContain('description: "Part 2: setup"');
  });

  it('reports every YAML error in the block, not only the first', () => {
    const { diagnostics } = fields('title: Jekyll: guide', 'slug: s', 'x: @y', 'tags: [a, b');
    expect(diagnostics.map((d) => d.line)).toEqual([2, 4, 5]);
    expect(diagnostics.every((d) => d.ruleId === 'input/front-matter' && d.severity === 'error' && d.column !== undefined)).toBe(true);
  });

  it('gives nothing for empty front matter or only a comment', () => {
    expect(fields('').read).toEqual([]);
    expect(fields('# nothing yet').read).toEqual([]);
  });

  it.each([
    [['author: Ana Souza', 'tags: [one, two'], 3, 'not valid YAML'],
    [['title: "A quote never closed', 'slug: s'], 2, 'not valid YAML'],
    [['title: T', 'title: U'], 3, 'duplicated mapping key'],
    [['title: T', '  slug: s'], 2, 'not valid YAML'],
    [['title: T', '\tslug: s'], 3, 'indented with a tab'],
    [['- a list', '- of things'], 2, '"key: value" lines'],
    [['title: T', '12: twelve'], 3, 'plain names'],
  ])('reports %j on line %i', (lines, line, says) => {
    const { read, diagnostics } = fields(...lines);
    expect(read).toBeUndefined();
    expect(diagnostics[0]).toEqual(expect.objectContaining({ line, ruleId: 'input/front-matter', severity: 'error', message: expect.stringContaining(says) }));
    expect(diagnostics.every((d) => d.ruleId === 'input/front-matter' && d.line === line)).toBe(true);
  });
});

describe('splitting front matter off a file', () => {
  const split = (text: string) => {
    const diagnostics: Diagnostic[] = [];
    return { split: splitFrontMatter(text, diagnosticsFor('articles/post.md', diagnostics)), diagnostics };
  };

  it.each([
    ['no block', 'Body line\nmore\n', { body: 'Body line\nmore\n', bodyLine: 1 }],
    ['a block', '---\ntitle: T\nslug: s\n---\nBody\n', { front: { format: 'yaml', text: 'title: T\nslug: s', firstLine: 2 }, body: 'Body\n', bodyLine: 5 }],
    ['an empty block', '---\n---\nBody', { front: { format: 'yaml', text: '', firstLine: 2 }, body: 'Body', bodyLine: 3 }],
    ['a block closed by "..." and trailing spaces', '---  \ntitle: T\n...   \n\nBody', { front: { format: 'yaml', text: 'title: T', firstLine: 2 }, body: '\nBody', bodyLine: 4 }],
    ['a block that ends the file', '---\ntitle: T\n---', { front: { format: 'yaml', text: 'title: T', firstLine: 2 }, body: '', bodyLine: 4 }],
    ['a block after a blank line, as in a Hugo post', '\n  \n---\ntitle: T\n---\nBody', { front: { format: 'yaml', text: 'title: T', firstLine: 4 }, body: 'Body', bodyLine: 6 }],
    ['a TOML block between "+++" lines', '+++\ntitle = "T"\n+++\nBody', { front: { format: 'toml', text: 'title = "T"', firstLine: 2 }, body: 'Body', bodyLine: 4 }],
    ['blank lines with no block', '\n\nBody', { body: '\n\nBody', bodyLine: 1 }],
    ['a line that only starts like a fence', '----\ntitle: T\n', { body: '----\ntitle: T\n', bodyLine: 1 }],
  ])('splits %s', (_name, text, expected) => {
    expect(split(text)).toEqual({ split: expected, diagnostics: [] });
  });

  it.each([['---'], ['---\n'], ['---\ntitle: T\nbody without a fence\n'], ['+++\ntitle = "T"\n---\n']])('reports a block never closed in %j on line 1', (text) => {
    const { split: result, diagnostics } = split(text);
    expect(result).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ line: 1, ruleId: 'input/front-matter', message: expect.stringContaining('never closed') })]);
  });
});

describe('TOML front matter', () => {
  const toml = (...lines: string[]) => {
    const diagnostics: Diagnostic[] = [];
    const read = readFrontMatter({ format: 'toml', text: lines.join('\n'), firstLine: 2 }, diagnosticsFor('articles/post.md', diagnostics));
    return { read, diagnostics };
  };

  it('gives each top-level key its value and its line, a table included', () => {
    const { read, diagnostics } = toml('title = "Hugo post"', 'tags = ["a", "b"]', 'draft = false', '', '[params]', 'hero = "x.jpg"');
    expect(diagnostics).toEqual([]);
    expect(read).toEqual([
      { key: 'title', value: 'Hugo post', line: 2 },
      { key: 'tags', value: ['a', 'b'], line: 3 },
      { key: 'draft', value: false, line: 4 },
      { key: 'params', value: { hero: 'x.jpg' }, line: 6 },
    ]);
  });

  it('gives TOML dates as the text docs/dates.md reads: an offset kept, a local date or time left for the config zone', () => {
    const { read } = toml('date = 2016-08-19T08:09:26-07:00', 'utc = 2024-05-16T11:55:00Z', 'local = 2024-07-20T05:00:00', 'day = 2019-07-30', 'quoted = "2016-08-19T08:09:26-07:00"', 'list = [2024-05-16]');
    expect(read?.map((f) => f.value)).toEqual(['2016-08-19T08:09:26-07:00', '2024-05-16T11:55:00Z', '2024-07-20T05:00:00', '2019-07-30', '2016-08-19T08:09:26-07:00', ['2024-05-16']]);
  });

  it('reports a TOML error with its line and column in the file', () => {
    const { read, diagnostics } = toml('title = "T"', 'tags = = 2');
    expect(read).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ line: 3, column: 8, ruleId: 'input/front-matter', severity: 'error', message: expect.stringContaining('not valid TOML') })]);
  });
});

describe('YAML warnings', () => {
  it('reads a value with a tag it does not know as text, with a warning on its line', () => {
    const diagnostics: Diagnostic[] = [];
    const read = readYamlFields('title: T\nsummary: !note Short', 2, diagnosticsFor('articles/post.md', diagnostics));
    expect(read?.[1]).toEqual({ key: 'summary', value: 'Short', line: 3 });
    expect(diagnostics).toEqual([expect.objectContaining({ line: 3, severity: 'warning', ruleId: 'input/front-matter', message: expect.stringContaining('!note; the value is read as text') })]);
  });
});

describe('front matter read by js-yaml, the quicker reader', () => {
  const VALUES = [
    'post', '"Quoted: with a colon"', "'single'", '2016-10-06 11:10:38 -0700', '2024-05-16', '2024-05-16T11:55:00+08:00', '2021-06-03 12:55',
    // Not "-0" nor "1_000": js-yaml reads them as -0 and 1000 (YAML 1.1's integers), yaml as 0 and text; neither is a value any field takes.
    'true', 'True', 'TRUE', 'false', 'yes', 'no', 'on', '~', 'null', 'Null', 'NULL', 'nULL', '12', '-3', '+7', '0123', '12345678901234567890',
    '1.5', '.5', '1.', '1e3', '0x1F', '0o17', '.inf', '-.Inf', '.nan', '3.3.0', '[a, b]', '[a b, c]', '[]', '[ ]', `["a", 'b']`, '["a, b"]',
    '[a,]', '[1, true, ~, x]', '[[a]]', '[a, [b]]', '{a: 1}', '[a:b]', 'Hello, world', 'C# in depth', 'a #comment', 'a: b', 'http://x.org/a?b=c#d',
    '-5', '-foo', '- foo', '?x', ':x', '&a x', '*a', '!t x', '|', '>', '%x', '@x', '`x`', '"esc \\" x"', '"back\\\\slash"', "'it''s'", '"unclosed',
    'x:', 'Zürich – “quoted”', 'tab\there', '"', "'", '""', "''", 'a  b', 'trailing   ', '<!--more-->', '/img/x.png', 'x # y', '#x', 'a:b', 'a :b',
    '\u00a0nbsp', '[\u00a0a]', 'a\u2028b', 'del\u007f', '"x" # c', '[a] b',
  ];
  const KEYS = ['title', 'true: x', 'null: x', 'Null: x', 'last_modified_at: x', 'layout : post', 'a-b: c', '_x: y', 'x:y', 'título: x', '1: x'];
  const BLOCKS = ['a: 1\nb: 2', 'a: 1\na: 2', 'a:\n  - x', 'a:\n- x', 'a: x\n  continued', '# c\na: 1\n\n', '', '   ', '\ta: 1', 'a:\n# c\nb: 2', 'a: x\n b: y',
    'tags:\n- a\n- b', 'tags:\n  - a\n  - "b"\n\n  - c', 'tags:\n    - 1\n    - true\n    - ~', 'tags:\n  - a\n - b', 'tags:\n  - a\n  -', 'tags:\n  - a: b',
    'tags:\n  - a\n# c\n  - b', 'tags:\n  - a\nnext: 1', 'tags:\n  - [a]', 'tags:\n  - a\n    b', 'tags:\n  -a', 'tags:\n  - a\n  - a', 'a: x\n  - b', 'tags:\n\t- a'];
  const cases = [...VALUES.map((v) => `title: ${v}`), ...KEYS.map((k) => (k.includes(':') ? k : `${k}: T`)), ...BLOCKS];

  it.each(cases)('reads %j as yaml does, or leaves it to yaml', (text) => {
    const fast = quickYamlFields(text, 2);
    if (fast === undefined) return;
    const diagnostics: Diagnostic[] = [];
    expect(fast).toEqual(parseYamlFields(text, 2, diagnosticsFor('articles/post.md', diagnostics)));
    expect(diagnostics).toEqual([]);
  });

  it('reads the front matter most posts have, so that yaml is rarely needed', () => {
    const post = ['layout : post', 'title:  "Reservoirs: a guide"', 'date: 2016-10-06 11:10:38 -0700', '# a comment', 'categories: [water, city news]', 'tags: reservoirs rationing', 'comments: true', 'weight: 3', 'image: /img/x.png', ''];
    expect(quickYamlFields(post.join('\n'), 2)).toEqual([
      { key: 'layout', value: 'post', line: 2 },
      { key: 'title', value: 'Reservoirs: a guide', line: 3 },
      { key: 'date', value: '2016-10-06 11:10:38 -0700', line: 4 },
      { key: 'categories', value: ['water', 'city news'], line: 6 },
      { key: 'tags', value: 'reservoirs rationing', line: 7 },
      { key: 'comments', value: true, line: 8 },
      { key: 'weight', value: 3, line: 9 },
      { key: 'image', value: '/img/x.png', line: 10 },
    ]);
  });

  it('reads a block list of simple values, as Jekyll posts write tags', () => {
    expect(quickYamlFields('tags:\n    - rain\n    - "river"\ndraft: false', 2)).toEqual([
      { key: 'tags', value: ['rain', 'river'], line: 2 },
      { key: 'draft', value: false, line: 5 },
    ]);
  });

  it.each([['title: Jekyll: the guide'], ['a: 1\na: 2'], ['x: *a'], ['a: &x [1]\nb: *x'], ['summary: !note Short'], ['- a list']])('leaves %j to yaml', (text) => {
    expect(quickYamlFields(text, 2)).toBeUndefined();
  });
});
