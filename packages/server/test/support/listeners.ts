import type { Queryable } from '../../src/storage/db.js';

/**
 * Ends, from the database side, every connection of this database that last ran a LISTEN: what a
 * restarted PostgreSQL or a dropped network connection does to a server's listener. Returns how many.
 */
export async function terminateListeners(q: Queryable): Promise<number> {
  const rows = await q.query<{ ended: boolean }>(
    `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN %'`,
  );
  return rows.filter((r) => r.ended).length;
}
