import { describe, expect, it } from 'vitest';
import { archiveView, followArchive } from '../../src/check/chain.js';

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>https://notes.example.org/atom.xml</id>
  <title>Harbor Notes</title>
  <updated>2025-05-20T07:45:00Z</updated>
  <author><name>Harbor Desk</name></author>
  <link rel="self" href="https://notes.example.org/atom.xml"/>
  <link rel="prev-archive" href="https://notes.example.org/archive/1/atom.xml"/>
</feed>
`;
const ENTRY = `<?xml version="1.0" encoding="UTF-8"?>
<entry xmlns="http://www.w3.org/2005/Atom">
  <id>tag:notes.example.org,2025-05-20:ferry</id>
  <title>Ferry adds a dawn crossing</title>
  <updated>2025-05-20T07:45:00Z</updated>
  <author><name>Harbor Desk</name></author>
  <link href="https://notes.example.org/ferry/"/>
</entry>
`;

describe('the archive chain', () => {
  it('says a page that is an Atom entry standing alone is no feed, though the entry itself is valid', async () => {
    const head = { file: 'atom.xml', view: archiveView(HEAD)! };
    const diagnostics = await followArchive(head, async () => ({ file: 'archive/1/atom.xml', text: ENTRY }), { now: Date.UTC(2026, 0, 1) });
    expect(diagnostics.map((d) => [d.file, d.ruleId, d.severity])).toEqual([['atom.xml', 'archive/not-a-feed', 'error']]);
    expect(diagnostics[0]!.message).toContain('archive/1/atom.xml is not a feed');
  });
});
