import { PROFILE_RULES, RULES, type Rule } from '../src/check/rules/index.js';

/**
 * docs/rules.md, made from each rule's own metadata so that the list cannot
 * drift from the rules. Run `npm run docs:rules` to write it; the test in
 * test/docs/rules-doc.test.ts fails while the committed page differs.
 */

const FORMAT_NAMES: Readonly<Record<string, string>> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed', rdf: 'RSS 1.0' };

const SEVERITY_MEANING = [
  '- **error**: fails `feedwright check`, and stops a build before anything is written.',
  '- **warning**: printed; fails `feedwright check --strict` and `feedwright build --strict`.',
  '- **info**: printed by `feedwright check`; never fails a check or a build.',
];

/** Text for one table cell: a `|` would end the cell and a `<item>` would be read as HTML. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\*/g, '\\*').replace(/\r?\n/g, ' ');
}

function formats(rule: Rule): string {
  return rule.meta.formats.map((format) => FORMAT_NAMES[format] ?? format).join(', ');
}

/** The whole page, as docs/rules.md holds it. */
export function rulesMarkdown(rules: readonly Rule[] = RULES, profiles: readonly Rule[] = PROFILE_RULES): string {
  const count = (severity: string, word: string) => {
    const n = rules.filter((rule) => rule.meta.severity === severity).length;
    return `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;
  };
  const row = (rule: Rule) => `| \`${rule.meta.id}\` | ${rule.meta.severity} | ${cell(formats(rule))} | ${cell(rule.meta.description)} | ${cell(rule.meta.spec)} | ${cell(rule.meta.w3c)} |`;
  const rows = rules.map(row);
  return [
    '# The rules',
    '',
    '<!-- Generated from each rule\'s metadata in src/check/rules/ by `npm run docs:rules`; edit the rules, not this page. -->',
    '',
    `feedwright's checker runs ${rules.length} rules (${count('error', 'error')}, ${count('warning', 'warning')}, ${count('info', 'info')}) on every document a build renders and on every file \`feedwright check\` reads (see [proof.md](proof.md)).`,
    'Each rule is one module under `src/check/rules/`, with its id, severity, description, the specification section it enforces and the W3C Feed Validation Service message it corresponds to (for JSON Feed, which that service does not read, the message of the same check for XML).',
    '`test/fixtures/check/<rule-id>/` holds, for every rule, documents that must trigger it and documents on which no rule may fire.',
    '',
    ...SEVERITY_MEANING,
    '',
    '| rule | severity | formats | what it checks | specification | W3C message |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '## Profiles',
    '',
    'A profile adds the rules of a directory or a namespace: `feedwright check --profile apple` (Apple Podcasts), `--profile podcastindex` (the Podcasting 2.0 namespace), `--profile media` (Media RSS), each as often as needed. A build runs `media` on every feed, and `apple` and `podcastindex` on a podcast\'s (see [podcasts.md](podcasts.md)).',
    '',
    '| rule | severity | formats | what it checks | specification | W3C message |',
    '| --- | --- | --- | --- | --- | --- |',
    ...profiles.map(row),
    '',
  ].join('\n');
}
