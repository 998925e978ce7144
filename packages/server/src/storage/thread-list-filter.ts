/**
 * A validated ThreadsFilter, and the SQL condition it becomes on `t` (threads). Every condition is
 * TRUE or FALSE, never NULL, so that `not` selects exactly the threads its filter does not.
 */

/** A time range: from `after` (inclusive) to `before` (exclusive). */
export interface TimeRange {
  after?: Date;
  before?: Date;
}

/** A condition on one thread field's value; with no value member, the thread has the key at all. */
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
  and?: ThreadListFilter[];
  or?: ThreadListFilter[];
  not?: ThreadListFilter;
}

/** Collects parameters and hands out their numbered, cast placeholders. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds a value; returns its placeholder, e.g. `$3::text`. */
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/** The status each StatusDetailType belongs to (TIMER_EXPIRED is stored as DONE_AUTOMATICALLY_SET). */
export const STATUS_OF_DETAIL: Readonly<Record<string, string>> = {
  CREATED: 'TODO',
  IN_PROGRESS: 'TODO',
  NEW_REPLY: 'TODO',
  THREAD_LINK_UPDATED: 'TODO',
  THREAD_DISCUSSION_RESOLVED: 'TODO',
  WAITING_FOR_CUSTOMER: 'SNOOZED',
  WAITING_FOR_DURATION: 'SNOOZED',
  IGNORED: 'DONE',
  DONE_MANUALLY_SET: 'DONE',
  DONE_AUTOMATICALLY_SET: 'DONE',
};

/**
 * STRING and ENUM values are indexed by their first 500 characters (a B-tree entry cannot hold
 * 10,000); a shorter filter value equals a stored value exactly when it equals that prefix.
 */
export const STRING_PREFIX = 500;

/** The single status a filter's own members imply (its statuses, or its status details'), if one. */
export function impliedStatus(filter: ThreadListFilter): string | null {
  const fromDetails = filter.statusDetails && new Set(filter.statusDetails.map((d) => STATUS_OF_DETAIL[d]));
  const candidates = [
    ...(filter.statuses && new Set(filter.statuses).size === 1 ? [filter.statuses[0]!] : []),
    ...(fromDetails?.size === 1 ? [...fromDetails] : []),
  ];
  // Two different statuses required at once: nothing matches; the filter itself says so.
  return candidates.length > 0 && candidates.every((s) => s === candidates[0]) ? candidates[0]! : null;
}

/**
 * `column = value` for one value and `column = ANY(values)` for more: PostgreSQL before 17 reads
 * an index in order only under `=`, so a one-status filter can walk (status, created_at) in order.
 */
function anyOf(column: string, values: readonly unknown[], cast: string, p: SqlParams): string {
  return values.length === 1
    ? `${column} = ${p.add(values[0], cast)}`
    : `${column} = ANY(${p.add(values, `${cast}[]`)})`;
}

function rangeSql(column: string, range: TimeRange, p: SqlParams): string[] {
  const parts: string[] = [];
  if (range.after) parts.push(`${column} >= ${p.add(range.after, 'timestamptz')}`);
  if (range.before) parts.push(`${column} < ${p.add(range.before, 'timestamptz')}`);
  return parts;
}

function fieldValueSql(condition: ThreadFieldCondition, p: SqlParams): string[] {
  const parts: string[] = [];
  const s = condition.stringValue;
  if (s !== undefined) {
    parts.push(`left(f.string_value, ${STRING_PREFIX}) = ${p.add(s.slice(0, STRING_PREFIX), 'text')}`);
    if (s.length >= STRING_PREFIX) parts.push(`f.string_value = ${p.add(s, 'text')}`);
  }
  if (condition.booleanValue !== undefined) {
    parts.push(`f.boolean_value::integer = ${p.add(condition.booleanValue ? 1 : 0, 'integer')}`);
  }
  const n = condition.number;
  if (n?.value !== undefined) parts.push(`f.number_value = ${p.add(n.value, 'float8')}`);
  if (n?.gte !== undefined) parts.push(`f.number_value >= ${p.add(n.gte, 'float8')}`);
  if (n?.lte !== undefined) parts.push(`f.number_value <= ${p.add(n.lte, 'float8')}`);
  if (condition.date) parts.push(...rangeSql('f.date_value', condition.date, p));
  return parts;
}

/** Whether the thread `t` has a value of `key` (that meets `extra`): one probe of (thread_id, key). */
export function hasFieldSql(key: string, p: SqlParams, extra: string[] = []): string {
  return `EXISTS (SELECT 1 FROM thread_fields f WHERE f.workspace_id = $1::text AND f.thread_id = t.id
    AND f.key = ${p.add(key, 'text')}${extra.map((part) => ` AND ${part}`).join('')})`;
}

/**
 * The condition of a filter on `t` (threads), its values added to `p`, whose $1 is the workspace
 * id. Subqueries name the workspace as $1 rather than t.workspace_id, so that PostgreSQL can also
 * run them once for the whole list (a hashed subplan) through their (workspace_id, …) index.
 */
export function filterSql(filter: ThreadListFilter, p: SqlParams): string {
  const parts: string[] = [];
  if (filter.statuses) parts.push(anyOf('t.status', filter.statuses, 'text', p));
  if (filter.statusDetails) {
    parts.push(anyOf('t.status_detail', filter.statusDetails, 'text', p));
    // Redundant with the details, but it lets the statuses' indexes serve a details filter.
    const statuses = [...new Set(filter.statusDetails.map((d) => STATUS_OF_DETAIL[d] ?? d))];
    parts.push(anyOf('t.status', statuses, 'text', p));
  }
  if (filter.priorities) parts.push(anyOf('t.priority', filter.priorities, 'integer', p));
  if (filter.customerIds) parts.push(anyOf('t.customer_id', filter.customerIds, 'text', p));
  // An unassigned thread is not assigned to anyone listed (FALSE, not NULL, so `not` keeps it).
  if (filter.assignedTo) {
    parts.push(`(t.assigned_to IS NOT NULL AND ${anyOf('t.assigned_to', filter.assignedTo, 'text', p)})`);
  }
  if (filter.threadIds) parts.push(anyOf('t.id', filter.threadIds, 'text', p));
  if (filter.refs) parts.push(anyOf('t.ref', filter.refs, 'integer', p));
  if (filter.isAssigned !== undefined) parts.push(`t.assigned_to IS ${filter.isAssigned ? 'NOT ' : ''}NULL`);
  if (filter.labelTypeIds) {
    parts.push(
      `EXISTS (SELECT 1 FROM labels l WHERE l.workspace_id = $1::text AND l.thread_id = t.id
         AND ${anyOf('l.label_type_id', filter.labelTypeIds, 'text', p)})`,
    );
  }
  if (filter.createdAt) parts.push(...rangeSql('t.created_at', filter.createdAt, p));
  if (filter.updatedAt) parts.push(...rangeSql('t.updated_at', filter.updatedAt, p));
  if (filter.statusChangedAt) parts.push(...rangeSql('t.status_changed_at', filter.statusChangedAt, p));
  // Conditions on one key are alternatives (seats = 5 or seats = 10); on different keys all hold.
  const byKey = new Map<string, ThreadFieldCondition[]>();
  for (const condition of filter.threadFields ?? []) {
    byKey.set(condition.key, [...(byKey.get(condition.key) ?? []), condition]);
  }
  for (const [key, conditions] of byKey) {
    const alternatives = conditions.map((c) => hasFieldSql(key, p, fieldValueSql(c, p)));
    parts.push(alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`);
  }
  for (const inner of filter.and ?? []) parts.push(`(${filterSql(inner, p)})`);
  if (filter.or) {
    const alternatives = filter.or.map((inner) => `(${filterSql(inner, p)})`);
    parts.push(alternatives.length > 0 ? `(${alternatives.join(' OR ')})` : 'FALSE');
  }
  if (filter.not) parts.push(`NOT (${filterSql(filter.not, p)})`);
  return parts.length > 0 ? parts.join(' AND ') : 'TRUE';
}
