import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check/check.js';
import { PROFILE_RULES, RULES, rulesWith } from '../../src/check/rules/index.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'check');
const RULES_DIR = join(import.meta.dirname, '..', '..', 'src', 'check', 'rules');
/** A fixed "now" for the checks, so that what counts as the future does not move. */
const NOW = Date.UTC(2026, 0, 1);

/** Each fixture folder under test/fixtures/check, named by rule id (`rss/author-email`). */
const folders = readdirSync(FIXTURES).flatMap((group) => readdirSync(join(FIXTURES, group)).map((name) => `${group}/${name}`));
const fixtures = (id: string, kind: 'pass' | 'fail') => (existsSync(join(FIXTURES, id)) ? readdirSync(join(FIXTURES, id)).filter((f) => f.startsWith(kind)) : []);
/** Every rule, the profiles' too: a profile's rule is run with its profile's. */
const ALL = [...RULES, ...PROFILE_RULES];
const profileOf = (id: string) => ALL.find((r) => r.meta.id === id)?.meta.profile;
const run = (id: string, file: string) => {
  const profile = profileOf(id);
  return check(readFileSync(join(FIXTURES, id, file), 'utf8'), { file, now: NOW, ...(profile ? { rules: rulesWith([profile]) } : {}) });
};

describe('the rule registry', () => {
  it('gives every rule a unique id of the form format/name', () => {
    const ids = ALL.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(feed|rss|atom|json|rdf|apple|podcastindex|media)\/[a-z0-9]+(-[a-z0-9]+)*$/);
    // A profile's rules are named by it, and run only with it.
    for (const rule of PROFILE_RULES) expect(rule.meta.id.split('/')[0], rule.meta.id).toBe(rule.meta.profile);
    for (const rule of RULES) expect(rule.meta.profile, rule.meta.id).toBeUndefined();
  });

  it('documents every rule: a one-line description, the spec section, the W3C message and the formats it applies to', () => {
    for (const { meta } of ALL) {
      expect(meta.description, meta.id).toMatch(/^\S.{10,}\.$/);
      expect(meta.description, meta.id).not.toContain('\n');
      expect(meta.spec.length, meta.id).toBeGreaterThan(5);
      expect(meta.w3c, meta.id).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(['error', 'warning', 'info']).toContain(meta.severity);
      const [group] = meta.id.split('/');
      if (group !== 'feed' && meta.profile === undefined) expect(meta.formats, meta.id).toContain(group);
    }
  });

  it('keeps each rule in a module of its own, named after its id', () => {
    const modules = readdirSync(RULES_DIR).filter((f) => f !== 'index.ts' && f !== 'rule.ts');
    expect(modules.sort()).toEqual(ALL.map((r) => `${r.meta.id.replace('/', '-')}.ts`).sort());
  });

  it('has a fixture folder for every rule, and a rule for every fixture folder', () => {
    expect(folders.sort()).toEqual(ALL.map((r) => r.meta.id).sort());
  });
});

describe.each(ALL.map((r) => [r.meta.id, r] as const))('rule %s', (id) => {
  const expected = existsSync(join(FIXTURES, id, 'expect.json')) ? (JSON.parse(readFileSync(join(FIXTURES, id, 'expect.json'), 'utf8')) as Record<string, string[]>) : {};

  it('has at least one document that must trigger it and one that must not', () => {
    expect(fixtures(id, 'fail').length).toBeGreaterThan(0);
    expect(fixtures(id, 'pass').length).toBeGreaterThan(0);
  });

  it('fires on each failing document exactly where its expect.json says', () => {
    expect(Object.keys(expected).sort()).toEqual(fixtures(id, 'fail').sort());
    for (const file of fixtures(id, 'fail')) {
      const at = run(id, file).diagnostics.filter((d) => d.ruleId === id);
      expect(at.length, file).toBeGreaterThan(0);
      expect(at.map((d) => `${d.line}:${d.column}`), file).toEqual(expected[file]);
    }
  });

  it('lets every passing document through with no diagnostic from any rule', () => {
    for (const file of fixtures(id, 'pass')) {
      const result = run(id, file);
      expect(result.format, file).toBeDefined();
      expect(result.diagnostics, file).toEqual([]);
    }
  });
});
