/**
 * EXPLAIN evidence for the thread-list bench: runs a read through the domain service in this
 * process, records every statement it sends, and explains each one (ANALYZE, BUFFERS) with the same
 * parameters, so the report shows which index served which read.
 */
import type pg from 'pg';
import { ALL_PERMISSIONS } from '../src/domain/identity/permissions.js';
import type { Services } from '../src/domain/services.js';
import type { Db, Queryable } from '../src/storage/db.js';

/** One statement a read sent. */
interface Statement {
  sql: string;
  params: readonly unknown[];
}

/** A database that remembers the statements sent through it (transactions included). */
export function recordingDb(inner: Db): Db & { take(): Statement[] } {
  let recorded: Statement[] = [];
  const wrap = (q: Queryable): Queryable => ({
    query(sql, params = []) {
      recorded.push({ sql, params });
      return q.query(sql, params);
    },
    exec: (sql) => q.exec(sql),
  });
  const outer = wrap(inner);
  return {
    engine: inner.engine,
    query: outer.query,
    exec: outer.exec,
    transaction: (work) => inner.transaction((tx) => work(wrap(tx))),
    close: () => inner.close(),
    take() {
      const taken = recorded;
      recorded = [];
      return taken;
    },
  };
}

/** What EXPLAIN says of one statement, condensed: its plan nodes, and the indexes and scans used. */
export interface Explained {
  nodes: string[];
  indexes: string[];
  seqScans: string[];
  executionMs: number;
}

function condense(plan: string[]): Explained {
  const nodes = plan.filter(
    (line) => /->|^\s*\S.*\(actual/.test(line) && !/^\s*(Planning|Execution)/.test(line),
  );
  const indexes = new Set<string>();
  const seqScans = new Set<string>();
  for (const line of plan) {
    const index = /(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\S+)/.exec(
      line,
    );
    if (index?.[1]) indexes.add(index[1]);
    const seq = /Seq Scan on (\S+)/.exec(line);
    if (seq?.[1]) seqScans.add(seq[1]);
  }
  const execution = plan.map((line) => /Execution Time: ([\d.]+) ms/.exec(line)).find(Boolean);
  return {
    nodes: nodes.map((line) =>
      line.replace(/\s+\(actual time=[\d.]+\.\.([\d.]+) rows=(\d+) loops=(\d+)\)/, ' ($2 rows, $1 ms)'),
    ),
    indexes: [...indexes],
    seqScans: [...seqScans],
    executionMs: execution ? Number(execution[1]) : Number.NaN,
  };
}

/** Explains each statement of `statements` that reads threads (the lookups of a schema are left out). */
export async function explainStatements(client: pg.Client, statements: Statement[]): Promise<Explained[]> {
  const explained: Explained[] = [];
  for (const { sql, params } of statements) {
    if (!/\b(threads|customers)\b/.test(sql) || /^\s*(SET|BEGIN|COMMIT)/i.test(sql)) continue;
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`,
      params as unknown[],
    );
    explained.push(condense(rows.map((row) => row['QUERY PLAN'])));
  }
  return explained;
}

/** A caller holding every permission in the bench's workspace. */
export function benchCaller(workspaceId: string) {
  return { workspaceId, actor: 'system:bench', permissions: new Set(ALL_PERMISSIONS) };
}

/** Runs one read through the service layer (as the resolvers do). */
export function runRead(
  services: Services,
  kind: 'threads' | 'searchThreads',
  workspaceId: string,
  args: object,
) {
  const caller = benchCaller(workspaceId);
  return kind === 'threads'
    ? services.threadQueries.listThreads(caller, args)
    : services.threadQueries.searchThreads(
        caller,
        args as Parameters<Services['threadQueries']['searchThreads']>[1],
      );
}
