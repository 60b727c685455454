import { checkUrl } from '../values.js';
import type { JsonObject, Rule } from './rule.js';

const FEED_URLS = ['home_page_url', 'feed_url', 'next_url', 'icon', 'favicon'] as const;
const ITEM_URLS = ['url', 'external_url', 'image', 'banner_image'] as const;
const PERSON_URLS = ['url', 'avatar'] as const;

const objects = (value: unknown): [JsonObject, number][] =>
  Array.isArray(value) ? value.flatMap((v, i) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? [[v as JsonObject, i] as [JsonObject, number]] : [])) : [];

export const rule: Rule = {
  meta: {
    id: 'json/absolute-url',
    severity: 'error',
    description: 'URLs (home_page_url, feed_url, url, external_url, image, icon, author and attachment URLs) must be absolute.',
    spec: 'JSON Feed 1.1, "Top-level", "Items" and "Attachments"',
    w3c: 'InvalidFullLink',
    formats: ['json'],
  },
  create: (context) => {
    const check = (object: JsonObject, keys: readonly string[], path: readonly (string | number)[], what: string) => {
      for (const key of keys) {
        const value = object[key];
        if (value === undefined) continue;
        const url = typeof value === 'string' ? checkUrl(value) : { ok: false as const, reason: `${JSON.stringify(value)} is not a string` };
        if (!url.ok) context.report([...path, key], `the "${key}" of ${what} ${url.reason}; write a full URL, such as "https://example.com/path"`);
      }
    };
    const people = (object: JsonObject, path: readonly (string | number)[], what: string) => {
      if (typeof object.author === 'object' && object.author !== null) check(object.author as JsonObject, PERSON_URLS, [...path, 'author'], `the author of ${what}`);
      for (const [person, i] of objects(object.authors)) check(person, PERSON_URLS, [...path, 'authors', i], `author ${i} of ${what}`);
    };
    return {
      feed(feed) {
        check(feed, FEED_URLS, [], 'the feed');
        people(feed, [], 'the feed');
      },
      item(item, index) {
        const path = ['items', index];
        check(item, ITEM_URLS, path, `item ${index}`);
        people(item, path, `item ${index}`);
        for (const [attachment, i] of objects(item.attachments)) check(attachment, ['url'], [...path, 'attachments', i], `attachment ${i} of item ${index}`);
      },
    };
  },
};
