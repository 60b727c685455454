import type { Diagnostic } from '../vocabulary/diagnostic.js';

export interface PingOptions {
  /** How long one request may take (ms); default 10 s. */
  readonly timeoutMs?: number;
  /** How many times a failed request is tried again; default 2. */
  readonly retries?: number;
  /** Fail the build on a ping that failed, as on an error (`--strict`). */
  readonly strict?: boolean;
}

/** The wait before the first new try of a ping, and twice that before the second. */
const RETRY_DELAY_MS = 100;

/**
 * Tells a WebSub hub that feeds changed (WebSub, section 7, as hubs take
 * it): one form-encoded POST of `hub.mode=publish` and `hub.url` per feed,
 * tried again on a network error, a timeout or a 5xx or 429 answer. The
 * feeds are already published: a ping that fails is a warning naming the
 * hub and what it answered (an error with `strict`), never a rollback.
 */
export async function pingHub(hub: string, urls: readonly string[], options: PingOptions = {}): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const url of urls) {
    const problem = await ping(hub, url, options);
    if (problem === undefined) continue;
    diagnostics.push({
      file: hub,
      ruleId: 'output/ping',
      severity: options.strict ? 'error' : 'warning',
      message: `did not take the ping for ${url} (${problem}); the feeds are published: subscribers see the change when they next poll, and the hub hears of the feed with the next build that changes it`,
    });
  }
  return diagnostics;
}

/** One feed's ping: undefined when the hub took it (a 2xx answer), else what went wrong the last time. */
async function ping(hub: string, url: string, options: PingOptions): Promise<string | undefined> {
  const body = new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': url }).toString();
  let problem = '';
  for (let attempt = 0; attempt <= (options.retries ?? 2); attempt++) {
    // A little longer before each new try: a hub that is busy (429, 503) may be free a moment later.
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * attempt));
    try {
      const response = await fetch(hub, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return undefined;
      problem = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      if (response.status < 500 && response.status !== 429) return problem;
    } catch (error) {
      const cause = (error as Error).name === 'TimeoutError' ? `no answer in ${(options.timeoutMs ?? 10_000) / 1000} s` : ((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
      problem = cause;
    }
  }
  return problem;
}
