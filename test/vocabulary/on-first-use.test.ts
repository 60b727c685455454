import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onFirstUse } from '../../src/vocabulary/on-first-use.js';

const COUNTED = join(import.meta.dirname, '..', 'fixtures', 'load', 'counted.cjs');
const loads = () => (globalThis as { feedwrightTestLoads?: number }).feedwrightTestLoads ?? 0;

describe('onFirstUse', () => {
  it('loads the module when first called, not before, and once', () => {
    const made: string[] = [];
    const use = onFirstUse(COUNTED, (module: { name: string }) => {
      made.push(module.name);
      return `made from ${module.name}`;
    });
    expect(loads()).toBe(0);
    expect(use()).toBe('made from counted');
    expect(use()).toBe('made from counted');
    expect(loads()).toBe(1);
    expect(made).toEqual(['counted']);
  });

  it('gives the module itself when nothing is made of it', () => {
    expect(onFirstUse<{ name: string }>(COUNTED)()).toEqual({ name: 'counted' });
  });
});
