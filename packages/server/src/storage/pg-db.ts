import pg from 'pg';
import { type Db, type Queryable, translateDriverError } from './db.js';

/** Options for the PostgreSQL adapter. */
export interface PgDbOptions {
  connectionString: string;
  /** Connections in the pool. */
  maxConnections?: number;
}

// Timestamps arrive as Date from both engines; int8 (counts) would arrive as strings from pg, so
// queries cast counts to int. JSON columns are parsed by pg already.

/** Opens a pooled PostgreSQL database. */
export function openPgDb(options: PgDbOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
  });
  // An idle client that loses its server connection must not crash the process.
  pool.on('error', () => {});

  const runner = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params?: readonly unknown[]) {
      try {
        const result = await client.query(sql, params as unknown[] | undefined);
        return result.rows as Row[];
      } catch (error) {
        translateDriverError(error);
      }
    },
    async exec(sql: string) {
      try {
        await client.query(sql);
      } catch (error) {
        translateDriverError(error);
      }
    },
  });

  const poolRunner = runner(pool);
  return {
    engine: 'postgres',
    query: poolRunner.query,
    exec: poolRunner.exec,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(runner(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
