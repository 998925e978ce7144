/**
 * Slows down password guessing. Failed sign-ins are counted per lower-cased email and per client IP
 * over a window (15 minutes): each failed answer is delayed by min(base * 2^(failures-1), max), and
 * once either count reaches the limit, attempts are refused (429) without checking the password
 * until the window ends. An attempt counts as a failure from the moment it begins, so a thousand
 * sent at once cannot all be checked before the first failure is known; a success takes its own
 * count back and clears the email's (not the IP's others: one person signing in does not vouch for
 * everyone behind that address).
 *
 * Counts are in memory, per process, and bounded: with several processes a guesser gets the limit
 * once per process, which still caps guesses at a few dozen per window. When the table is full the
 * oldest entries go first; an attacker who churns emails to evict one still meets the IP count.
 */

/** The throttle's numbers; tests use small delays. */
export interface SignInThrottleOptions {
  /** The delay after the first failure; doubled for each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures in a window after which attempts are refused. */
  maxFailures: number;
  windowMs: number;
  /** Entries kept in memory at most (emails and IPs together). */
  maxEntries?: number;
}

/** 250 ms, 500 ms, 1 s, ... up to 8 s; refused after 10 failures in 15 minutes. */
export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottleOptions = {
  baseDelayMs: 250,
  maxDelayMs: 8000,
  maxFailures: 10,
  windowMs: 15 * 60_000,
};

interface Count {
  failures: number;
  windowStart: number;
}

/** Whether an attempt may go ahead (and how long to delay its answer if it fails), or how long until it may. */
export type ThrottleVerdict =
  | { allowed: true; delayIfFailedMs: number }
  | { allowed: false; retryAfterMs: number };

/** The delay before answering a failed attempt that was the `failures`-th in its window. */
export function failureDelayMs(failures: number, options: SignInThrottleOptions): number {
  if (failures <= 0) return 0;
  // 2^(failures-1) overflows to Infinity long before it matters; min() caps it.
  return Math.min(options.baseDelayMs * 2 ** (failures - 1), options.maxDelayMs);
}

/** Makes a throttle with its own counts. */
export function createSignInThrottle(options: SignInThrottleOptions = DEFAULT_SIGN_IN_THROTTLE) {
  const counts = new Map<string, Count>();
  const maxEntries = options.maxEntries ?? 10_000;

  function current(key: string, now: number): Count | undefined {
    const count = counts.get(key);
    if (count && now - count.windowStart >= options.windowMs) {
      counts.delete(key);
      return undefined;
    }
    return count;
  }

  function fail(key: string, now: number): number {
    const count = current(key, now);
    if (count) {
      count.failures++;
      return count.failures;
    }
    if (counts.size >= maxEntries) {
      const oldest = counts.keys().next().value;
      if (oldest !== undefined) counts.delete(oldest);
    }
    counts.set(key, { failures: 1, windowStart: now });
    return 1;
  }

  const emailKey = (email: string) => `e:${email.trim().toLowerCase()}`;
  const ipKey = (ip: string) => `i:${ip}`;

  return {
    /**
     * Starts an attempt for this email from this address: refused while either count is at the limit,
     * otherwise counted as a failure until `succeeded` says otherwise.
     */
    begin(email: string, ip: string, now: number): ThrottleVerdict {
      let retryAfterMs = 0;
      for (const key of [emailKey(email), ipKey(ip)]) {
        const count = current(key, now);
        if (count && count.failures >= options.maxFailures)
          retryAfterMs = Math.max(retryAfterMs, count.windowStart + options.windowMs - now);
      }
      if (retryAfterMs > 0) return { allowed: false, retryAfterMs };
      const failures = Math.max(fail(emailKey(email), now), fail(ipKey(ip), now));
      return { allowed: true, delayIfFailedMs: failureDelayMs(failures, options) };
    },

    /** The attempt begun for this email and address succeeded: clears the email, takes back the IP's count. */
    succeeded(email: string, ip: string, now: number): void {
      counts.delete(emailKey(email));
      const count = current(ipKey(ip), now);
      if (count && count.failures > 0) count.failures--;
    },
  };
}

/** A sign-in throttle. */
export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
