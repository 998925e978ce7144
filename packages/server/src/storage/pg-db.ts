import { createHash } from 'node:crypto';
import pg from 'pg';
import { CUSTOM_PLAN, type Db, type Queryable, translateDriverError } from './db.js';

/** Options for the PostgreSQL adapter. */
export interface PgDbOptions {
  connectionString: string;
  /** Connections in the pool. */
  maxConnections?: number;
}

// Timestamps arrive as Date from both engines; int8 (counts) would arrive as strings from pg, so
// queries cast counts to int. JSON columns are parsed by pg already.

/**
 * A statement name per SQL text, so that each pooled connection parses and plans a statement once
 * and then only binds and executes it. Threadline's statements are large (createThread is one
 * statement of five data-modifying CTEs): planning them on every call cost more than running them.
 * Texts are finite (built from fixed fragments), so the map stays small.
 */
const statementNames = new Map<string, string>();
let renames = 0;
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `tl_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/**
 * A prepared statement whose result columns changed under it (a migration run by another process
 * added a column to a table read with SELECT *): PostgreSQL refuses to run it again under its name.
 */
function isStalePlan(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '0A000' && /cached plan must not change result type/.test(e.message ?? '');
}

/** Gives a statement a new name, so that each connection prepares it afresh. */
function renameStatement(sql: string): void {
  statementNames.set(sql, `${statementName(sql)}_${++renames}`);
}

/** Opens a pooled PostgreSQL database. */
export function openPgDb(options: PgDbOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    // PostgreSQL's default random_page_cost (4) prices index lookups for spinning disks. With it, a
    // list filtered by a rare label flips between plans as ANALYZE samples (12 ms or 130 ms at a
    // million threads); 1.1, the usual value for SSDs, keeps the index plan. Threadline's sessions only.
    options: '-c random_page_cost=1.1',
  });
  // An idle client that loses its server connection must not crash the process.
  pool.on('error', () => {});

  const runner = (client: pg.Pool | pg.PoolClient, committed?: (() => void)[]): Queryable => ({
    afterCommit(callback) {
      if (committed) committed.push(callback);
      else callback();
    },
    async query<Row>(sql: string, params?: readonly unknown[]) {
      // A statement marked CUSTOM_PLAN goes unnamed, so PostgreSQL plans it for its actual values.
      const unnamed = sql.startsWith(CUSTOM_PLAN);
      const run = () =>
        client.query({
          name: unnamed ? undefined : statementName(sql),
          text: sql,
          values: params as unknown[],
        });
      try {
        return (await run()).rows as Row[];
      } catch (error) {
        if (!isStalePlan(error)) translateDriverError(error);
        // Outside a transaction the run again succeeds; inside one the transaction is already aborted
        // and fails as it would have, but every later run prepares the statement under its new name.
        renameStatement(sql);
        try {
          return (await run()).rows as Row[];
        } catch (retryError) {
          translateDriverError(retryError);
        }
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
        const committed: (() => void)[] = [];
        const result = await work(runner(client, committed));
        await client.query('COMMIT');
        for (const callback of committed) callback();
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
    listen: (channel, onMessage, onResumed) =>
      listen(options.connectionString, channel, onMessage, onResumed),
  };
}

/** How long to wait before connecting a lost LISTEN connection again. */
const RELISTEN_DELAY_MS = 1000;

/** LISTENs on one connection of its own, outside the pool, reconnecting when it is lost. */
async function listen(
  connectionString: string,
  channel: string,
  onMessage: (payload: string) => void,
  onResumed: () => void = () => {},
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let listenedBefore = false;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onMessage(message.payload);
    });
    // A lost connection is replaced; the error itself needs no more than that.
    next.on('error', () => reconnect(next));
    next.on('end', () => reconnect(next));
    client = next;
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    if (listenedBefore) onResumed();
    listenedBefore = true;
  };
  const reconnect = (lost: pg.Client) => {
    if (stopped || client !== lost || retry) return;
    client = null;
    lost.end().catch(() => {});
    retry = setTimeout(() => {
      retry = null;
      connect().catch(() => reconnect(client!));
    }, RELISTEN_DELAY_MS);
    retry.unref();
  };

  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await (client as pg.Client | null)?.end().catch(() => {});
  };
}
