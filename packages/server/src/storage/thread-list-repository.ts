/**
 * Lists of threads: filtered, sorted, searched, one keyset page at a time (see thread-list-plan.ts
 * for how a page is read), and single threads by ref or externalId.
 */
import { CUSTOM_PLAN, type Queryable } from './db.js';
import type { KeysetRequest } from './keyset.js';
import type { SqlParams, ThreadListFilter } from './thread-list-filter.js';
import {
  filterFirstStatement,
  type ListSpec,
  namesFewThreads,
  type Segment,
  segmentsOf,
  type ThreadSortKey,
  WINDOWS,
  windowStatement,
} from './thread-list-plan.js';
import { THREAD_SELECT, type ThreadRecord, toThread } from './thread-repository.js';

export type { ThreadFieldCondition, ThreadListFilter, TimeRange } from './thread-list-filter.js';
export type { ThreadSortKey } from './thread-list-plan.js';

/** A listed thread with the values of its sort key (for its cursor). */
export interface ListedThread {
  thread: ThreadRecord;
  sortKey: (string | number)[];
}

/** A searchThreads term, as the search vectors split words. */
export interface ThreadSearch {
  term: string;
}

/** A page row: the thread's id and its segment's key values. */
type KeyRow = { id: string; k0: unknown; k1?: unknown };

/** The key value a thread-field list's cursor holds for threads without the field (their flag is 1). */
const MISSING_VALUE: Record<Extract<ThreadSortKey, { kind: 'thread_field' }>['valueType'], string | number> =
  {
    text: '',
    number: 0,
    boolean: 0,
    date: new Date(0).toISOString(),
  };

function keyValue(value: unknown): string | number {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'string') return value;
  return Number(value);
}

/**
 * Reads up to request.limit + 1 rows of one segment: the windows while they look promising, then
 * the filter's own indexes (thread-list-plan.ts).
 */
async function readSegment(
  db: Queryable,
  spec: ListSpec,
  segment: Segment,
  request: KeysetRequest,
): Promise<KeyRow[]> {
  if (!namesFewThreads(spec.filter)) {
    for (const size of spec.windows ?? WINDOWS) {
      const window = windowStatement(spec, segment, request, size);
      const rows = await db.query<KeyRow>(window.sql, window.params);
      if (rows.length > request.limit) return rows;
      // None in the first window: the filter is rare here, and its indexes are the way to its threads.
      if (rows.length === 0) break;
    }
  }
  const statement = filterFirstStatement(spec, segment, request);
  // A custom plan for these values: a generic plan (PostgreSQL's choice after five runs of one
  // prepared statement) cannot tell a customer's 80 threads from a time range's 500,000.
  return db.query<KeyRow>(`${CUSTOM_PLAN}${statement.sql}`, statement.params);
}

/** Where a cursor points: its segment, and the key within the segment. */
function locate(
  sort: ThreadSortKey,
  request: KeysetRequest,
): { index: number; key: (string | number)[] | null } {
  const forward = request.direction === 'forward';
  const cursor = request.cursor;
  if (sort.kind !== 'thread_field') return { index: 0, key: cursor ? [...cursor] : null };
  if (!cursor) return { index: forward ? 0 : 1, key: null };
  const [flag, value, id] = cursor;
  return flag === 0 ? { index: 0, key: [value!, id!] } : { index: 1, key: [id!] };
}

async function readThreads(
  db: Queryable,
  workspaceId: string,
  ids: string[],
): Promise<Map<string, ThreadRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query(`${THREAD_SELECT} WHERE t.workspace_id = $1 AND t.id = ANY($2::text[])`, [
    workspaceId,
    ids,
  ]);
  return new Map(rows.map((row) => [row.id as string, toThread(row)]));
}

/**
 * One page of the threads matching `spec`, `request.limit + 1` at most, in read order (reversed for
 * a backward page, which toPage puts right), each with its sort key.
 */
async function listPage(db: Queryable, spec: ListSpec, request: KeysetRequest): Promise<ListedThread[]> {
  const segments = segmentsOf(spec.sort);
  const step = request.direction === 'forward' ? 1 : -1;
  const start = locate(spec.sort, request);
  const found: { row: KeyRow; segment: Segment }[] = [];
  for (let i = start.index; i >= 0 && i < segments.length && found.length <= request.limit; i += step) {
    const segment = segments[i]!;
    const cursor = i === start.index ? start.key : null;
    const rows = await readSegment(db, spec, segment, {
      ...request,
      limit: request.limit - found.length,
      cursor,
    });
    found.push(...rows.map((row) => ({ row, segment })));
  }
  const threads = await readThreads(
    db,
    spec.workspaceId,
    found.map((f) => f.row.id),
  );
  const sort = spec.sort;
  return found.flatMap(({ row, segment }) => {
    const thread = threads.get(row.id);
    // A thread deleted between the two reads is left out of the page.
    if (!thread) return [];
    if (sort.kind !== 'thread_field') return [{ thread, sortKey: [keyValue(row.k0), keyValue(row.k1)] }];
    const value = segment.flag === 0 ? keyValue(row.k0) : MISSING_VALUE[sort.valueType];
    return [{ thread, sortKey: [segment.flag!, value, row.id] }];
  });
}

/** One page of a workspace's threads that match `filter`, in the order of `sort`. */
export function listThreads(
  db: Queryable,
  workspaceId: string,
  filter: ThreadListFilter,
  sort: ThreadSortKey,
  descending: boolean,
  page: KeysetRequest,
  options: { windows?: readonly number[] } = {},
): Promise<ListedThread[]> {
  return listPage(db, { workspaceId, filter, sort, descending, ...options }, page);
}

/**
 * The tsquery of a search term and the customers it matches, read once per search. The term is
 * split into words as the search vectors were (migration 0003: anything not a letter or digit
 * separates), by the same SQL, so both agree whatever the database's locale. Each word of two or
 * more characters matches words it starts; a one-character word matches only itself (as a prefix
 * it would match most of the index).
 */
async function prepareSearch(
  db: Queryable,
  workspaceId: string,
  term: string,
): Promise<{ query: string; customerIds: string[] } | null> {
  const rows = await db.query<{ query: string | null; customer_ids: string[] }>(
    `WITH q AS (
       SELECT (SELECT string_agg('''' || lexeme || '''' || CASE WHEN length(lexeme) > 1 THEN ':*' ELSE '' END, ' & ')
               FROM unnest(to_tsvector('simple', regexp_replace($2::text, '[^[:alnum:]]+', ' ', 'g'))))::tsquery AS query
     )
     SELECT q.query::text AS query,
       ARRAY(SELECT c.id FROM customers c WHERE c.workspace_id = $1 AND c.search_vector @@ q.query) AS customer_ids
     FROM q`,
    [workspaceId, term],
  );
  const row = rows[0];
  return row?.query ? { query: row.query, customerIds: row.customer_ids } : null;
}

/**
 * One page of the threads matching `filter` whose words (title, description, preview text, ref) or
 * whose customer's (name, short name, email, externalId) start with every word of the term; newest first.
 */
export async function searchThreads(
  db: Queryable,
  workspaceId: string,
  filter: ThreadListFilter,
  search: ThreadSearch,
  page: KeysetRequest,
): Promise<ListedThread[]> {
  const prepared = await prepareSearch(db, workspaceId, search.term);
  if (!prepared) return [];
  const text = (p: SqlParams) => {
    const byText = `t.search_vector @@ ${p.add(prepared.query, 'tsquery')}`;
    if (prepared.customerIds.length === 0) return byText;
    return `(${byText} OR t.customer_id = ANY(${p.add(prepared.customerIds, 'text[]')}))`;
  };
  return listPage(
    db,
    { workspaceId, filter, sort: { kind: 'created_at' }, descending: true, search: text },
    page,
  );
}

/** Finds a thread of a workspace by its ref number (T-<n>). */
export async function findThreadByRef(
  db: Queryable,
  workspaceId: string,
  ref: number,
): Promise<ThreadRecord | null> {
  const rows = await db.query(`${THREAD_SELECT} WHERE t.workspace_id = $1 AND t.ref = $2`, [
    workspaceId,
    ref,
  ]);
  return rows[0] ? toThread(rows[0]) : null;
}

/** Finds a customer's thread by its externalId. */
export async function findThreadByExternalId(
  db: Queryable,
  workspaceId: string,
  customerId: string,
  externalId: string,
): Promise<ThreadRecord | null> {
  const rows = await db.query(
    `${THREAD_SELECT} WHERE t.workspace_id = $1 AND t.customer_id = $2 AND t.external_id = $3`,
    [workspaceId, customerId, externalId],
  );
  return rows[0] ? toThread(rows[0]) : null;
}
