/**
 * The data of the thread-list bench: a workspace with 1,000,000 threads (by default), loaded with
 * set-based SQL (generate_series) straight into the tables, in about a minute.
 *
 * The shape is meant to be realistic rather than uniform, because uniform data flatters a query
 * planner: old threads are almost all DONE while a tenth of the newest are TODO or SNOOZED; one
 * label type is on a quarter of the threads and another on one in 2,000; customers have from a
 * handful to thousands of threads; a few words are in most titles and others in a dozen.
 */
import type pg from 'pg';

/** What was loaded, for the queries to refer to. */
export interface BenchData {
  workspaceId: string;
  threads: number;
  /** Users threads are assigned to (u_…), 20 of them. */
  userIds: string[];
  /** 30 label types, the first the most common; `rareLabelTypeId` is on one thread in 2,000. */
  labelTypeIds: string[];
  rareLabelTypeId: string;
  /** A customer with few threads and one with many. */
  smallCustomerId: string;
  bigCustomerId: string;
  /** Seconds spent: inserting rows, building indexes, vacuum and analyze. */
  seconds: { rows: number; indexes: number; analyze: number };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Ids shaped like Threadline's (`<prefix>_` and 26 Crockford characters), numbered. */
const userId = (n: number) => `u_B${pad(n, 25)}`;
const labelTypeId = (n: number) => `lt_B${pad(n, 25)}`;
const customerId = (n: number) => `c_B${pad(n, 25)}`;

const CUSTOMERS = 5000;

/** Threads, newest last; status, priority, assignee and words drawn per row (see the file comment). */
const THREADS_SQL = `
INSERT INTO threads (workspace_id, id, ref, customer_id, external_id, title, description, preview_text, priority,
  status, status_detail, status_changed_at, status_changed_by, snoozed_until, assigned_to, assigned_at, channel,
  created_at, created_by, updated_at, updated_by)
SELECT $1, 'th_B' || lpad(g::text, 25, '0'), g,
  'c_B' || lpad((1 + floor(${CUSTOMERS} * r.c ^ 3))::int::text, 25, '0'),
  CASE WHEN g % 10 = 0 THEN 'ext-' || g END,
  w.title, CASE WHEN r.d < 0.3 THEN 'Reported through the ' || w.form || ' form' END, w.preview,
  CASE WHEN r.p < 0.05 THEN 0 WHEN r.p < 0.2 THEN 1 WHEN r.p < 0.85 THEN 2 ELSE 3 END,
  s.status,
  CASE s.status
    WHEN 'TODO' THEN (ARRAY['CREATED', 'NEW_REPLY', 'IN_PROGRESS'])[1 + floor(r.sd * 3)::int]
    WHEN 'SNOOZED' THEN (ARRAY['WAITING_FOR_CUSTOMER', 'WAITING_FOR_DURATION'])[1 + floor(r.sd * 2)::int]
    ELSE (ARRAY['DONE_MANUALLY_SET', 'DONE_MANUALLY_SET', 'DONE_MANUALLY_SET', 'DONE_AUTOMATICALLY_SET',
      'IGNORED'])[1 + floor(r.sd * 5)::int]
  END,
  tm.changed, 'system:bench',
  -- A snooze for a duration ends in the future: the scheduler has nothing to wake during the bench.
  CASE WHEN s.status = 'SNOOZED' AND r.sd >= 0.5 THEN date_trunc('milliseconds', now()) + (1 + r.sc * 30) * interval '1 day' END,
  CASE WHEN r.a < 0.75 THEN 'u_B' || lpad((1 + floor(20 * r.a / 0.75))::int::text, 25, '0') END,
  CASE WHEN r.a < 0.75 THEN tm.created + interval '5 minutes' END,
  'API', tm.created, 'system:bench', tm.changed, 'system:bench'
FROM generate_series(1, $2::int) g
-- Each LATERAL names g, so that PostgreSQL draws its random() values per row rather than once.
CROSS JOIN LATERAL (SELECT g AS rg, random() AS c, random() AS d, random() AS p, random() AS st, random() AS sd,
  random() AS sc, random() AS a, random() AS w1, random() AS w2, random() AS w3, random() AS w4, random() AS w5,
  random() AS w6) r
-- Milliseconds, as Threadline stores times (a cursor holds them as toISOString() writes them).
CROSS JOIN LATERAL (SELECT created, date_trunc('milliseconds', least(now(), created + r.sc * interval '30 days')) AS changed
  FROM (SELECT date_trunc('milliseconds', now()) - ($2::int - g) * interval '63 seconds' AS created) c) tm
CROSS JOIN LATERAL (SELECT CASE
    WHEN g > $2::int * 0.97 THEN CASE WHEN r.st < 0.45 THEN 'TODO' WHEN r.st < 0.6 THEN 'SNOOZED' ELSE 'DONE' END
    ELSE CASE WHEN r.st < 0.025 THEN 'TODO' WHEN r.st < 0.04 THEN 'SNOOZED' ELSE 'DONE' END
  END AS status) s
CROSS JOIN LATERAL (SELECT
  (ARRAY['Billing', 'Invoice', 'Login', 'Password', 'Refund', 'Export', 'Import', 'Integration', 'Webhook', 'Slack',
    'Email', 'Dashboard', 'Report', 'API', 'Account', 'Subscription', 'Upgrade', 'Downgrade', 'Payment', 'Card',
    'Search', 'Notification', 'Mobile', 'Permissions', 'SSO', 'Calendar', 'Onboarding', 'Migration', 'Storage',
    'Performance'])[1 + floor(30 * r.w1 ^ 2)::int]
  || ' ' || (ARRAY['problem', 'question', 'error', 'failing', 'broken', 'request', 'help', 'issue', 'bug', 'timeout',
    'not working', 'feedback', 'outage', 'limit', 'confusion'])[1 + floor(15 * r.w2)::int]
  || ' #' || (1000 + floor(r.w3 * 90000))::int AS title,
  (ARRAY['contact', 'support', 'billing', 'feedback'])[1 + floor(4 * r.w4)::int] AS form,
  'Hi team, ' || (ARRAY['since yesterday', 'after the update', 'every morning', 'sometimes', 'on mobile',
    'for my whole team', 'when I export', 'right after login'])[1 + floor(8 * r.w5)::int]
  || ' the ' || (ARRAY['invoice', 'dashboard', 'report', 'webhook', 'integration', 'password reset',
    'calendar sync', 'export', 'search', 'card payment', 'permissions page', 'notification', 'subscription',
    'mobile app', 'API token'])[1 + floor(15 * r.w6 ^ 1.5)::int]
  || ' ' || (ARRAY['fails with an error', 'shows the wrong numbers', 'does not load', 'is very slow',
    'keeps logging me out', 'sends duplicates', 'is missing data', 'times out'])[1 + floor(8 * r.w3)::int]
  || '. Kind regards, ' || (ARRAY['Xylophone', 'Quixote', 'Zephyr', 'Marigold', 'Juniper', 'Obsidian', 'Peregrine',
    'Saffron'])[1 + floor(8 * r.w1)::int] || ' ' || floor(r.w2 * 100000)::int AS preview) w`;

/** Zero to two labels a thread, label type n drawn with falling frequency; the rare type on one in 2,000. */
const LABELS_SQL = `
INSERT INTO labels (workspace_id, id, thread_id, label_type_id, created_at, created_by, updated_at, updated_by)
SELECT $1, 'l_B' || lpad(t.ref::text, 22, '0') || lpad(x.n::text, 3, '0'), t.id, 'lt_B' || lpad(x.n::text, 25, '0'),
  t.created_at, 'system:bench', t.created_at, 'system:bench'
FROM threads t
CROSS JOIN LATERAL (SELECT DISTINCT 1 + floor(30 * random() ^ 2.5)::int AS n
  FROM generate_series(1, (random() * 2.4 + 0 * t.ref)::int)
  UNION SELECT 31 WHERE t.ref % 2000 = 7) x
WHERE t.workspace_id = $1`;

/** Thread fields: product_area (ENUM) on 60%, seats (NUMBER) on 30%, renewal (DATE) on 20%, vip (BOOL) on 10%. */
const FIELDS_SQL = `
INSERT INTO thread_fields (workspace_id, id, thread_id, key, type, string_value, boolean_value, number_value,
  date_value, is_ai_generated, created_at, created_by, updated_at, updated_by)
SELECT $1, 'tf_B' || lpad(t.ref::text, 24, '0') || f.n, t.id, f.key, f.type, f.s, f.b, f.v, f.d, false,
  t.created_at, 'system:bench', t.created_at, 'system:bench'
FROM threads t
CROSS JOIN LATERAL (
  SELECT 1 AS n, 'product_area' AS key, 'ENUM' AS type,
    (ARRAY['billing', 'security', 'onboarding', 'integrations', 'reporting'])[1 + floor(5 * random() ^ 2)::int] AS s,
    NULL::boolean AS b, NULL::float8 AS v, NULL::timestamptz AS d
  WHERE random() < 0.6 + 0 * t.ref
  UNION ALL SELECT 2, 'seats', 'NUMBER', NULL, NULL, floor(random() * 500), NULL WHERE random() < 0.3 + 0 * t.ref
  UNION ALL SELECT 3, 'renewal', 'DATE', NULL, NULL, NULL, date_trunc('day', now() + random() * interval '365 days')
    WHERE random() < 0.2 + 0 * t.ref
  UNION ALL SELECT 4, 'vip', 'BOOL', NULL, random() < 0.2, NULL, NULL WHERE random() < 0.1 + 0 * t.ref) f
WHERE t.workspace_id = $1`;

const SCHEMAS: [string, string, string, string[]][] = [
  [
    'product_area',
    'Product area',
    'ENUM',
    ['billing', 'security', 'onboarding', 'integrations', 'reporting'],
  ],
  ['seats', 'Seats', 'NUMBER', []],
  ['renewal', 'Renewal', 'DATE', []],
  ['vip', 'VIP', 'BOOL', []],
];

/** The tables the load writes to, whose secondary indexes are dropped during it and rebuilt after. */
const LOADED_TABLES = ['threads', 'labels', 'thread_fields', 'customers'];

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/**
 * Drops the indexes of the loaded tables that no constraint needs and returns their definitions:
 * building an index once over a million rows is several times faster than growing it row by row.
 */
async function dropSecondaryIndexes(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
     WHERE c.relname = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [LOADED_TABLES],
  );
  for (const row of rows) await client.query(`DROP INDEX ${row.name}`);
  return rows.map((row) => row.definition);
}

/** Loads the bench data into the workspace `workspaceId`, whose thread-ref sequence is `refSequence`. */
export async function loadBenchData(
  client: pg.Client,
  workspaceId: string,
  refSequence: string,
  threads: number,
): Promise<BenchData> {
  await client.query('SELECT setseed(0.42)');
  await client.query("SET maintenance_work_mem = '1GB'");
  await client.query('SET synchronous_commit = off');
  const indexes = await dropSecondaryIndexes(client);
  const audit = `now() - interval '3 years', 'system:bench', now() - interval '3 years', 'system:bench'`;
  const rows = await timed(async () => {
    await client.query(
      `INSERT INTO users (workspace_id, id, email, full_name, public_name, created_at, created_by, updated_at, updated_by)
       SELECT $1, 'u_B' || lpad(g::text, 25, '0'), 'agent' || g || '@bench.test', 'Agent ' || g, 'Agent ' || g, ${audit}
       FROM generate_series(1, 20) g`,
      [workspaceId],
    );
    await client.query(
      `INSERT INTO customers (workspace_id, id, external_id, full_name, email, email_is_verified, created_at,
         created_by, updated_at, updated_by)
       SELECT $1, 'c_B' || lpad(g::text, 25, '0'), 'cust-' || g,
         (ARRAY['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Ken', 'Dennis', 'Margaret', 'Linus', 'Guido',
           'Anders', 'Bjarne', 'James', 'Niklaus', 'John'])[1 + g % 16] || ' ' ||
         (ARRAY['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Thompson', 'Ritchie', 'Hamilton',
           'Torvalds', 'Rossum', 'Hejlsberg', 'Stroustrup', 'Gosling', 'Wirth', 'Backus', 'Kay', 'Hoare',
           'Lamport'])[1 + (g / 16) % 19],
         'customer' || g || '@' || (ARRAY['example.com', 'acme.test', 'globex.test', 'initech.test'])[1 + g % 4],
         true, ${audit}
       FROM generate_series(1, ${CUSTOMERS}) g`,
      [workspaceId],
    );
    await client.query(
      `INSERT INTO label_types (workspace_id, id, name, is_excluded_from_ai, type, position, created_at, created_by,
         updated_at, updated_by)
       SELECT $1, 'lt_B' || lpad(g::text, 25, '0'), CASE WHEN g = 31 THEN 'Legal hold' ELSE 'Label ' || g END,
         false, 'DEFAULT', lpad(g::text, 4, '0'), ${audit}
       FROM generate_series(1, 31) g`,
      [workspaceId],
    );
    for (const [i, [key, label, type, values]] of SCHEMAS.entries()) {
      await client.query(
        `INSERT INTO thread_field_schemas (workspace_id, id, key, label, description, type, enum_values, sort_order,
           is_required, is_client_readonly, is_ai_auto_fill_enabled, depends_on_label_type_ids, created_at,
           created_by, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, '', $5, $6, $7, false, false, false, '{}', ${audit})`,
        [workspaceId, `tfs_B${pad(i + 1, 25)}`, key, label, type, values, i],
      );
    }
    await client.query(THREADS_SQL, [workspaceId, threads]);
    await client.query(`SELECT setval($1::regclass, $2)`, [refSequence, threads]);
    await client.query(LABELS_SQL, [workspaceId]);
    await client.query(FIELDS_SQL, [workspaceId]);
  });
  const indexSeconds = await timed(async () => {
    for (const definition of indexes) await client.query(definition);
  });
  const analyze = await timed(() => client.query('VACUUM ANALYZE'));
  return {
    workspaceId,
    threads,
    userIds: Array.from({ length: 20 }, (_, i) => userId(i + 1)),
    labelTypeIds: Array.from({ length: 30 }, (_, i) => labelTypeId(i + 1)),
    rareLabelTypeId: labelTypeId(31),
    // Customer n has threads in proportion to the gap between (n/5000)^(1/3) and its successor's.
    smallCustomerId: customerId(4000),
    bigCustomerId: customerId(1),
    seconds: { rows, indexes: indexSeconds, analyze },
  };
}
