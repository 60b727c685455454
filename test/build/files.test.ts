import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRecordFiles } from '../../src/build/files.js';
import { article, makeProject } from '../helpers.js';

describe('listRecordFiles', () => {
  it('lists the files in the order of their paths, walking each folder as its paths sort', async () => {
    // Names that sort otherwise as names than as paths: "a/x" comes after "a-b" and "a.txt", since "/" comes after "-" and ".".
    // An emoji (two UTF-16 units from U+D800) sorts before U+FF5E, as strings do, though its UTF-8 bytes sort after.
    const names = ['a/x.txt', 'a/b/y.txt', 'a-b.txt', 'a.txt', 'a!/z.txt', 'ab/c.md', 'a-b/d.md', 'B.txt', 'é.txt', 'z/a.json', '\u{1F600}.txt', '\uFF5E.txt'];
    const dir = await makeProject(Object.fromEntries(names.map((name) => [`articles/${name}`, article()])));
    const articles = join(dir, 'articles');
    const listed = [...listRecordFiles(articles).paths];
    const expected = names.map((name) => join(articles, name)).sort((p, q) => (p < q ? -1 : p > q ? 1 : 0));
    expect(listed).toEqual(expected);
    // The order is the paths' own, not the names': a folder's files after the files its name begins.
    expect(listed.indexOf(join(articles, 'a', 'x.txt'))).toBeGreaterThan(listed.indexOf(join(articles, 'a.txt')));
    expect(listed.every((path) => path.startsWith(articles + sep))).toBe(true);
  });
});
