import type { Queryable } from './db.js';

/** The NOTIFY channel live changes travel on between server processes. */
export const LIVE_CHANNEL = 'threadline_live';

/**
 * Sends payloads on the live channel: PostgreSQL delivers them to every listener when `q`'s
 * transaction commits (at once outside one). One statement for any number of payloads.
 */
export async function notifyLive(q: Queryable, payloads: readonly string[]): Promise<void> {
  if (payloads.length === 0) return;
  await q.query('SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p', [LIVE_CHANNEL, payloads]);
}
