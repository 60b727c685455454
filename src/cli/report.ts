import type { Diagnostic } from '../vocabulary/diagnostic.js';

/** `file:line:col`, as much of it as is known: the form editors and CI logs link to. */
export function where(d: Diagnostic): string {
  return d.file + (d.line === undefined ? '' : `:${d.line}`) + (d.line !== undefined && d.column !== undefined ? `:${d.column}` : '');
}

/** `file:line:col: severity: message [rule-id]`, for the build. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${where(d)}: ${d.severity}: ${d.message} [${d.ruleId}]`;
}

export function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
