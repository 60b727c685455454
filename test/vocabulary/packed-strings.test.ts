import { describe, expect, it } from 'vitest';
import { PackedStrings } from '../../src/vocabulary/memory.js';

describe('PackedStrings', () => {
  it('gives back each string as it was added, across the buffer growing', () => {
    const packed = new PackedStrings();
    const texts = Array.from({ length: 3000 }, (_, i) => `${i % 7 === 0 ? '' : 'naïve/日本/🎉/'}${'x'.repeat(i % 50)}${i}`);
    for (const text of texts) packed.push(text);
    expect(packed.length).toBe(3000);
    expect([...packed]).toEqual(texts);
    expect(packed.at(0)).toBe(texts[0]);
    expect(packed.at(-1)).toBe(texts.at(-1));
    expect(packed.at(3000)).toBeUndefined();
    expect(packed.at(-3001)).toBeUndefined();
    // Never bytes past the end, or left from before.
    expect(packed.at(Number.NaN)).toBeUndefined();
    expect(packed.at(1.5)).toBeUndefined();
  });

  it('keeps a prefix once, and refuses a string without it', () => {
    const packed = new PackedStrings('/site/articles/');
    packed.push('/site/articles/a.md');
    packed.push('/site/articles/b/\uFFFD.txt');
    packed.push('/site/articles/');
    expect([...packed]).toEqual(['/site/articles/a.md', '/site/articles/b/\uFFFD.txt', '/site/articles/']);
    expect(() => packed.push('/elsewhere/c.md')).toThrow('/elsewhere/c.md does not start with /site/articles/');
  });
});
