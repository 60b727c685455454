import type { JsonObject, Rule } from './rule.js';

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export const rule: Rule = {
  meta: {
    id: 'json/author',
    severity: 'error',
    description: '"authors" is an array of author objects, and an author object (in "authors", or 1.0\'s "author") has at least one of name, url and avatar, and a name that is a string.',
    spec: 'JSON Feed 1.1, "Top-level" (authors) and "Items"',
    w3c: 'MissingElement',
    formats: ['json'],
  },
  create: (context) => {
    const person = (value: unknown, at: readonly (string | number)[], what: string) => {
      if (!isObject(value)) return context.report(at, `${what} must be an object with a "name", a "url" or an "avatar"; found ${JSON.stringify(value)}`);
      const given = ['name', 'url', 'avatar'].filter((key) => value[key] !== undefined);
      if (given.length === 0) return context.report(at, `${what} has none of "name", "url" and "avatar"; JSON Feed 1.1 requires at least one`);
      // json/absolute-url checks a url and an avatar.
      if (value.name !== undefined && typeof value.name !== 'string') context.report([...at, 'name'], `"name" of ${what} must be a string; found ${JSON.stringify(value.name)}`);
    };
    const people = (object: JsonObject, at: readonly (string | number)[], what: string) => {
      if (object.author !== undefined) person(object.author, [...at, 'author'], `the "author" of ${what}`);
      const authors = object.authors;
      if (authors === undefined) return;
      if (!Array.isArray(authors)) return context.report([...at, 'authors'], `"authors" of ${what} must be an array of author objects; found ${JSON.stringify(authors)}`);
      authors.forEach((a: unknown, i: number) => person(a, [...at, 'authors', i], `author ${i + 1} of ${what}`));
    };
    return {
      feed: (feed) => people(feed, [], 'the feed'),
      item: (item, index) => people(item, ['items', index], `item ${index + 1}`),
    };
  },
};
