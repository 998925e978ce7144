/**
 * Lists of threads: a filter tree turned into one parameterised WHERE, and keyset pages over the
 * sort orders Plain offers. Every column a filter or sort names is indexed (migration 0003).
 */
import { CUSTOM_PLAN, type Queryable } from './db.js';
import { type KeyColumn, type KeysetRequest, keysetSql } from './keyset.js';
import { THREAD_SELECT, type ThreadRecord, toThread } from './thread-repository.js';

/** A time range: from `after` (inclusive) to `before` (exclusive). */
export interface TimeRange {
  after?: Date;
  before?: Date;
}

/** A condition on one thread field's value. */
export interface ThreadFieldCondition {
  key: string;
  stringValue?: string;
  booleanValue?: boolean;
  number?: { value?: number; gte?: number; lte?: number };
  date?: TimeRange;
}

/** A validated ThreadsFilter: every member present must hold (and, or and not nest). */
export interface ThreadListFilter {
  statuses?: string[];
  statusDetails?: string[];
  priorities?: number[];
  labelTypeIds?: string[];
  customerIds?: string[];
  assignedTo?: string[];
  isAssigned?: boolean;
  threadIds?: string[];
  refs?: number[];
  createdAt?: TimeRange;
  updatedAt?: TimeRange;
  statusChangedAt?: TimeRange;
  threadFields?: ThreadFieldCondition[];
  /** Full-text search terms (searchThreads): each must match a word's start. */
  searchTerms?: string[];
  and?: ThreadListFilter[];
  or?: ThreadListFilter[];
  not?: ThreadListFilter;
}

/** What a list is sorted by. A thread field sorts by the value column of its schema's type. */
export type ThreadSortKey =
  | { kind: 'created_at' }
  | { kind: 'status_changed_at' }
  | { kind: 'priority' }
  | { kind: 'thread_field'; key: string; valueType: 'text' | 'number' | 'boolean' | 'date' };

/** Collects parameters and hands out their numbered, cast placeholders. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

function rangeSql(column: string, range: TimeRange, p: SqlParams): string[] {
  const parts: string[] = [];
  if (range.after) parts.push(`${column} >= ${p.add(range.after, 'timestamptz')}`);
  if (range.before) parts.push(`${column} < ${p.add(range.before, 'timestamptz')}`);
  return parts;
}

function fieldSql(condition: ThreadFieldCondition, p: SqlParams): string {
  const parts = [`f.key = ${p.add(condition.key, 'text')}`];
  if (condition.stringValue !== undefined)
    parts.push(`f.string_value = ${p.add(condition.stringValue, 'text')}`);
  if (condition.booleanValue !== undefined)
    parts.push(`f.boolean_value = ${p.add(condition.booleanValue, 'boolean')}`);
  const n = condition.number;
  if (n?.value !== undefined) parts.push(`f.number_value = ${p.add(n.value, 'float8')}`);
  if (n?.gte !== undefined) parts.push(`f.number_value >= ${p.add(n.gte, 'float8')}`);
  if (n?.lte !== undefined) parts.push(`f.number_value <= ${p.add(n.lte, 'float8')}`);
  if (condition.date) parts.push(...rangeSql('f.date_value', condition.date, p));
  return `EXISTS (SELECT 1 FROM thread_fields f WHERE f.workspace_id = t.workspace_id AND f.thread_id = t.id AND ${parts.join(' AND ')})`;
}

/** The condition of a filter on `t` (threads), its values added to `p`, whose $1 is the workspace. */
export function filterSql(filter: ThreadListFilter, p: SqlParams): string {
  const parts: string[] = [];
  const anyOf = (column: string, values: unknown[] | undefined, cast: string) => {
    if (values) parts.push(`${column} = ANY(${p.add(values, `${cast}[]`)})`);
  };
  anyOf('t.status', filter.statuses, 'text');
  anyOf('t.status_detail', filter.statusDetails, 'text');
  anyOf('t.priority', filter.priorities, 'smallint');
  anyOf('t.customer_id', filter.customerIds, 'text');
  anyOf('t.assigned_to', filter.assignedTo, 'text');
  anyOf('t.id', filter.threadIds, 'text');
  anyOf('t.ref', filter.refs, 'integer');
  if (filter.isAssigned !== undefined) parts.push(`t.assigned_to IS ${filter.isAssigned ? 'NOT ' : ''}NULL`);
  if (filter.labelTypeIds) {
    parts.push(
      `EXISTS (SELECT 1 FROM labels l WHERE l.workspace_id = t.workspace_id AND l.thread_id = t.id
         AND l.label_type_id = ANY(${p.add(filter.labelTypeIds, 'text[]')}))`,
    );
  }
  if (filter.createdAt) parts.push(...rangeSql('t.created_at', filter.createdAt, p));
  if (filter.updatedAt) parts.push(...rangeSql('t.updated_at', filter.updatedAt, p));
  if (filter.statusChangedAt) parts.push(...rangeSql('t.status_changed_at', filter.statusChangedAt, p));
  for (const condition of filter.threadFields ?? []) parts.push(fieldSql(condition, p));
  if (filter.searchTerms && filter.searchTerms.length > 0) {
    // Each term matches the start of a word of the thread (title, description, preview, ref).
    const query = p.add(filter.searchTerms.map((term) => `${term}:*`).join(' & '), 'text');
    parts.push(`t.search_vector @@ to_tsquery('simple', ${query})`);
  }
  for (const inner of filter.and ?? []) parts.push(`(${filterSql(inner, p)})`);
  if (filter.or) {
    const alternatives = filter.or.map((inner) => `(${filterSql(inner, p)})`);
    parts.push(alternatives.length > 0 ? `(${alternatives.join(' OR ')})` : 'FALSE');
  }
  if (filter.not) parts.push(`NOT (${filterSql(filter.not, p)})`);
  return parts.length > 0 ? parts.join(' AND ') : 'TRUE';
}

const FIELD_VALUE: Record<
  Extract<ThreadSortKey, { kind: 'thread_field' }>['valueType'],
  { column: string; fallback: string; cast: KeyColumn['cast'] }
> = {
  text: { column: 'string_value', fallback: `''`, cast: 'text' },
  number: { column: 'number_value', fallback: '0', cast: 'float8' },
  boolean: { column: '(boolean_value::integer)', fallback: '0', cast: 'integer' },
  date: { column: 'date_value', fallback: `'epoch'::timestamptz`, cast: 'timestamptz' },
};

/** The columns of a sort key, ending with the id that breaks ties. */
export function sortColumns(sort: ThreadSortKey, p: SqlParams): { columns: KeyColumn[]; join: string } {
  const id: KeyColumn = { sql: 't.id', cast: 'text' };
  switch (sort.kind) {
    case 'created_at':
      return { columns: [{ sql: 't.created_at', cast: 'timestamptz' }, id], join: '' };
    case 'status_changed_at':
      return { columns: [{ sql: 't.status_changed_at', cast: 'timestamptz' }, id], join: '' };
    case 'priority':
      return { columns: [{ sql: 't.priority', cast: 'integer' }, id], join: '' };
    case 'thread_field': {
      // Threads without the field sort after those with it ascending, before them descending, as
      // PostgreSQL orders NULLs; the flag keeps the key free of NULLs, which keyset comparison needs.
      const value = FIELD_VALUE[sort.valueType];
      const join = `LEFT JOIN thread_fields sf ON sf.workspace_id = t.workspace_id AND sf.thread_id = t.id
        AND sf.key = ${p.add(sort.key, 'text')}`;
      return {
        columns: [
          { sql: '(sf.id IS NULL)::integer', cast: 'integer' },
          { sql: `coalesce(sf.${value.column}, ${value.fallback})`, cast: value.cast },
          id,
        ],
        join,
      };
    }
  }
}

/** The customers (at most 1,000) whose name, email or externalId has words starting with every term. */
async function searchCustomerIds(db: Queryable, workspaceId: string, terms: string[]): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `${CUSTOM_PLAN}SELECT id FROM customers WHERE workspace_id = $1 AND search_vector @@ to_tsquery('simple', $2) LIMIT 1000`,
    [workspaceId, terms.map((term) => `${term}:*`).join(' & ')],
  );
  return rows.map((r) => r.id);
}

/** A listed thread with the values of its sort key (for its cursor). */
export interface ListedThread {
  thread: ThreadRecord;
  sortKey: (string | number)[];
}

function keyValue(value: unknown): string | number {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'string') return value;
  return Number(value);
}

/** One way of reading part of a page: a filter, and for a search, the text to match in a window. */
interface Branch {
  filter: ThreadListFilter;
  /** Match this tsquery among the first WINDOW rows of the filter's order, instead of everywhere. */
  windowQuery?: string;
}

/** How many rows of a list a search looks at in order before it asks the search index instead. */
const SEARCH_WINDOW = 5000;

/** The most ids of matching threads a search reads from the search index to page through them. */
const SEARCH_ID_LIMIT = 50_000;

/** The SQL of one page of sort keys (page_id, sort_key_0, …): the branches joined, ordered, limited. */
function pageKeysSql(
  workspaceId: string,
  sort: ThreadSortKey,
  descending: boolean,
  page: KeysetRequest,
  branches: Branch[],
): { sql: string; params: unknown[]; columns: KeyColumn[]; readsDescending: boolean } {
  const p = new SqlParams();
  p.add(workspaceId, 'text');
  const { columns, join } = sortColumns(sort, p);
  const parts = branches.map((b) => ({
    where: filterSql(b.filter, p),
    windowQuery: b.windowQuery === undefined ? null : p.add(b.windowQuery, 'text'),
  }));
  const k = keysetSql(columns, page, p.values.length + 1, descending);
  const keys = columns.map((c, i) => `${c.sql} AS sort_key_${i}`).join(', ');
  const keyNames = columns.map((_, i) => `sort_key_${i}`).join(', ');
  const readsDescending = descending !== (page.direction === 'backward');
  const order = columns.map((_, i) => `sort_key_${i} ${readsDescending ? 'DESC' : 'ASC'}`).join(', ');
  // Each branch is its own ordered, limited query, served by its own index; the page is found on the
  // threads table alone and read whole afterwards.
  const sql = parts
    .map(({ where, windowQuery }) => {
      const base = `SELECT t.id AS page_id, ${keys}${windowQuery ? ', t.search_vector AS sv' : ''}
        FROM threads t ${join} WHERE t.workspace_id = $1 AND ${where} AND ${k.where} ORDER BY ${k.orderBy}`;
      return windowQuery
        ? `(SELECT page_id, ${keyNames} FROM (${base} LIMIT ${SEARCH_WINDOW}) w
            WHERE w.sv @@ to_tsquery('simple', ${windowQuery}) ORDER BY ${order} ${k.limit})`
        : `(${base} ${k.limit})`;
    })
    .join(' UNION ');
  return {
    sql: `SELECT * FROM (${sql}) u ORDER BY ${order} ${k.limit}`,
    params: [...p.values, ...k.params],
    columns,
    readsDescending,
  };
}

/**
 * The branches of a search: threads whose own words match, and threads of customers whose words
 * match. PostgreSQL estimates every prefix search at 2% of rows, so it would walk the whole list in
 * order for a rare word; instead the words are matched among the first SEARCH_WINDOW rows in order,
 * and only when that does not fill the page are the matching threads' ids read from the search index.
 */
async function searchBranches(
  db: Queryable,
  workspaceId: string,
  filter: ThreadListFilter,
  sort: ThreadSortKey,
  descending: boolean,
  page: KeysetRequest,
): Promise<Branch[]> {
  const terms = filter.searchTerms!;
  const query = terms.map((term) => `${term}:*`).join(' & ');
  const base: ThreadListFilter = { ...filter, searchTerms: undefined };
  const branches: Branch[] = [];
  const windowed = pageKeysSql(workspaceId, sort, descending, page, [{ filter: base, windowQuery: query }]);
  const inWindow = await db.query(`${CUSTOM_PLAN}${windowed.sql}`, windowed.params);
  if (inWindow.length > page.limit) {
    branches.push({ filter: base, windowQuery: query });
  } else {
    const ids = await db.query<{ id: string }>(
      `${CUSTOM_PLAN}SELECT id FROM threads WHERE workspace_id = $1 AND search_vector @@ to_tsquery('simple', $2) LIMIT ${SEARCH_ID_LIMIT + 1}`,
      [workspaceId, query],
    );
    branches.push(
      ids.length > SEARCH_ID_LIMIT
        ? { filter }
        : { filter: { ...base, and: [...(base.and ?? []), { threadIds: ids.map((r) => r.id) }] } },
    );
  }
  const customerIds = await searchCustomerIds(db, workspaceId, terms);
  if (customerIds.length > 0)
    branches.push({ filter: { ...base, and: [...(base.and ?? []), { customerIds }] } });
  return branches;
}

/** One page of a workspace's threads that match `filter`, in the order of `sort`. */
export async function listThreads(
  db: Queryable,
  workspaceId: string,
  filter: ThreadListFilter,
  sort: ThreadSortKey,
  descending: boolean,
  page: KeysetRequest,
): Promise<ListedThread[]> {
  const branches = filter.searchTerms?.length
    ? await searchBranches(db, workspaceId, filter, sort, descending, page)
    : [{ filter }];
  const keys = pageKeysSql(workspaceId, sort, descending, page, branches);
  const direction = keys.readsDescending ? 'DESC' : 'ASC';
  const rows = await db.query(
    `${CUSTOM_PLAN}SELECT page.*, ${keys.columns.map((_, i) => `k.sort_key_${i}`).join(', ')}
     FROM (${keys.sql}) k
     CROSS JOIN LATERAL (${THREAD_SELECT} WHERE t.workspace_id = $1 AND t.id = k.page_id) page
     ORDER BY ${keys.columns.map((_, i) => `k.sort_key_${i} ${direction}`).join(', ')}`,
    keys.params,
  );
  return rows.map((row) => ({
    thread: toThread(row),
    sortKey: keys.columns.map((_, i) => keyValue(row[`sort_key_${i}`])),
  }));
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
