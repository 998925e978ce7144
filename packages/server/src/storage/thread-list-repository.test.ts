/**
 * Every page of every list equals what a plain reading of the filter and the sort order gives: 240
 * threads with ties in every sort key, walked forward and backward in small pages, with windows
 * small enough that each read goes through the windows, the filter-first step and, for thread
 * field orders, both segments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import type { KeysetRequest } from './keyset.js';
import type { ThreadListFilter } from './thread-list-filter.js';
import type { ThreadSortKey } from './thread-list-plan.js';
import { listThreads } from './thread-list-repository.js';

const WS = 'w_LISTTEST0000000000000000';
const N = 240;
const BASE = Date.parse('2024-01-01T00:00:00.000Z');
const STATUSES = ['TODO', 'SNOOZED', 'DONE'] as const;
const DETAIL = { TODO: 'IN_PROGRESS', SNOOZED: 'WAITING_FOR_CUSTOMER', DONE: 'DONE_MANUALLY_SET' } as const;

/** A thread as the oracle sees it. */
interface T {
  id: string;
  ref: number;
  customerId: string;
  status: (typeof STATUSES)[number];
  priority: number;
  assignedTo: string | null;
  createdAt: number;
  statusChangedAt: number;
  labels: string[];
  seats: number | null;
  area: string | null;
  vip: boolean | null;
}

/** Deterministic "random" numbers, so a failure reproduces. */
function* numbers(seed: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield x / 2 ** 31;
  }
}

const r = numbers(7);
const next = () => r.next().value as number;
const threads: T[] = Array.from({ length: N }, (_, i) => ({
  // Ids in another order than creation, so that ties are broken by something else than time.
  id: `th_${String((i * 37) % N).padStart(26, '0')}`,
  ref: i + 1,
  customerId: `c_${(i % 5) + 1}`,
  status: STATUSES[Math.floor(next() * 3)]!,
  priority: Math.floor(next() * 4),
  assignedTo: next() < 0.4 ? null : `u_${Math.floor(next() * 3)}`,
  // Three threads share each creation time; status change times tie too.
  createdAt: BASE + Math.floor(i / 3) * 1000,
  statusChangedAt: BASE + Math.floor(next() * 60) * 1000,
  labels: [...(next() < 0.3 ? ['lt_common'] : []), ...(next() < 0.05 ? ['lt_rare'] : [])],
  seats: next() < 0.5 ? Math.floor(next() * 10) : null,
  area: next() < 0.4 ? (['billing', 'security', 'onboarding'] as const)[Math.floor(next() * 3)]! : null,
  vip: next() < 0.3 ? next() < 0.5 : null,
}));

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
  const { db } = testDb;
  const audit = `'2024-01-01T00:00:00Z', 'system:test', '2024-01-01T00:00:00Z', 'system:test'`;
  await db.query(`INSERT INTO workspaces VALUES ($1, 'W', 'W', ${audit})`, [WS]);
  for (let c = 1; c <= 5; c++) {
    await db.query(
      `INSERT INTO customers (workspace_id, id, full_name, email, email_is_verified, created_at, created_by,
         updated_at, updated_by) VALUES ($1, $2, 'C', $3, true, ${audit})`,
      [WS, `c_${c}`, `c${c}@example.com`],
    );
  }
  for (const lt of ['lt_common', 'lt_rare']) {
    await db.query(
      `INSERT INTO label_types (workspace_id, id, name, is_excluded_from_ai, type, position, created_at, created_by,
         updated_at, updated_by) VALUES ($1, $2, $2, false, 'DEFAULT', 'a', ${audit})`,
      [WS, lt],
    );
  }
  for (const t of threads) {
    await db.query(
      `INSERT INTO threads (workspace_id, id, ref, customer_id, title, priority, status, status_detail,
         status_changed_at, status_changed_by, assigned_to, channel, created_at, created_by, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, 'T', $5, $6, $7, $8, 'system:test', $9, 'API', $10, 'system:test', $10, 'system:test')`,
      [
        WS,
        t.id,
        t.ref,
        t.customerId,
        t.priority,
        t.status,
        DETAIL[t.status],
        new Date(t.statusChangedAt),
        t.assignedTo,
        new Date(t.createdAt),
      ],
    );
    for (const lt of t.labels) {
      await db.query(
        `INSERT INTO labels (workspace_id, id, thread_id, label_type_id, created_at, created_by, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, ${audit})`,
        [WS, `l_${t.ref}_${lt}`, t.id, lt],
      );
    }
    const fields: [string, string, string | null, boolean | null, number | null][] = [];
    if (t.seats !== null) fields.push(['seats', 'NUMBER', null, null, t.seats]);
    if (t.area !== null) fields.push(['area', 'ENUM', t.area, null, null]);
    if (t.vip !== null) fields.push(['vip', 'BOOL', null, t.vip, null]);
    for (const [key, type, s, b, n] of fields) {
      await db.query(
        `INSERT INTO thread_fields (workspace_id, id, thread_id, key, type, string_value, boolean_value, number_value,
           is_ai_generated, created_at, created_by, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, false, ${audit})`,
        [WS, `tf_${t.ref}_${key}`, t.id, key, type, s, b, n],
      );
    }
  }
});

afterAll(() => testDb.drop());

/** What the filter means, read plainly. */
function matches(t: T, f: ThreadListFilter): boolean {
  const field = (key: string) =>
    key === 'seats' ? t.seats : key === 'area' ? t.area : key === 'vip' ? t.vip : null;
  const byKey = new Map<string, NonNullable<ThreadListFilter['threadFields']>>();
  for (const c of f.threadFields ?? []) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  return (
    (!f.statuses || f.statuses.includes(t.status)) &&
    (!f.priorities || f.priorities.includes(t.priority)) &&
    (!f.customerIds || f.customerIds.includes(t.customerId)) &&
    (!f.assignedTo || (t.assignedTo !== null && f.assignedTo.includes(t.assignedTo))) &&
    (f.isAssigned === undefined || (t.assignedTo !== null) === f.isAssigned) &&
    (!f.labelTypeIds || t.labels.some((l) => f.labelTypeIds!.includes(l))) &&
    (!f.createdAt?.after || t.createdAt >= f.createdAt.after.getTime()) &&
    (!f.createdAt?.before || t.createdAt < f.createdAt.before.getTime()) &&
    [...byKey].every(([key, conditions]) =>
      conditions.some((c) => {
        const v = field(key);
        if (v === null) return false;
        if (c.stringValue !== undefined && v !== c.stringValue) return false;
        if (c.booleanValue !== undefined && v !== c.booleanValue) return false;
        if (c.number?.gte !== undefined && (v as number) < c.number.gte) return false;
        if (c.number?.lte !== undefined && (v as number) > c.number.lte) return false;
        return true;
      }),
    ) &&
    (f.and ?? []).every((inner) => matches(t, inner)) &&
    (!f.or || f.or.some((inner) => matches(t, inner))) &&
    (!f.not || !matches(t, f.not))
  );
}

/** The sort order, read plainly: thread field values first (by value, then id), threads without after (by id). */
function order(sort: ThreadSortKey, descending: boolean): (a: T, b: T) => number {
  const sign = descending ? -1 : 1;
  const cmp = (x: number | string, y: number | string) => (x < y ? -1 : x > y ? 1 : 0);
  const key = (t: T): [number, number | string] | null => {
    switch (sort.kind) {
      case 'created_at':
        return [0, t.createdAt];
      case 'status_changed_at':
        return [0, t.statusChangedAt];
      case 'priority':
        return [0, t.priority];
      case 'thread_field': {
        const v =
          sort.key === 'seats'
            ? t.seats
            : sort.key === 'area'
              ? t.area
              : t.vip === null
                ? null
                : Number(t.vip);
        return v === null ? null : [0, v];
      }
    }
  };
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
      return sign * cmp(a.id, b.id);
    }
    return sign * (cmp(ka[1], kb[1]) || cmp(a.id, b.id));
  };
}

async function walk(
  filter: ThreadListFilter,
  sort: ThreadSortKey,
  descending: boolean,
  direction: KeysetRequest['direction'],
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: (string | number)[] | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const limit = direction === 'forward' ? 7 : 6;
    const rows = await listThreads(
      testDb.db,
      WS,
      filter,
      sort,
      descending,
      { direction, limit, cursor },
      {
        windows: [5, 20],
      },
    );
    const page = rows.slice(0, limit);
    if (direction === 'forward') ids.push(...page.map((row) => row.thread.id));
    else ids.unshift(...page.map((row) => row.thread.id).reverse());
    if (rows.length <= limit) return ids;
    cursor = page.at(-1)!.sortKey;
  }
  throw new Error('more than 100 pages');
}

const SORTS: [string, ThreadSortKey][] = [
  ['created_at', { kind: 'created_at' }],
  ['status_changed_at', { kind: 'status_changed_at' }],
  ['priority', { kind: 'priority' }],
  ['number field', { kind: 'thread_field', key: 'seats', valueType: 'number' }],
  ['enum field', { kind: 'thread_field', key: 'area', valueType: 'text' }],
  ['boolean field', { kind: 'thread_field', key: 'vip', valueType: 'boolean' }],
];

const FILTERS: [string, ThreadListFilter][] = [
  ['no filter', {}],
  ['one status', { statuses: ['TODO'] }],
  ['two statuses', { statuses: ['TODO', 'SNOOZED'] }],
  ['a rare label', { labelTypeIds: ['lt_rare'] }],
  ['assignee, not assigned to u_1', { not: { assignedTo: ['u_1'] } }],
  [
    'field values of one key are alternatives',
    {
      threadFields: [
        { key: 'area', stringValue: 'billing' },
        { key: 'area', stringValue: 'security' },
      ],
    },
  ],
  [
    'a number range and a priority',
    { threadFields: [{ key: 'seats', number: { gte: 3, lte: 6 } }], priorities: [1] },
  ],
  ['or and not', { or: [{ priorities: [0] }, { labelTypeIds: ['lt_common'] }], not: { statuses: ['DONE'] } }],
  ['a created range', { createdAt: { after: new Date(BASE + 20_000), before: new Date(BASE + 50_000) } }],
  ['nothing', { customerIds: ['c_none'] }],
];

describe('thread lists read in windows, then by the filter', () => {
  for (const [sortName, sort] of SORTS) {
    for (const descending of [false, true]) {
      it.each(FILTERS)(
        `${sortName} ${descending ? 'DESC' : 'ASC'}, %s: every page, both ways`,
        async (_name, filter) => {
          const expected = threads
            .filter((t) => matches(t, filter))
            .sort(order(sort, descending))
            .map((t) => t.id);
          expect(await walk(filter, sort, descending, 'forward')).toEqual(expected);
          expect(await walk(filter, sort, descending, 'backward')).toEqual(expected);
        },
      );
    }
  }
});
