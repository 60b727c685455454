import type { JsonObject, Rule } from './rule.js';

type Kind = 'string' | 'boolean' | 'strings';

/** The members JSON Feed 1.1 gives a type that no other json/ rule checks. */
const FEED: Readonly<Record<string, Kind>> = { description: 'string', user_comment: 'string', language: 'string', expired: 'boolean' };
const ITEM: Readonly<Record<string, Kind>> = { title: 'string', summary: 'string', language: 'string', tags: 'strings' };

const SHAPE: Readonly<Record<Kind, string>> = { string: 'a string', boolean: 'true or false', strings: 'an array of strings' };

const fits = (value: unknown, kind: Kind): boolean =>
  kind === 'strings' ? Array.isArray(value) && value.every((v) => typeof v === 'string') : typeof value === kind;

export const rule: Rule = {
  meta: {
    id: 'json/value-type',
    severity: 'error',
    description: 'Each member has the type JSON Feed 1.1 gives it: description, user_comment, language, an item\'s title and summary are strings, expired is true or false, tags an array of strings.',
    spec: 'JSON Feed 1.1, "Top-level" and "Items"',
    w3c: 'InvalidValue',
    formats: ['json'],
  },
  create: (context) => {
    const check = (object: JsonObject, types: Readonly<Record<string, Kind>>, path: readonly (string | number)[], what: string) => {
      for (const [key, kind] of Object.entries(types)) {
        const value = object[key];
        if (value !== undefined && !fits(value, kind)) context.report([...path, key], `"${key}" of ${what} must be ${SHAPE[kind]}; found ${JSON.stringify(value)}`);
      }
    };
    return {
      feed: (feed) => check(feed, FEED, [], 'the feed'),
      item: (item, index) => check(item, ITEM, ['items', index], `item ${index + 1}`),
    };
  },
};
