import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'json/item-id',
    severity: 'error',
    description: 'Each item must have an id, a non-empty string unique in the feed.',
    spec: 'JSON Feed 1.1, "Items" (id)',
    w3c: 'MissingElement',
    formats: ['json'],
  },
  create: (context) => {
    const seen = new Map<string, number>();
    return {
      item(item, index) {
        const { id } = item;
        if (id === undefined) return void context.report(['items', index], `item ${index} has no "id"; give it a permanent one, such as its URL or "tag:example.com,2024-05-16:name"`);
        if (typeof id !== 'string') {
          return void context.report(['items', index, 'id'], `the "id" of item ${index} is ${JSON.stringify(id)}, not a string; JSON Feed 1.1 requires a string: write "${String(id)}" in quotes`);
        }
        if (id.trim() === '') return void context.report(['items', index, 'id'], `the "id" of item ${index} is empty; give it a permanent one`);
        const first = seen.get(id);
        if (first === undefined) return void seen.set(id, index);
        context.report(['items', index, 'id'], `the "id" of item ${index}, "${id}", is also the id of item ${first}; readers show only one of them; give every item its own id`);
      },
    };
  },
};
