import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnosticsFor, type Diagnostic } from '../../src/vocabulary/diagnostic.js';
import { XML_FORBIDDEN } from '../../src/vocabulary/formats.js';
import { cleanString, decodeText } from '../../src/records/text.js';
import { anyText, kept, loses, RUNS } from './arbitraries.js';

const FORBIDDEN = new RegExp(XML_FORBIDDEN.source);

describe('cleanString, on any text', () => {
  it('removes exactly the characters XML 1.0 forbids, makes CRLF and CR into LF, and warns only when it removed one', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const diagnostics: Diagnostic[] = [];
        const out = cleanString(text, diagnosticsFor('articles/a.json', diagnostics), 3, 'title');
        expect(out).toBe(kept(text));
        expect(FORBIDDEN.test(out)).toBe(false);
        expect(out.includes('\r')).toBe(false);
        if (loses(text)) {
          expect(diagnostics).toHaveLength(1);
          expect(diagnostics[0]).toMatchObject({ file: 'articles/a.json', line: 3, ruleId: 'input/forbidden-character', severity: 'warning' });
          expect(diagnostics[0]!.message).toContain('in "title"');
          expect(diagnostics[0]!.message).toMatch(/\(U\+[0-9A-F]{4}(, U\+[0-9A-F]{4})*\); they were removed/);
        } else {
          expect(diagnostics).toEqual([]);
        }
        // Cleaning twice changes nothing more, and says nothing more.
        const again: Diagnostic[] = [];
        expect(cleanString(out, diagnosticsFor('articles/a.json', again))).toBe(out);
        expect(again).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('decodeText, on the bytes of any file', () => {
  it('reads UTF-8 text without its BOM, LF line ends, the forbidden characters removed with a warning on each line that had one', () => {
    fc.assert(
      fc.property(anyText.filter((s) => !s.includes('\u0000')), fc.boolean(), (text, bom) => {
        // What a file can hold: a lone surrogate is not UTF-8 and becomes U+FFFD when written.
        const bytes = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
        const onDisk = bytes.toString('utf8').replace(/^\uFEFF/, '');
        const diagnostics: Diagnostic[] = [];
        const out = decodeText(bytes, diagnosticsFor('articles/a.txt', diagnostics));
        expect(out).toBe(kept(onDisk));
        const lines = onDisk.replace(/\r\n?/g, '\n').split('\n');
        const warnedLines = lines.flatMap((line, i) => (loses(line) ? [i + 1] : []));
        expect(diagnostics.map((d) => d.line)).toEqual(warnedLines);
        expect(diagnostics.every((d) => d.ruleId === 'input/forbidden-character' && d.severity === 'warning')).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses bytes that are not UTF-8, or hold a NUL, naming the line and the first bad byte', () => {
    const bad = fc.oneof(
      fc.constant([0x00]),
      fc.constant([0xff]),
      fc.constant([0xc3]), // a lead byte with nothing after it
      fc.constant([0xe2, 0x82]), // a three-byte sequence cut short
      fc.constant([0xed, 0xa0, 0x80]), // an encoded surrogate
      fc.constant([0xc0, 0xaf]), // an overlong "/"
      fc.constant([0xf4, 0x90, 0x80, 0x80]), // past U+10FFFF
      fc.integer({ min: 0x80, max: 0xbf }).map((b) => [b]), // a continuation byte alone
    );
    fc.assert(
      fc.property(anyText.filter((s) => !s.includes('\u0000')), bad, anyText.filter((s) => !s.includes('\u0000')), (before, badBytes, after) => {
        const head = Buffer.from(before, 'utf8');
        const bytes = Buffer.concat([head, Buffer.from(badBytes), Buffer.from(after, 'utf8')]);
        const diagnostics: Diagnostic[] = [];
        expect(decodeText(bytes, diagnosticsFor('articles/a.txt', diagnostics))).toBeUndefined();
        expect(diagnostics).toHaveLength(1);
        const [d] = diagnostics;
        expect(d).toMatchObject({ ruleId: 'input/not-text', severity: 'error' });
        const at = Number(/(?:binary data at byte|UTF-8 text: byte) (\d+)/.exec(d!.message)?.[1]);
        // The first bad byte is at or after the good text, within the bad sequence.
        expect(at).toBeGreaterThanOrEqual(head.length);
        expect(at).toBeLessThanOrEqual(head.length + badBytes.length);
        expect(d!.line).toBe(bytes.subarray(0, at).filter((b) => b === 0x0a).length + 1);
      }),
      { numRuns: RUNS },
    );
  });
});
