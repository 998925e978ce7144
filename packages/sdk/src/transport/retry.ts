/** When and how long to wait before sending a request again. */
import type { ThreadlineError } from '../errors.js';

/** How a client retries idempotent calls; `false` turns retries off. */
export interface RetryOptions {
  /** Attempts in all, the first included (default 3). */
  maxAttempts?: number;
  /** The first wait; each further wait doubles (default 200 ms). */
  baseDelayMs?: number;
  /** The longest wait (default 5 s). */
  maxDelayMs?: number;
}

/** Retry settings with every default filled in. */
export type RetryPolicy = Required<RetryOptions>;

/** Reads the client's `retry` option. */
export function retryPolicyFrom(options: RetryOptions | false | undefined): RetryPolicy {
  if (options === false) return { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 };
  return {
    maxAttempts: Math.max(1, Math.floor(options?.maxAttempts ?? 3)),
    baseDelayMs: Math.max(0, options?.baseDelayMs ?? 200),
    maxDelayMs: Math.max(0, options?.maxDelayMs ?? 5000),
  };
}

/**
 * Only failures where the request may not have reached the server, or the server failed while
 * handling it, are worth another try; a 4xx will answer the same again.
 */
export function isRetryable(error: ThreadlineError): boolean {
  return error.type === 'network' || error.type === 'internal_server_error';
}

/**
 * Exponential backoff with jitter in [half, full] of the step, so that clients that failed together
 * do not come back together. `attempt` is the attempt that just failed, from 1.
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, random = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}
