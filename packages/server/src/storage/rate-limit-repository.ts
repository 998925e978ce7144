import type { Queryable } from './db.js';

/** A claim on a bucket's window: add `amount` to what it has granted. */
export interface RateLimitClaim {
  bucket: string;
  amount: number;
}

/** A bucket's window after a claim: what it has granted in all, claim included. */
export interface RateLimitWindow {
  bucket: string;
  windowStart: Date;
  granted: number;
}

/**
 * Adds each claim to its bucket's window in one statement, starting the window over when `windowStart`
 * is a later one. A row's lock is held for this statement only, so concurrent processes queue for
 * microseconds. A process whose clock is behind adds to the newer window rather than resetting it.
 */
export async function claimRateLimitWindows(
  db: Queryable,
  workspaceId: string,
  windowStart: Date,
  claims: readonly RateLimitClaim[],
): Promise<RateLimitWindow[]> {
  const rows = await db.query<{ bucket: string; window_start: Date; granted: number }>(
    `INSERT INTO rate_limit_windows AS w (workspace_id, bucket, window_start, granted)
     SELECT $1, c.bucket, $2, c.amount FROM unnest($3::text[], $4::int[]) AS c(bucket, amount)
     ON CONFLICT (workspace_id, bucket) DO UPDATE SET
       granted = CASE WHEN w.window_start >= EXCLUDED.window_start THEN w.granted + EXCLUDED.granted
                      ELSE EXCLUDED.granted END,
       window_start = GREATEST(w.window_start, EXCLUDED.window_start)
     RETURNING bucket, window_start, granted`,
    [workspaceId, windowStart, claims.map((c) => c.bucket), claims.map((c) => c.amount)],
  );
  return rows.map((r) => ({ bucket: r.bucket, windowStart: r.window_start, granted: r.granted }));
}
