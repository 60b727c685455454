// How often `feedwright check` agrees with the W3C Feed Validation Service
// (docs/proof.md, "Agreement with the W3C validator"). Not part of the tests:
// the validator's test cases are its own text, so they are not kept here.
//
//   npm run build:ts
//   node scripts/agreement.mjs <folder of the validator's testcases> <its logging.py> [--profiles] [--list]
//
// With --profiles, a document that declares the Media RSS or the iTunes
// namespace is checked with `--profile media` or `--profile apple`, as the
// validator checks those namespaces whenever a feed uses them.
//
// Each test case says what the validator makes of it in a comment,
// "Expect: X" or "Expect: !X". A case is invalid when X names an error
// class of logging.py, and valid when it says "!Error" (the validator
// reports no error at all). Any other case asserts one message only (a
// warning, or the absence of one message) and is often a fragment with
// errors of its own, so it is counted apart and not judged. A feed is
// invalid to us when check reports an error. Agreement is balanced: the
// mean of the share of invalid cases we fail and the share of valid cases
// we pass.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkDocument } from '../dist/index.js';

const [folder, logging, ...flags] = process.argv.slice(2);
if (folder === undefined || logging === undefined) {
  console.error('usage: node scripts/agreement.mjs <testcases folder> <logging.py> [--list]');
  process.exit(2);
}

/** Each class of logging.py, by the root it descends from: Error, Warning or Info. */
function rootsOf(python) {
  const parents = new Map([...python.matchAll(/^class\s+(\w+)\s*\(\s*([\w.]+)/gm)].map((m) => [m[1], m[2].split('.').pop()]));
  const root = (name, seen = new Set()) => {
    if (name === 'Error' || name === 'Warning' || name === 'Info') return name;
    const parent = parents.get(name);
    if (parent === undefined || seen.has(name)) return undefined;
    seen.add(name);
    return root(parent, seen);
  };
  return (name) => root(name);
}

const files = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? files(path) : name.endsWith('.xml') ? [path] : [];
});

// A version before check's profiles has no rulesWith: every case is checked with the default rules.
const { rulesWith } = await import('../dist/check/rules/index.js');
const rootOf = rootsOf(readFileSync(logging, 'utf8'));
const groups = new Map();
const misses = [];
let unjudged = 0;
const now = Date.parse('2026-01-01T00:00:00Z');
for (const path of files(folder).sort()) {
  const text = readFileSync(path, 'utf8');
  // Atom 0.3 is refused as deprecated (docs/formats.md), where the validator once read it.
  if (text.includes('http://purl.org/atom/ns#')) {
    unjudged += 1;
    continue;
  }
  const expect = /Expect:\s*(!?)(\w+)/.exec(text);
  if (expect === null) continue;
  const theirs = expect[1] === '!' ? (expect[2] === 'Error' ? 'valid' : undefined) : rootOf(expect[2]) === 'Error' ? 'invalid' : undefined;
  if (theirs === undefined) {
    unjudged += 1;
    continue;
  }
  const profiles = !flags.includes('--profiles')
    ? []
    : [...(text.includes('http://search.yahoo.com/mrss') ? ['media'] : []), ...(text.includes('http://www.itunes.com/dtds/podcast-1.0.dtd') ? ['apple'] : [])];
  const result = checkDocument(text, { file: path, now, ...(rulesWith ? { rules: rulesWith(profiles) } : {}) });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const ours = errors.length > 0 ? 'invalid' : 'valid';
  const name = relative(folder, path).split('/').slice(0, -1).join('/').replace(/\/[\d.]+$/, '') || '.';
  const group = groups.get(name) ?? { valid: 0, invalid: 0, passed: 0, caught: 0 };
  groups.set(name, group);
  group[theirs] += 1;
  if (theirs === 'valid' && ours === 'valid') group.passed += 1;
  if (theirs === 'invalid' && ours === 'invalid') group.caught += 1;
  if (theirs !== ours) misses.push(`${relative(folder, path)}\t${expect[1]}${expect[2]}\t${ours === 'invalid' ? errors.map((d) => d.ruleId).join(',') : 'passed'}`);
}

const total = { valid: 0, invalid: 0, passed: 0, caught: 0 };
const pct = (a, b) => (b === 0 ? '  -  ' : `${((100 * a) / b).toFixed(1)} %`);
console.log('group\tvalid passed\tinvalid caught');
for (const [name, g] of [...groups].sort()) {
  for (const key of Object.keys(total)) total[key] += g[key];
  console.log(`${name}\t${g.passed}/${g.valid}\t${g.caught}/${g.invalid}`);
}
const passedShare = total.passed / total.valid;
const caughtShare = total.caught / total.invalid;
console.log(`all\t${total.passed}/${total.valid} (${pct(total.passed, total.valid)})\t${total.caught}/${total.invalid} (${pct(total.caught, total.invalid)})`);
console.log(`not judged: ${unjudged} cases that assert a single warning or the absence of one message, or are Atom 0.3`);
console.log(`agreement: ${((100 * (passedShare + caughtShare)) / 2).toFixed(1)} % balanced, ${pct(total.passed + total.caught, total.valid + total.invalid)} of all cases`);
if (flags.includes('--list')) console.log(`\ndisagreements (case, the validator's expectation, ours):\n${misses.join('\n')}`);
