import { own } from '../../vocabulary/memory.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'atom/duplicate-id',
    severity: 'warning',
    description: 'No two entries should share an id: readers keep only one of them.',
    spec: 'RFC 4287, section 4.1.1',
    w3c: 'DuplicateEntries',
    formats: ['atom'],
  },
  create: (context) => {
    // Offsets, not elements, and ids of their own: an element keeps its parent, and a slice its text, alive.
    const seen = new Map<string, number>();
    return {
      elements: {
        'atom:id'(id) {
          if (id.parent?.key !== 'atom:entry') return;
          const text = id.text.trim();
          const first = seen.get(text);
          if (first === undefined) return void seen.set(own(text), id.offset);
          const at = context.position(first);
          context.report(id, `<id> "${text}" is also the id of an earlier entry${at ? ` (line ${at.line})` : ''}; readers show only one of them; give every entry its own id`);
        },
      },
    };
  },
};
