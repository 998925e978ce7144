import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { type Db, type Queryable, translateDriverError } from './db.js';

/** Opens (creating it on first use) an embedded PGlite database in `dataDir`; no dir keeps it in memory. */
export async function openPgliteDb(dataDir?: string): Promise<Db> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir ? { dataDir } : {});

  const runner = (client: PGlite | Transaction, committed?: (() => void)[]): Queryable => ({
    afterCommit(callback) {
      if (committed) committed.push(callback);
      else callback();
    },
    async query<Row>(sql: string, params?: readonly unknown[]) {
      try {
        const result = await client.query<Row>(sql, params as unknown[] | undefined);
        return result.rows;
      } catch (error) {
        translateDriverError(error);
      }
    },
    async exec(sql: string) {
      try {
        await client.exec(sql);
      } catch (error) {
        translateDriverError(error);
      }
    },
  });

  const direct = runner(pglite);
  return {
    engine: 'pglite',
    query: direct.query,
    exec: direct.exec,
    // PGlite is one connection: its transaction() holds an exclusive lock, so statements from
    // other requests wait rather than interleave with this transaction.
    async transaction(work) {
      const committed: (() => void)[] = [];
      const result = await pglite.transaction((tx) => work(runner(tx, committed)));
      for (const callback of committed) callback();
      return result;
    },
    close: () => pglite.close(),
  };
}
