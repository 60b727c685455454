import { describe, expect, it } from 'vitest';
import { diagnosticsFor, type Diagnostic } from '../../src/vocabulary/diagnostic.js';
import { readYamlFields, splitFrontMatter } from '../../src/records/front-matter.js';

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

  it('places every field on the first line when a key has no value, and mistakes no value for a key', () => {
    const { read, diagnostics } = fields('? draft', 'title: 12');
    expect(diagnostics).toEqual([]);
    expect(read).toEqual([
      { key: 'draft', value: null, line: 2 },
      { key: 'title', value: 12, line: 2 },
    ]);
  });

  it('gives nothing for empty front matter or only a comment', () => {
    expect(fields('').read).toEqual([]);
    expect(fields('# nothing yet').read).toEqual([]);
  });

  it.each([
    [['author: Ana Souza', 'tags: [one, two'], 3, 'not valid YAML'],
    [['title: "A quote never closed', 'slug: s'], 2, 'not valid YAML'],
    [['title: T', 'title: U'], 3, 'duplicated mapping key'],
    [['title: T', '  slug: s'], 3, 'not valid YAML'],
    [['- a list', '- of things'], 2, '"key: value" lines'],
    [['title: T', '12: twelve'], 3, 'plain names'],
  ])('reports %j on line %i', (lines, line, says) => {
    const { read, diagnostics } = fields(...lines);
    expect(read).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ line, ruleId: 'input/front-matter', severity: 'error', message: expect.stringContaining(says) })]);
  });
});

describe('splitting front matter off a file', () => {
  const split = (text: string) => {
    const diagnostics: Diagnostic[] = [];
    return { split: splitFrontMatter(text, diagnosticsFor('articles/post.md', diagnostics)), diagnostics };
  };

  it.each([
    ['no block', 'Body line\nmore\n', { body: 'Body line\nmore\n', bodyLine: 1 }],
    ['a block', '---\ntitle: T\nslug: s\n---\nBody\n', { yaml: { text: 'title: T\nslug: s', firstLine: 2 }, body: 'Body\n', bodyLine: 5 }],
    ['an empty block', '---\n---\nBody', { yaml: { text: '', firstLine: 2 }, body: 'Body', bodyLine: 3 }],
    ['a block closed by "..." and trailing spaces', '---  \ntitle: T\n...   \n\nBody', { yaml: { text: 'title: T', firstLine: 2 }, body: '\nBody', bodyLine: 4 }],
    ['a block that ends the file', '---\ntitle: T\n---', { yaml: { text: 'title: T', firstLine: 2 }, body: '', bodyLine: 4 }],
    ['a line that only starts like a fence', '----\ntitle: T\n', { body: '----\ntitle: T\n', bodyLine: 1 }],
  ])('splits %s', (_name, text, expected) => {
    expect(split(text)).toEqual({ split: expected, diagnostics: [] });
  });

  it.each([['---'], ['---\n'], ['---\ntitle: T\nbody without a fence\n']])('reports a block never closed in %j on line 1', (text) => {
    const { split: result, diagnostics } = split(text);
    expect(result).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ line: 1, ruleId: 'input/front-matter', message: expect.stringContaining('never closed') })]);
  });
});
