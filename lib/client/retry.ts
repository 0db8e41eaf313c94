/** Exponential backoff with full jitter, bounded in attempts and in total time. */

export interface RetryOptions {
  /** Attempts in all, the first included; default 8. */
  maxAttempts?: number;
  /** First backoff ceiling; default 250 ms. */
  baseDelayMs?: number;
  /** Largest backoff ceiling; default 8 s. */
  maxDelayMs?: number;
  /** No retry starts later than this after the first attempt; default 60 s. */
  maxTotalMs?: number;
  /** Source of randomness for the jitter (tests); default Math.random. */
  random?: () => number;
}

export type ResolvedRetry = Required<RetryOptions>;

export function resolveRetry(options: RetryOptions = {}): ResolvedRetry {
  return {
    maxAttempts: options.maxAttempts ?? 8,
    baseDelayMs: options.baseDelayMs ?? 250,
    maxDelayMs: options.maxDelayMs ?? 8000,
    maxTotalMs: options.maxTotalMs ?? 60_000,
    random: options.random ?? Math.random,
  };
}

/** Full jitter (AWS): a uniform delay in [0, min(max, base·2^(n−1))) after the n-th failed attempt. */
export function backoffDelay(failedAttempts: number, options: ResolvedRetry): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (failedAttempts - 1));
  return Math.floor(options.random() * ceiling);
}

/** Waits `ms`, or less when `signal` aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
