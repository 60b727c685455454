import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'json/hub',
    severity: 'error',
    description: '"hubs" is an array of objects, each with a "type" and a "url", both strings.',
    spec: 'JSON Feed 1.1, "Top-level" (hubs)',
    w3c: 'MissingAttribute',
    formats: ['json'],
  },
  create: (context) => ({
    feed(feed) {
      const hubs = feed.hubs;
      if (hubs === undefined) return;
      if (!Array.isArray(hubs)) return context.report(['hubs'], `"hubs" must be an array of objects with "type" and "url"; found ${JSON.stringify(hubs)}`);
      hubs.forEach((hub: unknown, i: number) => {
        const h = typeof hub === 'object' && hub !== null && !Array.isArray(hub) ? (hub as Record<string, unknown>) : {};
        const missing = ['type', 'url'].filter((key) => typeof h[key] !== 'string' || h[key] === '');
        if (missing.length > 0) context.report(['hubs', i], `hub ${i + 1} has no ${missing.map((k) => `"${k}"`).join(' and no ')}, a string; JSON Feed 1.1 requires both, as {"type": "WebSub", "url": "https://hub.example.com/"}`);
      });
    },
  }),
};
