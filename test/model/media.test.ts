import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticsFor, type Diagnostic } from '../../src/vocabulary/diagnostic.js';
import { localMediaSizes } from '../../src/build/media-sizes.js';
import { settleMedia } from '../../src/model/media.js';
import { tempDir } from '../temp.js';

const settle = (url: string, type?: string, sizes = new Map<string, number>()) => {
  const diagnostics: Diagnostic[] = [];
  const media = settleMedia({ url, ...(type ? { type } : {}) }, sizes, diagnosticsFor('a.md', diagnostics), 3, 'the image');
  return { media, diagnostics };
};

describe('settleMedia', () => {
  it('derives the media type from the extension with a real table', () => {
    expect(settle('https://x.example/a.jpg').media?.type).toBe('image/jpeg');
    expect(settle('https://x.example/a.JPEG?w=2').media?.type).toBe('image/jpeg');
    expect(settle('https://x.example/ep.mp3').media?.type).toBe('audio/mpeg');
    expect(settle('https://x.example/ep.m4a').media?.type).toBe('audio/mp4');
    expect(settle('https://x.example/p.webp').media?.type).toBe('image/webp');
  });

  it('keeps a given type, but never writes image/jpg', () => {
    expect(settle('https://x.example/a', 'audio/ogg').media?.type).toBe('audio/ogg');
    const { media, diagnostics } = settle('https://x.example/a.jpg', 'image/jpg');
    expect(media?.type).toBe('image/jpeg');
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', ruleId: 'input/media-type', line: 3 });
  });

  it('refuses a URL whose type cannot be told', () => {
    const { media, diagnostics } = settle('https://x.example/stream');
    expect(media).toBeUndefined();
    expect(diagnostics[0]?.message).toContain('give its "type"');
  });

  it('takes the length from the measured sizes when the record gives none', () => {
    expect(settle('https://x.example/a.jpg', undefined, new Map([['https://x.example/a.jpg', 1234]])).media?.length).toBe(1234);
  });
});

describe('localMediaSizes', () => {
  it('measures files served from the site that lie under publicDir, and nothing else', async () => {
    const dir = await tempDir('feedwright-media-');
    await mkdir(join(dir, 'media'), { recursive: true });
    await writeFile(join(dir, 'media', 'a b.mp3'), Buffer.alloc(4321));
    await writeFile(join(dir, 'secret.txt'), 'x');
    const sizes = await localMediaSizes(
      ['https://site.example/blog/media/a%20b.mp3', 'https://site.example/blog/missing.mp3', 'https://other.example/blog/media/a%20b.mp3', 'https://site.example/blog/%2E%2E/secret.txt'],
      'https://site.example/blog',
      dir,
    );
    expect([...sizes]).toEqual([['https://site.example/blog/media/a%20b.mp3', 4321]]);
  });
});
