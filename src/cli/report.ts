import type { Diagnostic } from '../diagnostic.js';

/** `file:line:col: severity: message [rule-id]`, the form editors and CI logs link to. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file + (d.line === undefined ? '' : `:${d.line}`) + (d.line !== undefined && d.column !== undefined ? `:${d.column}` : '');
  return `${where}: ${d.severity}: ${d.message} [${d.ruleId}]`;
}

export function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
