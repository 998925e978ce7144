/**
 * `npm run bench:lists`: thread lists at scale. Loads BENCH_THREADS threads (default 1,000,000) into
 * one workspace of a fresh PostgreSQL database, then times filtered and sorted pages of 25 through
 * the real HTTP API, one request at a time, and prints p50/p99 per query against the 50 ms p99
 * target, with the indexes each query's plan uses (EXPLAIN). A measurement, not a test: a missed
 * target prints BELOW and the exit code stays 0. The database is dropped at the end (unless
 * BENCH_KEEP_DATABASE=1).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { type Server, startServer } from '../src/server.js';
import type { Queryable } from '../src/storage/db.js';
import { threadRefSequenceName } from '../src/storage/workspace-repository.js';
import { createBenchDatabase } from './postgres.js';
import { printLine } from './report.js';

const THREADS = Number(process.env.BENCH_THREADS || 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS || 200);
const TARGET_P99_MS = 50;
const adminUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const apiKey = `threadlineBench_${randomBytes(24).toString('base64url')}`;

/** Loads customers, label types, a thread field schema, threads, labels and field values in set-based SQL. */
async function loadRows(db: Queryable, workspaceId: string, actor: string): Promise<void> {
  const ws = workspaceId;
  await db.query(
    `INSERT INTO customers (workspace_id, id, full_name, email, email_is_verified, created_at, created_by, updated_at, updated_by)
     SELECT $1, 'c_bench' || lpad(g::text, 19, '0'), 'Customer ' || g, 'customer' || g || '@example.com', true,
            now(), $2, now(), $2
     FROM generate_series(1, 10000) g`,
    [ws, actor],
  );
  await db.query(
    `INSERT INTO label_types (workspace_id, id, name, is_excluded_from_ai, type, position, created_at, created_by, updated_at, updated_by)
     VALUES ($1, 'lt_benchcommon0000000000000', 'Common', false, 'DEFAULT', 'a', now(), $2, now(), $2),
            ($1, 'lt_benchrare00000000000000', 'Rare', false, 'DEFAULT', 'b', now(), $2, now(), $2)`,
    [ws, actor],
  );
  await db.query(
    `INSERT INTO thread_field_schemas (workspace_id, id, key, label, description, type, enum_values, sort_order,
       is_required, is_client_readonly, is_ai_auto_fill_enabled, depends_on_label_type_ids, created_at, created_by, updated_at, updated_by)
     VALUES ($1, 'tfs_benchtier0000000000000', 'tier', 'Tier', '', 'ENUM', '{free,pro,enterprise}', 0,
       false, false, false, '{}', now(), $2, now(), $2)`,
    [ws, actor],
  );
  // Spread over a year; statuses 60% TODO, 25% DONE, 15% SNOOZED; a third assigned.
  await db.query(
    `INSERT INTO threads (workspace_id, id, ref, customer_id, title, description, preview_text, priority, status,
       status_detail, status_changed_at, status_changed_by, assigned_to, assigned_at, channel,
       created_at, created_by, updated_at, updated_by)
     SELECT $1, 'th_bench' || lpad(g::text, 18, '0'), g, 'c_bench' || lpad((1 + g % 10000)::text, 19, '0'),
       'Question ' || g || ' about ' || (ARRAY['billing','login','export','invoice','refund'])[1 + g % 5],
       NULL, 'Hello, I have a question', g % 4,
       CASE WHEN g % 20 < 12 THEN 'TODO' WHEN g % 20 < 17 THEN 'DONE' ELSE 'SNOOZED' END,
       CASE WHEN g % 20 < 12 THEN 'CREATED' WHEN g % 20 < 17 THEN 'DONE_MANUALLY_SET' ELSE 'WAITING_FOR_CUSTOMER' END,
       created, $2, CASE WHEN g % 3 = 0 THEN $2 END, CASE WHEN g % 3 = 0 THEN created END, 'API',
       created, $2, created, $2
     FROM (SELECT g, now() - make_interval(secs => ($3::integer - g) * (31536000.0 / $3::integer)) AS created
           FROM generate_series(1, $3::integer) g) s`,
    [ws, actor, THREADS],
  );
  await db.query('SELECT setval($1::regclass, $2)', [threadRefSequenceName(ws), THREADS]);
  // A common label on 30% of threads, a rare one on 0.1%; a tier value on 20%.
  await db.query(
    `INSERT INTO labels (workspace_id, id, thread_id, label_type_id, created_at, created_by, updated_at, updated_by)
     SELECT $1, 'l_bench' || lpad(g::text, 19, '0'), 'th_bench' || lpad(g::text, 18, '0'),
       CASE WHEN g % 1000 = 0 THEN 'lt_benchrare00000000000000' ELSE 'lt_benchcommon0000000000000' END,
       now(), $2, now(), $2
     FROM generate_series(1, $3::integer) g WHERE g % 10 < 3 OR g % 1000 = 0`,
    [ws, actor, THREADS],
  );
  await db.query(
    `INSERT INTO thread_fields (workspace_id, id, thread_id, key, type, string_value, is_ai_generated,
       created_at, created_by, updated_at, updated_by)
     SELECT $1, 'tf_bench' || lpad(g::text, 18, '0'), 'th_bench' || lpad(g::text, 18, '0'), 'tier', 'ENUM',
       (ARRAY['free','pro','enterprise'])[1 + g % 3], false, now(), $2, now(), $2
     FROM generate_series(1, $3::integer) g WHERE g % 5 = 0`,
    [ws, actor, THREADS],
  );
  // What autovacuum does after a bulk load: statistics, and a visibility map for index-only scans.
  await db.exec('VACUUM ANALYZE');
}

const THREADS_QUERY = `query($filters: ThreadsFilter, $sortBy: ThreadsSort, $first: Int, $after: String) {
  threads(filters: $filters, sortBy: $sortBy, first: $first, after: $after) {
    edges { cursor node { id ref title status priority customer { id } labels { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const SEARCH_QUERY = `query($term: String!, $filters: ThreadsFilter) {
  searchThreads(searchQuery: { term: $term }, filters: $filters, first: 25) { edges { node { thread { id } } } }
}`;

/** What the bench reads from an answer: the end cursor of a threads page. */
interface ThreadsData {
  threads: { pageInfo: { endCursor: string | null } };
}

interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const created = await createBenchDatabase(adminUrl);
  if (!created.ok) {
    printLine(`thread lists: skipped, PostgreSQL unreachable: ${created.reason}`);
    return;
  }
  const database = created.db;
  let server: Server | null = null;
  try {
    server = await startServer(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        DATABASE_URL: database.url,
        THREADLINE_API_KEY: apiKey,
        THREADLINE_SCHEDULER_INTERVAL_MS: '3600000',
      }),
    );
    const workspaceId = server.bootstrap.workspace.id;
    const [machineUser] = await server.db.query<{ id: string }>('SELECT id FROM machine_users LIMIT 1');
    const actor = machineUser!.id;
    const loadStart = performance.now();
    await loadRows(server.db, workspaceId, actor);
    printLine(
      `thread lists: loaded ${THREADS.toLocaleString('en')} threads in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`,
    );

    const post = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(`${server!.url}/graphql/v1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: ThreadsData; errors?: unknown[] };
      if (res.status !== 200 || body.errors)
        throw new Error(`${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      return body.data!;
    };

    // A cursor 1,000 rows deep into the TODO list, for a deep page.
    let deepCursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const data = await post(THREADS_QUERY, {
        filters: { statuses: ['TODO'] },
        first: 100,
        after: deepCursor,
      });
      deepCursor = data.threads.pageInfo.endCursor;
    }

    const cases: Case[] = [
      { name: 'newest first, no filter', query: THREADS_QUERY, variables: { first: 25 } },
      {
        name: 'TODO, newest first',
        query: THREADS_QUERY,
        variables: { first: 25, filters: { statuses: ['TODO'] } },
      },
      {
        name: 'TODO by status change',
        query: THREADS_QUERY,
        variables: {
          first: 25,
          filters: { statuses: ['TODO'] },
          sortBy: { field: 'STATUS_CHANGED_AT', direction: 'DESC' },
        },
      },
      {
        name: 'TODO by priority',
        query: THREADS_QUERY,
        variables: {
          first: 25,
          filters: { statuses: ['TODO'] },
          sortBy: { field: 'PRIORITY', direction: 'ASC' },
        },
      },
      {
        name: 'TODO, 1,000 rows deep',
        query: THREADS_QUERY,
        variables: { first: 25, filters: { statuses: ['TODO'] }, after: deepCursor },
      },
      {
        name: 'one customer',
        query: THREADS_QUERY,
        variables: { first: 25, filters: { customerIds: [`c_bench${'4242'.padStart(19, '0')}`] } },
      },
      {
        name: 'assigned to a machine user',
        query: THREADS_QUERY,
        variables: { first: 25, filters: { assignedToUser: [actor], statuses: ['TODO'] } },
      },
      {
        name: 'common label (30%)',
        query: THREADS_QUERY,
        variables: { first: 25, filters: { labelTypeIds: ['lt_benchcommon0000000000000'] } },
      },
      {
        name: 'rare label (0.1%)',
        query: THREADS_QUERY,
        variables: { first: 25, filters: { labelTypeIds: ['lt_benchrare00000000000000'] } },
      },
      {
        name: 'thread field tier = pro',
        query: THREADS_QUERY,
        variables: { first: 25, filters: { threadFields: [{ key: 'tier', stringValue: 'pro' }] } },
      },
      {
        name: 'created in one week',
        query: THREADS_QUERY,
        variables: {
          first: 25,
          filters: {
            createdAt: {
              after: new Date(Date.now() - 200 * 86400_000).toISOString(),
              before: new Date(Date.now() - 193 * 86400_000).toISOString(),
            },
          },
        },
      },
      { name: 'search "refund 4242"', query: SEARCH_QUERY, variables: { term: 'refund 4242' } },
      { name: 'search a customer name', query: SEARCH_QUERY, variables: { term: 'customer4242' } },
    ];

    printLine(`thread lists: ${RUNS} runs per query, one at a time, p99 target ${TARGET_P99_MS} ms`);
    printLine(`${'query'.padEnd(30)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  verdict`);
    let worst = 0;
    for (const c of cases) {
      for (let i = 0; i < 10; i++) await post(c.query, c.variables);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        await post(c.query, c.variables);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const p99 = percentile(times, 99);
      worst = Math.max(worst, p99);
      printLine(
        `${c.name.padEnd(30)} ${percentile(times, 50).toFixed(1).padStart(8)} ${p99.toFixed(1).padStart(8)}  ${p99 <= TARGET_P99_MS ? 'ok' : 'BELOW'}`,
      );
    }
    printLine(
      `thread lists: worst p99 ${worst.toFixed(1)} ms (${(worst / TARGET_P99_MS).toFixed(2)} of the ${TARGET_P99_MS} ms ceiling)`,
    );
    await explainPlans(server.db, workspaceId);
  } finally {
    await server?.close().catch(() => {});
    // BENCH_KEEP_DATABASE=1 keeps the loaded database, to study a plan with psql; drop it yourself.
    if (process.env.BENCH_KEEP_DATABASE === '1') printLine(`thread lists: kept database ${database.name}`);
    else await database.drop();
  }
}

/** Prints the indexes the plans of two representative list statements use, as evidence. */
async function explainPlans(db: Queryable, workspaceId: string): Promise<void> {
  const plans: [string, string][] = [
    [
      'TODO, newest first',
      `SELECT t.id FROM threads t WHERE t.workspace_id = $1 AND t.status = ANY('{TODO}'::text[]) ORDER BY t.created_at DESC, t.id DESC LIMIT 26`,
    ],
    [
      'rare label',
      `SELECT t.id FROM threads t WHERE t.workspace_id = $1 AND EXISTS (SELECT 1 FROM labels l WHERE l.workspace_id = t.workspace_id
         AND l.thread_id = t.id AND l.label_type_id = ANY('{lt_benchrare00000000000000}'::text[])) ORDER BY t.created_at DESC, t.id DESC LIMIT 26`,
    ],
  ];
  for (const [name, sql] of plans) {
    const rows = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, [workspaceId]);
    const indexes = [
      ...new Set(rows.flatMap((r) => [...r['QUERY PLAN'].matchAll(/using (\w+)/gi)].map((m) => m[1]))),
    ];
    const seqScan = rows.some((r) => /Seq Scan on threads/.test(r['QUERY PLAN']));
    printLine(
      `plan of "${name}": indexes ${indexes.join(', ') || 'none'}${seqScan ? '; SEQ SCAN on threads' : ''}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
