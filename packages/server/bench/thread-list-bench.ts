/**
 * `npm run bench:threads`: how fast threads(...) and searchThreads(...) answer at a million threads
 * on PostgreSQL (a measurement, not a test: a missed target prints BELOW and the exit code stays 0).
 *
 *  1. creates a database on the PostgreSQL server (dropped at the end), starts Threadline on it in a
 *     child process (which migrates it and makes the workspace), and loads BENCH_THREADS threads
 *     (default 1,000,000) with labels, fields and customers by set-based SQL;
 *  2. sends each representative read (thread-lists-queries.ts) BENCH_RUNS times (default 200, after
 *     BENCH_WARMUP_RUNS, default 10) one after another over HTTP, as the official SDK sends getThreads,
 *     and prints its p50 and p99 against the target (a page of 25 under 50 ms p99);
 *  3. runs it as many times through the domain service in this process (the SQL and the mapping of
 *     rows, without GraphQL and HTTP), and prints those p50 and p99 beside;
 *  4. runs each read once more through the domain service, recording its SQL, and prints what
 *     EXPLAIN ANALYZE says of it: the indexes used, any sequential scan, and (with BENCH_EXPLAIN=full)
 *     every plan node.
 *
 * Latencies include whatever else the machine runs: the load average is printed before and after.
 *
 * BENCH_DATABASE_URL: a URL to any database of the server, default postgres://postgres@127.0.0.1:5432/postgres.
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import pg from 'pg';
import { systemClock } from '../src/domain/clock.js';
import { createServices, type Services } from '../src/domain/services.js';
import { openPgDb } from '../src/storage/pg-db.js';
import { threadRefSequenceName } from '../src/storage/workspace-repository.js';
import { type ChildServer, startChildServer } from './child-server.js';
import { createBenchDatabase, redact } from './postgres.js';
import { printLine, printServerLogs, printTarget } from './report.js';
import { sdkWireQuery } from './sdk-documents.js';
import { type BenchData, loadBenchData } from './thread-list-bench-data.js';
import { explainStatements, recordingDb, runRead } from './thread-list-bench-explain.js';
import { type ListQuery, listQueries } from './thread-list-bench-queries.js';

const TARGET_P99_MS = 50;

function readInteger(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be a whole number >= ${min}, not "${raw}".`);
  return value;
}

const threads = readInteger('BENCH_THREADS', 1_000_000, 1000);
const runs = readInteger('BENCH_RUNS', 200, 1);
const warmupRuns = readInteger('BENCH_WARMUP_RUNS', 10, 0);
const explainMode = process.env.BENCH_EXPLAIN || 'summary';
const adminDatabaseUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const apiKey = `threadlineBench_${randomBytes(24).toString('base64url')}`;

/** Undo steps for what the run made (server, database), newest first. */
const cleanups: Array<() => Promise<void>> = [];

async function cleanUp(): Promise<void> {
  for (let step = cleanups.pop(); step; step = cleanups.pop()) {
    await step().catch((error: unknown) => printLine(`cleanup failed: ${(error as Error).message}`));
  }
}

const SEARCH_DOCUMENT = `query searchThreads($searchQuery: ThreadsSearchQuery!, $filters: ThreadsFilter,
  $first: Int, $after: String) {
  searchThreads(searchQuery: $searchQuery, filters: $filters, first: $first, after: $after) {
    edges { cursor node { thread { id ref title status priority statusChangedAt { iso8601 }
      customer { id } labels { id labelType { id name } } threadFields { key stringValue numberValue } } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

interface PageResult {
  edges: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Sends one read over HTTP and returns its page, throwing on any error (a bench of errors measures nothing). */
async function send(
  server: ChildServer,
  query: ListQuery,
  args: Record<string, unknown>,
): Promise<PageResult> {
  const document = query.kind === 'threads' ? sdkWireQuery('Threads') : SEARCH_DOCUMENT;
  const res = await fetch(`${server.url}/graphql/v1`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: document, variables: args }),
  });
  const body = (await res.json()) as {
    data?: Record<string, { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>;
    errors?: { message: string }[];
  };
  const connection = body.data?.[query.kind];
  if (!res.ok || body.errors || !connection) {
    throw new Error(`${query.name}: HTTP ${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  }
  return {
    edges: connection.edges.length,
    hasNextPage: connection.pageInfo.hasNextPage,
    endCursor: connection.pageInfo.endCursor,
  };
}

/** The variables of a read: for a deep page, `after` a thread found far down the same list. */
async function argsOf(server: ChildServer, query: ListQuery): Promise<Record<string, unknown>> {
  const args = { first: 25, ...query.args };
  if (!query.deepAfter) return args;
  const filters = { ...((query.args.filters as object) ?? {}), ...query.deepAfter };
  const probe = await send(server, query, { ...query.args, filters, first: 1 });
  if (!probe.endCursor) throw new Error(`${query.name}: no thread to start the deep page from.`);
  return { ...args, after: probe.endCursor };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** p50 and p99 of `runs` timed calls of `work`, after `warmupRuns` untimed ones. */
async function time(work: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < warmupRuns; i++) await work();
  const latencies: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

interface Measured {
  query: ListQuery;
  http: { p50: number; p99: number };
  service: { p50: number; p99: number };
  page: PageResult;
}

async function measure(
  server: ChildServer,
  services: Services,
  data: BenchData,
  query: ListQuery,
): Promise<Measured> {
  const args = await argsOf(server, query);
  const page = await send(server, query, args);
  const http = await time(() => send(server, query, args));
  const service = await time(() => runRead(services, query.kind, data.workspaceId, args));
  return { query, http, service, page };
}

async function explainAll(
  db: ReturnType<typeof recordingDb>,
  services: Services,
  client: pg.Client,
  server: ChildServer,
  data: BenchData,
) {
  printLine();
  printLine('EXPLAIN ANALYZE of the SQL each read sends (run once more, through the domain service):');
  for (const query of listQueries(data)) {
    const args = await argsOf(server, query);
    db.take();
    await runRead(services, query.kind, data.workspaceId, args);
    const explained = await explainStatements(client, db.take());
    printLine(`  ${query.name}`);
    for (const [i, plan] of explained.entries()) {
      const scans = plan.seqScans.length > 0 ? `; SEQ SCAN on ${plan.seqScans.join(', ')}` : '';
      printLine(
        `    statement ${i + 1}: ${ms(plan.executionMs)}; indexes ${plan.indexes.join(', ') || 'none'}${scans}`,
      );
      if (explainMode === 'full') for (const node of plan.nodes) printLine(`      ${node}`);
    }
  }
}

async function main(): Promise<void> {
  printLine(`Thread lists bench: ${threads.toLocaleString('en-US')} threads on PostgreSQL`);
  printLine(
    `  each read ${runs} times after ${warmupRuns} warm-up runs, one at a time over HTTP; ` +
      `${availableParallelism()} CPUs, Node ${process.version}`,
  );
  const created = await createBenchDatabase(adminDatabaseUrl);
  if (!created.ok) {
    printLine(`PostgreSQL: skipped, unreachable: ${created.reason}`);
    return;
  }
  const { db } = created;
  cleanups.push(db.drop);
  const server = await startChildServer('packages/server/src/main.ts', {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    THREADLINE_API_KEY: apiKey,
    DATABASE_URL: db.url,
    THREADLINE_DATA_DIR: '',
    // The snooze scheduler would only add noise to the latencies: no loaded thread is due.
    THREADLINE_SCHEDULER_INTERVAL_MS: '3600000',
  });
  cleanups.push(server.stop);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  cleanups.push(() => client.end());

  const { rows } = await client.query<{ id: string; version: string }>(
    "SELECT id, current_setting('server_version') AS version FROM workspaces",
  );
  const workspaceId = rows[0]!.id;
  printLine(
    `  PostgreSQL ${rows[0]!.version}, database ${db.name} on ${redact(adminDatabaseUrl)} (dropped at the end)`,
  );
  const data = await loadBenchData(client, workspaceId, threadRefSequenceName(workspaceId), threads);
  const s = data.seconds;
  printLine(
    `  loaded in ${(s.rows + s.indexes + s.analyze).toFixed(0)} s: rows ${s.rows.toFixed(1)} s, ` +
      `indexes ${s.indexes.toFixed(1)} s, VACUUM ANALYZE ${s.analyze.toFixed(1)} s`,
  );
  // The domain service in this process, on its own pool: the reads without GraphQL and HTTP.
  const serviceDb = recordingDb(openPgDb({ connectionString: db.url, maxConnections: 2 }));
  cleanups.push(() => serviceDb.close());
  const services = createServices({ db: serviceDb, clock: systemClock });
  printLine();
  printLine(
    `  load average before the reads: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  printLine(
    `${'read (first: 25)'.padEnd(48)}${'HTTP p50'.padStart(10)}${'p99'.padStart(10)}` +
      `${'service p50'.padStart(13)}${'p99'.padStart(10)}${'edges'.padStart(7)}  next`,
  );
  const results: Measured[] = [];
  for (const query of listQueries(data)) {
    const result = await measure(server, services, data, query);
    serviceDb.take();
    results.push(result);
    printLine(
      `${query.name.padEnd(48)}${ms(result.http.p50).padStart(10)}${ms(result.http.p99).padStart(10)}` +
        `${ms(result.service.p50).padStart(13)}${ms(result.service.p99).padStart(10)}` +
        `${String(result.page.edges).padStart(7)}  ${result.page.hasNextPage ? 'yes' : 'no'}`,
    );
  }
  printLine(
    `  load average after the reads: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  const worst = (key: 'http' | 'service') => results.reduce((a, b) => (b[key].p99 > a[key].p99 ? b : a));
  for (const [key, label] of [
    ['http', 'over HTTP'],
    ['service', 'in the domain service'],
  ] as const) {
    const w = worst(key);
    printTarget(
      `every read ${label} p99 < ${TARGET_P99_MS} ms (worst: ${w.query.name}, ${ms(w[key].p99)})`,
      w[key].p99 < TARGET_P99_MS,
    );
  }
  if (explainMode !== 'off') await explainAll(serviceDb, services, client, server, data);
  const stop = cleanups.indexOf(server.stop);
  if (stop >= 0) cleanups.splice(stop, 1);
  await server.stop();
  printServerLogs('Threadline', server.logLines, server.logLineCount());
}

// A Ctrl-C still stops the server and drops the database.
process.once('SIGINT', () => {
  void cleanUp().finally(() => process.exit(130));
});

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  printLine(`bench failed: ${(error as Error).stack ?? String(error)}`);
} finally {
  await cleanUp();
}
