import { own } from '../../vocabulary/memory.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'rss/duplicate-guid',
    severity: 'error',
    description: 'No two items may have the same guid: readers treat them as one item and drop the other.',
    spec: 'RSS 2.0, "<guid> sub-element of <item>"',
    w3c: 'DuplicateValue',
    formats: ['rss'],
  },
  create: (context) => {
    // Offsets, not elements, and ids of their own: an element keeps its parent, and a slice its text, alive.
    const seen = new Map<string, number>();
    return {
      elements: {
        guid(guid) {
          if (guid.parent?.key !== 'item') return;
          const id = guid.text.trim();
          const first = seen.get(id);
          if (first === undefined) return void seen.set(own(id), guid.offset);
          const at = context.position(first);
          context.report(guid, `<guid> "${id}" is also the guid of an earlier item${at ? ` (line ${at.line})` : ''}; readers will show only one of them; give every item its own guid`);
        },
      },
    };
  },
};
