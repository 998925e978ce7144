/**
 * How a page of a thread list is read at a million threads: two bounded steps instead of one
 * statement whose plan depends on the planner's guess of how many threads a filter keeps.
 *
 * One statement ("WHERE filter ORDER BY key LIMIT 26") is fast when PostgreSQL guesses right and
 * takes seconds when it does not: it walks the sort order's index expecting a match every few rows,
 * while the matches are all at the other end (TODO threads are recent, the list is oldest first) or
 * there are a dozen of them (a rare search word). Prepared statements make it worse: after five runs
 * PostgreSQL may keep a generic plan made without the values at all.
 *
 *  1. The window: the next 1,000 threads in sort order (one range of the order's index), filtered.
 *     Its cost is bounded whatever the filter; when it yields a full page, that page is exact. When
 *     it yields some matches but not a page, a window of 20,000 follows (a few milliseconds: the
 *     filter's subqueries run once, as hashed subplans, not once a row).
 *  2. Otherwise the filter leads: its own indexes find every match after the cursor (a label's
 *     threads, a customer's, a search word's, a time range), which are then sorted. A filter that
 *     kept none of 1,000 threads, or fewer than 26 of 20,000, keeps few overall: this sort is small.
 *
 * A list sorted by a thread field has two segments: threads with a value (read from the field's
 * index), then threads without one (by id). Each segment is read with the two steps.
 */
import type { KeyColumn, KeysetRequest } from './keyset.js';
import { keysetSql } from './keyset.js';
import {
  filterSql,
  hasFieldSql,
  impliedStatus,
  SqlParams,
  STRING_PREFIX,
  type ThreadListFilter,
} from './thread-list-filter.js';

/** Threads the windows read: the first, and the second when the first found some but too few. */
export const WINDOWS = [1000, 20_000] as const;

/** What a list is sorted by. A thread field sorts by the value column of its schema's type. */
export type ThreadSortKey =
  | { kind: 'created_at' }
  | { kind: 'status_changed_at' }
  | { kind: 'priority' }
  | { kind: 'thread_field'; key: string; valueType: 'text' | 'number' | 'boolean' | 'date' };

/** One run of a list in one order: its key columns (ending with the thread id) and where they come from. */
export interface Segment {
  /** For a thread field list: 0 for threads with a value, 1 for those without. */
  flag: number | null;
  key: KeyColumn[];
  /** Reads `t` (threads) and, for field values, `f` (thread_fields); the key columns name them. */
  kind: 'threads' | 'field_values' | 'field_missing';
}

const ID: KeyColumn = { sql: 't.id', cast: 'text' };

/** The value expression of each field type, as its index (migration 0005) holds it. */
const FIELD_VALUE: Record<Extract<ThreadSortKey, { kind: 'thread_field' }>['valueType'], KeyColumn> = {
  text: { sql: `left(f.string_value, ${STRING_PREFIX})`, cast: 'text' },
  number: { sql: 'f.number_value', cast: 'float8' },
  boolean: { sql: '(f.boolean_value::integer)', cast: 'integer' },
  date: { sql: 'f.date_value', cast: 'timestamptz' },
};

/** The segments of a list, in list order. Threads without the field come last in both directions. */
export function segmentsOf(sort: ThreadSortKey): Segment[] {
  switch (sort.kind) {
    case 'created_at':
      return [{ flag: null, key: [{ sql: 't.created_at', cast: 'timestamptz' }, ID], kind: 'threads' }];
    case 'status_changed_at':
      return [
        { flag: null, key: [{ sql: 't.status_changed_at', cast: 'timestamptz' }, ID], kind: 'threads' },
      ];
    case 'priority':
      return [{ flag: null, key: [{ sql: 't.priority', cast: 'integer' }, ID], kind: 'threads' }];
    case 'thread_field':
      return [
        {
          flag: 0,
          key: [FIELD_VALUE[sort.valueType], { sql: 'f.thread_id', cast: 'text' }],
          kind: 'field_values',
        },
        { flag: 1, key: [ID], kind: 'field_missing' },
      ];
  }
}

/** What a list reads: whose threads, which of them, in which order. */
export interface ListSpec {
  workspaceId: string;
  filter: ThreadListFilter;
  sort: ThreadSortKey;
  descending: boolean;
  /** searchThreads: the text condition, its parameters numbered after the filter's. */
  search?: (p: SqlParams) => string;
  /** The window sizes, WINDOWS unless a test makes them small enough for a few hundred threads. */
  windows?: readonly number[];
}

/** One statement: SQL and its parameters. Its rows are `id` and the segment's key as `k0`, `k1`. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** The conditions a segment's rows must meet: the filter, the search, and for a field segment the key. */
function conditionsOf(spec: ListSpec, segment: Segment, p: SqlParams): string {
  const parts = [filterSql(spec.filter, p)];
  if (spec.search) parts.push(spec.search(p));
  if (segment.kind === 'field_missing' && spec.sort.kind === 'thread_field') {
    parts.push(`NOT ${hasFieldSql(spec.sort.key, p)}`);
  }
  return parts.filter((part) => part !== 'TRUE').join(' AND ') || 'TRUE';
}

/**
 * Conditions of the filter that the window's own index applies while keeping its order: one status
 * (threads_status_* lead with it), one priority for the priority order, and a range of the sort column.
 */
function windowConditions(spec: ListSpec, p: SqlParams): string[] {
  const { filter, sort } = spec;
  const parts: string[] = [];
  const status = impliedStatus(filter);
  if (status) parts.push(`t.status = ${p.add(status, 'text')}`);
  if (sort.kind === 'priority' && filter.priorities?.length === 1) {
    parts.push(`t.priority = ${p.add(filter.priorities[0], 'integer')}`);
  }
  const range =
    sort.kind === 'created_at'
      ? filter.createdAt
      : sort.kind === 'status_changed_at'
        ? filter.statusChangedAt
        : undefined;
  const column = sort.kind === 'created_at' ? 't.created_at' : 't.status_changed_at';
  if (range?.after) parts.push(`${column} >= ${p.add(range.after, 'timestamptz')}`);
  if (range?.before) parts.push(`${column} < ${p.add(range.before, 'timestamptz')}`);
  return parts;
}

function keyOutput(segment: Segment): string {
  return segment.key.map((c, i) => `${c.sql} AS k${i}`).join(', ');
}

/** The ORDER BY of the key columns as the inner query named them (k0, k1…), in read order. */
function outerOrder(spec: ListSpec, segment: Segment, request: KeysetRequest): string {
  const readsDescending = spec.descending !== (request.direction === 'backward');
  return segment.key.map((_, i) => `k${i} ${readsDescending ? 'DESC' : 'ASC'}`).join(', ');
}

/** Step 1: the next `size` threads of the segment's order after the cursor, filtered; at most limit + 1 rows. */
export function windowStatement(
  spec: ListSpec,
  segment: Segment,
  request: KeysetRequest,
  size: number,
): Statement {
  const p = new SqlParams();
  p.add(spec.workspaceId, 'text');
  const k = keysetSql(segment.key, request, 0, spec.descending);
  const keyset = () => renumber(k, p);
  let source: string;
  if (segment.kind === 'field_values' && spec.sort.kind === 'thread_field') {
    const where = keyset();
    source = `(SELECT t.*, w.k0, w.k1 FROM (
        SELECT ${keyOutput(segment)} FROM thread_fields f
        WHERE f.workspace_id = $1::text AND f.key = ${p.add(spec.sort.key, 'text')} AND ${segment.key[0]!.sql} IS NOT NULL
          AND ${where} ORDER BY ${k.orderBy} LIMIT ${size}) w
      JOIN threads t ON t.id = w.k1 AND t.workspace_id = $1::text)`;
  } else {
    const pushed = segment.kind === 'threads' ? windowConditions(spec, p) : [];
    const where = [...pushed, keyset()].join(' AND ');
    source = `(SELECT t.*, ${keyOutput(segment)} FROM threads t WHERE t.workspace_id = $1::text AND ${where}
      ORDER BY ${k.orderBy} LIMIT ${size})`;
  }
  const conditions = conditionsOf(spec, segment, p);
  return {
    sql: `SELECT t.id, ${segment.key.map((_, i) => `t.k${i}`).join(', ')} FROM ${source} t
      WHERE ${conditions} ORDER BY ${outerOrder(spec, segment, request)} ${k.limit}`,
    params: p.values,
  };
}

/**
 * Step 2: every thread of the segment after the cursor that meets the conditions, found through
 * the conditions' indexes (OFFSET 0 keeps PostgreSQL from walking the sort order instead), sorted.
 */
export function filterFirstStatement(spec: ListSpec, segment: Segment, request: KeysetRequest): Statement {
  const p = new SqlParams();
  p.add(spec.workspaceId, 'text');
  const k = keysetSql(segment.key, request, 0, spec.descending);
  const keyset = renumber(k, p);
  const join =
    segment.kind === 'field_values' && spec.sort.kind === 'thread_field'
      ? `JOIN thread_fields f ON f.workspace_id = $1::text AND f.thread_id = t.id
           AND f.key = ${p.add(spec.sort.key, 'text')} AND ${segment.key[0]!.sql} IS NOT NULL`
      : '';
  const conditions = conditionsOf(spec, segment, p);
  return {
    sql: `SELECT m.id, ${segment.key.map((_, i) => `m.k${i}`).join(', ')} FROM (
        SELECT t.id, ${keyOutput(segment)} FROM threads t ${join}
        WHERE t.workspace_id = $1::text AND ${keyset} AND ${conditions} OFFSET 0) m
      ORDER BY ${outerOrder(spec, segment, request)} ${k.limit}`,
    params: p.values,
  };
}

/** Adds a keyset condition's parameters to `p` and returns its WHERE with their placeholders. */
function renumber(k: ReturnType<typeof keysetSql>, p: SqlParams): string {
  if (k.params.length === 0) return k.where;
  let i = 0;
  return k.where.replace(/\$\d+::(\w+)/g, (_match, cast: string) => p.add(k.params[i++], cast));
}

/** Whether step 1 can be skipped: the filter names at most 100 threads by id or ref. */
export function namesFewThreads(filter: ThreadListFilter): boolean {
  return filter.threadIds !== undefined || filter.refs !== undefined;
}
