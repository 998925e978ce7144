/**
 * Rate limits per API key and per workspace, over fixed one-minute windows whose counts live in the
 * database, so that every server process on one PostgreSQL shares them.
 *
 * A request does not cost a database write: a process claims an allowance (1% of the limit, at
 * least 1 and at most 1,000 requests) from a bucket's window in one statement and spends it locally, claiming the
 * next one while half of it is left. The limit is never exceeded in sum; a process's unspent
 * allowances are lost when their window ends, so with N processes a caller may be refused up to
 * 2N allowances early. With a limit of 100 or less the
 * allowance is one request, so every request is counted in the database and the limit is exact.
 */
import type { Queryable } from '../../storage/db.js';
import { claimRateLimitWindows } from '../../storage/rate-limit-repository.js';
import type { Clock } from '../clock.js';

/** What a request learns from the limiter; `limit`, `remaining` and `resetAt` go into its headers. */
export interface RateLimitVerdict {
  allowed: boolean;
  /** The limit of the bucket with the least left. */
  limit: number;
  remaining: number;
  /** When the current window ends (one object per window: do not modify it). */
  resetAt: Date;
}

/** Who a request counts against: its own bucket (an API key's, a person's) and its workspace. */
export interface RateLimitedCaller {
  /** `key:<apiKeyId>` or `user:<userId>`; limited by the per-key limit. */
  rateLimitBucket: string;
  workspaceId: string;
}

/** The limiter of one server process. */
export interface RateLimiter {
  /**
   * Counts a request: synchronous while this process holds an allowance, a promise when it has to
   * claim one; null when no limit is set.
   */
  take(caller: RateLimitedCaller): RateLimitVerdict | Promise<RateLimitVerdict> | null;
}

/** The window length: limits are per minute, as Plain's. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/** How much of a limit one claim takes. */
export function allowanceSize(limit: number): number {
  // 1,000 at most: claims then cost one statement per 500 requests even at 10,000 requests a second
  // (with 100 they cost PGlite's one connection a fifth of the trivial query's throughput).
  return Math.min(1000, Math.max(1, Math.floor(limit / 100)));
}

interface Allowance {
  windowStart: number;
  /** Claimed by this process and not spent yet. */
  left: number;
  /** What the window had granted in all (every process) at this process's last claim. */
  granted: number;
  /** The last claim got less than it asked for: the window has nothing left. */
  exhausted: boolean;
  claiming: Promise<void> | null;
}

interface Bucket {
  name: string;
  limit: number;
  state: Allowance;
}

/** Beyond this many buckets held in memory, those of past windows are dropped. */
const MAX_TRACKED_BUCKETS = 10_000;

/** Makes the limiter; limits are requests per minute, 0 for none. */
export function createRateLimiter(deps: {
  db: Queryable;
  clock: Clock;
  perKey: number;
  perWorkspace: number;
}): RateLimiter {
  // Keyed by caller bucket and by workspace id: no string is built per request.
  const keyAllowances = new Map<string, Allowance>();
  const workspaceAllowances = new Map<string, Allowance>();

  function allowanceOf(allowances: Map<string, Allowance>, id: string, windowStart: number): Allowance {
    let state = allowances.get(id);
    if (!state || state.windowStart < windowStart) {
      if (!state && allowances.size >= MAX_TRACKED_BUCKETS) {
        for (const [key, s] of allowances)
          if (s.windowStart < windowStart && !s.claiming) allowances.delete(key);
      }
      state = { windowStart, left: 0, granted: 0, exhausted: false, claiming: null };
      allowances.set(id, state);
    }
    return state;
  }

  async function claim(workspaceId: string, windowStart: number, needed: Bucket[]): Promise<void> {
    const windows = await claimRateLimitWindows(
      deps.db,
      workspaceId,
      new Date(windowStart),
      needed.map((b) => ({ bucket: b.name, amount: allowanceSize(b.limit) })),
    );
    for (const w of windows) {
      const bucket = needed.find((b) => b.name === w.bucket)!;
      const asked = allowanceSize(bucket.limit);
      const state = bucket.state;
      // A window another process (with a clock ahead) started: adopt it.
      state.windowStart = Math.max(state.windowStart, w.windowStart.getTime());
      const got = Math.max(0, Math.min(asked, bucket.limit - (w.granted - asked)));
      state.left += got;
      state.granted = w.granted;
      state.exhausted = got < asked;
    }
  }

  // One Date per window, shared by its verdicts (the HTTP layer formats it once too).
  let reset = { windowStart: -1, at: new Date(0) };
  function resetOf(windowStart: number): Date {
    if (reset.windowStart !== windowStart)
      reset = { windowStart, at: new Date(windowStart + RATE_LIMIT_WINDOW_MS) };
    return reset.at;
  }

  /** The verdict, with the figures of the bucket that refused, or else of the one with the least left. */
  function verdict(buckets: Bucket[], windowStart: number, refusedBy?: Bucket): RateLimitVerdict {
    const resetAt = resetOf(windowStart);
    if (refusedBy) return { allowed: false, limit: refusedBy.limit, remaining: 0, resetAt };
    let tightest = buckets[0]!;
    let remaining = Number.POSITIVE_INFINITY;
    for (const b of buckets) {
      const left = Math.min(b.limit, Math.max(0, b.limit - b.state.granted) + b.state.left);
      if (left < remaining) {
        remaining = left;
        tightest = b;
      }
    }
    return { allowed: true, limit: tightest.limit, remaining, resetAt };
  }

  function attempt(caller: RateLimitedCaller): RateLimitVerdict | Promise<RateLimitVerdict> | null {
    const now = deps.clock().getTime();
    const windowStart = now - (now % RATE_LIMIT_WINDOW_MS);
    const buckets: Bucket[] = [];
    if (deps.perKey > 0) {
      const state = allowanceOf(keyAllowances, caller.rateLimitBucket, windowStart);
      buckets.push({ name: caller.rateLimitBucket, limit: deps.perKey, state });
    }
    if (deps.perWorkspace > 0) {
      const state = allowanceOf(workspaceAllowances, caller.workspaceId, windowStart);
      buckets.push({ name: 'workspace', limit: deps.perWorkspace, state });
    }
    if (buckets.length === 0) return null;

    const refusedBy = buckets.find((b) => b.state.left === 0 && b.state.exhausted);
    if (refusedBy) return verdict(buckets, windowStart, refusedBy);
    const needed = buckets.filter((b) => b.state.left === 0);
    if (needed.length === 0) {
      for (const b of buckets) b.state.left--;
      // Claim the next allowance while half of this one is left, so that requests seldom wait for it.
      // Not with allowances of one request: their limits stay exact.
      const low = buckets.filter(
        (b) => b.state.left * 2 < allowanceSize(b.limit) && !b.state.claiming && !b.state.exhausted,
      );
      if (low.length > 0 && low.every((b) => allowanceSize(b.limit) > 1)) {
        // A failure here is met again, and answered, by the claim a request waits for.
        startClaim(caller.workspaceId, windowStart, low).catch(() => {});
      }
      return verdict(buckets, windowStart);
    }
    // One claim at a time per bucket: requests arriving meanwhile wait for it and then try again.
    const pending = needed.map((b) => b.state.claiming).filter((p) => p !== null);
    if (pending.length > 0) return Promise.all(pending).then(() => attempt(caller)!);
    return startClaim(caller.workspaceId, windowStart, needed).then(() => attempt(caller)!);
  }

  function startClaim(workspaceId: string, windowStart: number, buckets: Bucket[]): Promise<void> {
    const claiming = claim(workspaceId, windowStart, buckets).finally(() => {
      for (const b of buckets) if (b.state.claiming === claiming) b.state.claiming = null;
    });
    for (const b of buckets) b.state.claiming = claiming;
    return claiming;
  }

  return { take: attempt };
}
