/**
 * `npm run bench`: Threadline's throughput figures, printed (a measurement, not a test: a missed
 * target prints BELOW and the exit code stays 0).
 *
 *  1. the ceiling: a bare Fastify route;
 *  2. GraphQL overhead: a trivial authenticated query through Threadline, as a ratio of the ceiling,
 *     beside the same query on Mercurius alone (what GraphQL costs before any Threadline code);
 *  3. createThread and createCustomerEvent, sent as the official SDK sends them, on PGlite and on
 *     PostgreSQL (a fresh database, dropped at the end; skipped with a reason when unreachable);
 *  4. a mixed workload (70% reads of thread lists, threads and timelines, 30% writes) at 64
 *     connections for 60 s on each engine, with the server's memory before and after, beside the
 *     bare route and, on PostgreSQL, a raw-SQL route reading a page of threads (no GraphQL).
 *
 * Every server runs in a child process and autocannon in this one, so load generator and server
 * never share an event loop. Environment: BENCH_SECONDS (per measurement, default 10),
 * BENCH_WARMUP_SECONDS (default 3), BENCH_CONNECTIONS (default 32), BENCH_MIXED_SECONDS (default 60),
 * BENCH_MIXED_CONNECTIONS (default 64), BENCH_DATABASE_URL (a URL to
 * any database of the PostgreSQL server to use, default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChildServer, startChildServer } from './child-server.js';
import { type LoadOptions, type LoadResult, measureLoad, settle } from './load.js';
import { createMixedFixtures, mixedLoad, residentMiB } from './mixed-workload.js';
import { createBenchDatabase, redact } from './postgres.js';
import { printColumns, printLine, printRow, printServerLogs, printTarget } from './report.js';
import { createCustomerEventLoad, createThreadLoad, createWriteFixtures, trivialQuery } from './workloads.js';

/** Targets (design.md; the brief of this benchmark). */
const TARGETS = { graphqlRatio: 0.75, pgCreateThreadReqPerSec: 2500, pgCreateThreadP99Ms: 30 } as const;

function readNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number >= 0, not "${raw}".`);
  return value;
}

const load: LoadOptions = {
  seconds: Math.max(1, readNumber('BENCH_SECONDS', 10)),
  warmupSeconds: readNumber('BENCH_WARMUP_SECONDS', 3),
  connections: Math.max(1, Math.round(readNumber('BENCH_CONNECTIONS', 32))),
};
/** The mixed workload: more connections, one longer run (BENCH_MIXED_SECONDS, default 60). */
const mixedLoadOptions: LoadOptions = {
  seconds: Math.max(1, readNumber('BENCH_MIXED_SECONDS', 60)),
  warmupSeconds: load.warmupSeconds,
  connections: Math.max(1, Math.round(readNumber('BENCH_MIXED_CONNECTIONS', 64))),
};
const adminDatabaseUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const apiKey = `threadlineBench_${randomBytes(24).toString('base64url')}`;

/** Undo steps for what the run made (servers, data directory, database), newest first. */
const cleanups: Array<() => Promise<void>> = [];

async function cleanUp(): Promise<void> {
  for (let step = cleanups.pop(); step; step = cleanups.pop()) {
    await step().catch((error: unknown) => printLine(`cleanup failed: ${(error as Error).message}`));
  }
}

/** Starts a server and registers its stop, so that even a failed run leaves no process behind. */
async function startServer(entry: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const server = await startChildServer(entry, env);
  cleanups.push(server.stop);
  return server;
}

/** Time for the requests autocannon abandons at the end of a run to finish before shutdown. */
const SETTLE_MS = 1000;

async function stopServer(label: string, server: ChildServer): Promise<void> {
  // Stopping under those requests would log their failures (the pool closes beneath them), which are
  // an artefact of the bench, not of the load.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const step = cleanups.indexOf(server.stop);
  if (step >= 0) cleanups.splice(step, 1);
  await server.stop();
  printServerLogs(label, server.logLines, server.logLineCount());
}

/**
 * Rate limits the load never reaches, so that the figures include counting every request (an
 * allowance claimed from the database per 100) but no 429. Threadline's defaults would refuse most
 * of a 10-second run at these rates.
 */
const UNREACHED_RATE_LIMITS = {
  THREADLINE_RATE_LIMIT_PER_KEY: '1000000000',
  THREADLINE_RATE_LIMIT_PER_WORKSPACE: '1000000000',
};
const NO_RATE_LIMITS = { THREADLINE_RATE_LIMIT_PER_KEY: '0', THREADLINE_RATE_LIMIT_PER_WORKSPACE: '0' };

/** Threadline's own composition root, configured only through the environment as in production. */
function startThreadline(
  env: { THREADLINE_DATA_DIR?: string; DATABASE_URL?: string },
  limits: Record<string, string> = UNREACHED_RATE_LIMITS,
): Promise<ChildServer> {
  return startServer('packages/server/src/main.ts', {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    THREADLINE_API_KEY: apiKey,
    // An empty DATABASE_URL means PGlite, whatever the calling shell has set.
    DATABASE_URL: env.DATABASE_URL ?? '',
    THREADLINE_DATA_DIR: env.THREADLINE_DATA_DIR ?? '',
    ...limits,
  });
}

async function measureBareRoute(): Promise<LoadResult> {
  const bare = await startServer('packages/server/bench/bare-server.ts');
  const result = await measureLoad({ url: bare.url, method: 'GET', path: '/' }, load);
  printRow('Ceiling: bare Fastify GET /', result);
  await stopServer('bare Fastify', bare);
  return result;
}

function printRatio(label: string, result: LoadResult, base: LoadResult): number {
  const ratio = base.reqPerSec > 0 ? result.reqPerSec / base.reqPerSec : 0;
  printLine(`    ${label}: ${(ratio * 100).toFixed(1)}%`);
  return ratio;
}

async function measureMercuriusAlone(ceiling: LoadResult): Promise<LoadResult> {
  const server = await startServer('packages/server/bench/mercurius-server.ts');
  const result = await measureLoad(trivialQuery(server.url, 'unused'), load);
  printRow('Reference: the same query, Mercurius alone', result);
  printRatio('ratio to the bare route', result, ceiling);
  await stopServer('Mercurius', server);
  return result;
}

async function measureWrites(engine: string, server: ChildServer): Promise<LoadResult> {
  const fixtures = await createWriteFixtures(server.url, apiKey);
  const thread = await measureLoad(createThreadLoad(server.url, apiKey, fixtures), load);
  printRow(`${engine} createThread`, thread);
  const event = await measureLoad(createCustomerEventLoad(server.url, apiKey, fixtures), load);
  printRow(`${engine} createCustomerEvent`, event);
  return thread;
}

async function measurePglite(ceiling: LoadResult, mercurius: LoadResult): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'threadline-bench-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const server = await startThreadline({ THREADLINE_DATA_DIR: dataDir });

  const graphql = await measureLoad(trivialQuery(server.url, apiKey), load);
  printRow('Threadline: { __typename }', graphql);
  const ratio = printRatio('ratio to the bare route', graphql, ceiling);
  printRatio('ratio to Mercurius alone', graphql, mercurius);
  printTarget(`>= ${TARGETS.graphqlRatio * 100}% of the bare route`, ratio >= TARGETS.graphqlRatio);
  printLine();

  await measureWrites('PGlite', server);
  await measureMixed('PGlite', server, [{ label: 'the bare route', result: ceiling }]);
  await stopServer('PGlite Threadline', server);
  printLine();
  await measureRateLimitCost(graphql);
}

/** The same trivial query on a server with rate limiting off: what counting requests costs. */
async function measureRateLimitCost(withLimits: LoadResult): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'threadline-bench-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const server = await startThreadline({ THREADLINE_DATA_DIR: dataDir }, NO_RATE_LIMITS);
  const without = await measureLoad(trivialQuery(server.url, apiKey), load);
  printRow('Threadline: { __typename }, rate limits off', without);
  printRatio('rate limits on (above) as a ratio of off', withLimits, without);
  await stopServer('PGlite Threadline without rate limits', server);
}

async function measurePostgres(ceiling: LoadResult): Promise<void> {
  const created = await createBenchDatabase(adminDatabaseUrl);
  if (!created.ok) {
    printLine(`PostgreSQL: skipped, unreachable: ${created.reason}`);
    return;
  }
  const { db } = created;
  cleanups.push(db.drop);
  const server = await startThreadline({ DATABASE_URL: db.url });
  const thread = await measureWrites('PostgreSQL', server);
  printTarget(
    `createThread >= ${integer(TARGETS.pgCreateThreadReqPerSec)} req/s`,
    thread.reqPerSec >= TARGETS.pgCreateThreadReqPerSec,
  );
  printTarget(
    `createThread p99 <= ${TARGETS.pgCreateThreadP99Ms} ms`,
    thread.p99Ms <= TARGETS.pgCreateThreadP99Ms,
  );
  const rawSql = await measureRawSql(db.url);
  await measureMixed('PostgreSQL', server, [
    { label: 'the bare route', result: ceiling },
    { label: 'raw SQL', result: rawSql },
  ]);
  await stopServer('PostgreSQL Threadline', server);
  printLine(`    (database ${db.name} on ${redact(adminDatabaseUrl)}, dropped at the end)`);
}

/**
 * The mixed workload (70% reads, 30% writes) at 64 connections, with the server's resident memory
 * before and after, and its throughput beside the ceilings measured in this run.
 */
async function measureMixed(
  engine: string,
  server: ChildServer,
  ceilings: { label: string; result: LoadResult }[],
): Promise<void> {
  const fixtures = await createMixedFixtures(server.url, apiKey);
  const spec = mixedLoad(server.url, apiKey, fixtures);
  // The warm-up runs first, so "before" is the memory of a warmed-up server.
  await measureLoad(spec, { ...mixedLoadOptions, seconds: mixedLoadOptions.warmupSeconds, warmupSeconds: 0 });
  await settle();
  const before = await residentMiB(server.pid);
  const result = await measureLoad(spec, { ...mixedLoadOptions, warmupSeconds: 0 });
  const after = await residentMiB(server.pid);
  printRow(
    `${engine} mixed 70/30, ${mixedLoadOptions.connections} conns, ${mixedLoadOptions.seconds} s`,
    result,
  );
  for (const ceiling of ceilings) printRatio(`ratio to ${ceiling.label}`, result, ceiling.result);
  printLine(`    server memory (RSS): ${before.toFixed(0)} MiB before, ${after.toFixed(0)} MiB after`);
  printTarget('no errors', result.errors === 0);
}

/** The raw-SQL ceiling on PostgreSQL: one page of threads per request, no GraphQL. */
async function measureRawSql(databaseUrl: string): Promise<LoadResult> {
  const server = await startServer('packages/server/bench/sql-server.ts', { DATABASE_URL: databaseUrl });
  const result = await measureLoad(
    { url: server.url, method: 'GET', path: '/' },
    { ...load, connections: mixedLoadOptions.connections },
  );
  printRow('Ceiling: raw SQL page of threads (pg, no GraphQL)', result);
  await stopServer('raw SQL', server);
  return result;
}

function integer(value: number): string {
  return value.toLocaleString('en-US');
}

async function main(): Promise<void> {
  printLine('Threadline benchmark');
  printLine(
    `  ${load.seconds} s per measurement after a ${load.warmupSeconds} s warm-up, ${load.connections} connections;` +
      ` ${availableParallelism()} CPUs, Node ${process.version}`,
  );
  printLine('  autocannon runs in this process, each server in a child process (node --import tsx)');
  printLine(
    '  errors = socket errors and timeouts + non-2xx responses + 2xx responses carrying a GraphQL error',
  );
  printLine();
  printColumns();
  const ceiling = await measureBareRoute();
  const mercurius = await measureMercuriusAlone(ceiling);
  await measurePglite(ceiling, mercurius);
  printLine();
  await measurePostgres(ceiling);
}

// A Ctrl-C still stops the servers and removes the data directory and the database.
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
