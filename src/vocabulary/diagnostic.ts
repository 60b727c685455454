/** A problem found in the user's input or output: a value, collected and reported together. */
export interface Diagnostic {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
}

export type Severity = 'error' | 'warning' | 'info';

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');

/** Builds diagnostics for one file, so each call site says only what is particular to it. */
export function diagnosticsFor(file: string, into: Diagnostic[]) {
  const add = (severity: Severity) => (ruleId: string, message: string, line?: number, extra?: Partial<Diagnostic>) =>
    void into.push({ file, ...(line === undefined ? {} : { line }), ruleId, severity, message, ...extra });
  return { error: add('error'), warning: add('warning'), info: add('info') };
}

export type Reporter = ReturnType<typeof diagnosticsFor>;

/** A reporter whose messages all start with `prefix`, e.g. "record 3: ". */
export function prefixed(report: Reporter, prefix: string): Reporter {
  const wrap = (add: Reporter['error']): Reporter['error'] => (ruleId, message, line, extra) => add(ruleId, prefix + message, line, extra);
  return { error: wrap(report.error), warning: wrap(report.warning), info: wrap(report.info) };
}
