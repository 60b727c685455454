import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, type Rule } from '../../src/check/rules/index.js';
import { parseConfig } from '../../src/config/config.js';
import { rulesMarkdown } from '../../scripts/rules-doc.js';

const REGENERATE = 'docs/rules.md is not the list the rules make; run "npm run docs:rules" and commit docs/rules.md';

const aRule = (meta: Partial<Rule['meta']>): Rule => ({
  meta: { id: 'test/rule', severity: 'error', description: 'A test rule.', spec: 'none', w3c: 'None', formats: ['rss'], ...meta },
  create: () => ({}),
});

describe('rulesMarkdown', () => {
  it('lists every registered rule once, with its severity and formats', () => {
    const page = rulesMarkdown();
    for (const rule of RULES) {
      const rows = page.split('\n').filter((line) => line.startsWith(`| \`${rule.meta.id}\` |`));
      expect(rows, rule.meta.id).toHaveLength(1);
      expect(rows[0]).toContain(`| ${rule.meta.severity} |`);
    }
  });

  it('keeps a "|" or a "<" in a description from breaking the table', () => {
    const page = rulesMarkdown([aRule({ description: 'a | b', spec: 'RSS 2.0, "<guid> sub-element of <item>"' })]);
    const row = page.split('\n').find((line) => line.startsWith('| `test/rule` |'));
    expect(row).toBe('| `test/rule` | error | RSS | a \\| b | RSS 2.0, "&lt;guid> sub-element of &lt;item>" | None |');
  });

  it('counts the rules of each severity', () => {
    const page = rulesMarkdown([aRule({}), aRule({ id: 'test/other', severity: 'warning' })]);
    expect(page).toContain('runs 2 rules (1 error, 1 warning, 0 info)');
  });
});

describe('docs/rules.md', () => {
  // `npm run docs:rules` runs this file with --update, which writes the page.
  it('is the page the rules make now', async () => {
    await expect(rulesMarkdown(), REGENERATE).toMatchFileSnapshot('../../docs/rules.md');
  });
});

describe('the config tables', () => {
  // The config names its keys in the message for an unknown one: the list the tables must keep up with.
  const keys = () => {
    const message = parseConfig('{"no-such-key": 1}', 'config').diagnostics.find((d) => d.ruleId === 'config/unknown-key')?.message ?? '';
    return /the keys are (.+)$/.exec(message)?.[1]?.split(', ') ?? [];
  };
  const tableKeys = (file: string) =>
    new Set(
      readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .flatMap((line) => [...(line.split(' | ')[0] ?? '').matchAll(/`(\w+)`/g)].map((m) => m[1])),
    );

  it('finds the config keys to compare with', () => {
    expect(keys()).toContain('siteUrl');
  });

  for (const file of ['README.md', 'docs/config.md']) {
    it(`lists every config key in ${file}`, () => {
      const listed = tableKeys(file);
      expect(keys().filter((key) => !listed.has(key)), `config keys missing from the table in ${file}`).toEqual([]);
    });
  }
});
