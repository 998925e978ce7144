import type { CustomerRecord } from './customer-repository.js';
import type { Queryable } from './db.js';
import { type LabelTypeRecord, toLabelType } from './label-type-repository.js';
import { type Audit, auditOf, type Row, toDate, toDateOrNull, toJson } from './rows.js';
import type { ThreadFieldType } from './thread-field-schema-repository.js';

/** Thread statuses (Plain's ThreadStatus). */
export type ThreadStatus = 'TODO' | 'SNOOZED' | 'DONE';

/** A label on a thread, with its label type. */
export interface LabelRecord extends Audit {
  id: string;
  threadId: string;
  labelType: LabelTypeRecord;
}

/** One typed value on a thread, keyed by its schema's key. */
export interface ThreadFieldRecord extends Audit {
  id: string;
  threadId: string;
  key: string;
  type: ThreadFieldType;
  stringValue: string | null;
  booleanValue: boolean | null;
  numberValue: number | null;
  dateValue: Date | null;
  isAiGenerated: boolean;
}

/** A support thread with its labels and fields. */
export interface ThreadRecord extends Audit {
  workspaceId: string;
  id: string;
  ref: number;
  customerId: string;
  externalId: string | null;
  title: string;
  description: string | null;
  previewText: string | null;
  priority: number;
  status: ThreadStatus;
  /** The detail of the status, as Plain's StatusDetailType names it (CREATED, WAITING_FOR_DURATION, …). */
  statusDetail: string;
  statusChangedAt: Date;
  statusChangedBy: string;
  /** When a snoozed thread wakes up by itself; null unless it is SNOOZED with a duration. */
  snoozedUntil: Date | null;
  assignedTo: string | null;
  assignedAt: Date | null;
  channel: string;
  labels: LabelRecord[];
  threadFields: ThreadFieldRecord[];
  /** The thread's customer, when whoever made this record had it at hand (saves reading it again). */
  customer?: CustomerRecord;
}

/** Reads a thread field from a row or a row_to_json object. */
export function toThreadField(row: Row): ThreadFieldRecord {
  return {
    id: row.id as string,
    threadId: row.thread_id as string,
    key: row.key as string,
    type: row.type as ThreadFieldType,
    stringValue: (row.string_value as string | null) ?? null,
    booleanValue: (row.boolean_value as boolean | null) ?? null,
    numberValue: (row.number_value as number | null) ?? null,
    dateValue: toDateOrNull(row.date_value),
    isAiGenerated: row.is_ai_generated as boolean,
    ...auditOf(row),
  };
}

function toLabel(row: Row): LabelRecord {
  return {
    id: row.id as string,
    threadId: row.thread_id as string,
    labelType: toLabelType(row.label_type as Row),
    ...auditOf(row),
  };
}

/** Reads a thread row selected with THREAD_SELECT. */
export function toThread(row: Row): ThreadRecord {
  return {
    workspaceId: row.workspace_id as string,
    id: row.id as string,
    ref: row.ref as number,
    customerId: row.customer_id as string,
    externalId: (row.external_id as string | null) ?? null,
    title: row.title as string,
    description: (row.description as string | null) ?? null,
    previewText: (row.preview_text as string | null) ?? null,
    priority: row.priority as number,
    status: row.status as ThreadStatus,
    statusDetail: row.status_detail as string,
    statusChangedAt: toDate(row.status_changed_at),
    statusChangedBy: row.status_changed_by as string,
    snoozedUntil: toDateOrNull(row.snoozed_until),
    assignedTo: (row.assigned_to as string | null) ?? null,
    assignedAt: toDateOrNull(row.assigned_at),
    channel: row.channel as string,
    labels: toJson<Row[]>(row.labels).map(toLabel),
    threadFields: toJson<Row[]>(row.thread_fields).map(toThreadField),
    ...auditOf(row),
  };
}

/** A thread row with its labels (and their types) and fields, in one statement; `t` is the thread. */
export const THREAD_SELECT = `
  SELECT t.*,
    (SELECT coalesce(json_agg(json_build_object(
        'id', l.id, 'thread_id', l.thread_id, 'label_type', row_to_json(lt),
        'created_at', l.created_at, 'created_by', l.created_by, 'updated_at', l.updated_at, 'updated_by', l.updated_by
      ) ORDER BY l.id), '[]'::json)
     FROM labels l JOIN label_types lt ON lt.id = l.label_type_id
     WHERE l.workspace_id = t.workspace_id AND l.thread_id = t.id) AS labels,
    (SELECT coalesce(json_agg(row_to_json(f) ORDER BY f.key), '[]'::json)
     FROM thread_fields f WHERE f.workspace_id = t.workspace_id AND f.thread_id = t.id) AS thread_fields
  FROM threads t`;

/** Finds threads of a workspace by id. */
export async function findThreads(
  db: Queryable,
  workspaceId: string,
  ids: readonly string[],
): Promise<ThreadRecord[]> {
  const rows = await db.query(`${THREAD_SELECT} WHERE t.workspace_id = $1 AND t.id = ANY($2::text[])`, [
    workspaceId,
    ids,
  ]);
  return rows.map(toThread);
}

/** What a new thread is made of, beyond its own row. */
export interface NewThread {
  thread: Omit<ThreadRecord, 'ref' | 'labels' | 'threadFields'>;
  labels: { id: string; labelTypeId: string }[];
  fields: Omit<ThreadFieldRecord, keyof Audit | 'threadId'>[];
  /** The first timeline message (a custom entry), if the thread was created with components. */
  firstMessage: { entryId: string; payload: unknown } | null;
}

/**
 * Creates a thread with its labels, fields and first message, and copies the customer's 25 most
 * recent customer-wide events into its timeline, in one statement (atomic without a transaction,
 * and one round trip). Returns the thread's new ref. Throws UniqueViolation on a taken externalId.
 */
export async function insertThread(db: Queryable, refSequence: string, n: NewThread): Promise<number> {
  const t = n.thread;
  const rows = await db.query<{ ref: number }>(
    `WITH thread AS (
       INSERT INTO threads (workspace_id, id, ref, customer_id, external_id, title, description, preview_text,
         priority, status, status_detail, status_changed_at, status_changed_by, assigned_to, assigned_at, channel,
         created_at, created_by, updated_at, updated_by)
       VALUES ($1, $2, nextval($3::regclass), $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
         $12, $13, $12, $13)
       RETURNING ref
     ), new_labels AS (
       INSERT INTO labels (workspace_id, id, thread_id, label_type_id, created_at, created_by, updated_at, updated_by)
       SELECT $1, x.id, $2, x.label_type_id, $12, $13, $12, $13
       FROM json_to_recordset($17::json) AS x(id text, label_type_id text)
     ), new_fields AS (
       INSERT INTO thread_fields (workspace_id, id, thread_id, key, type, string_value, boolean_value,
         number_value, date_value, is_ai_generated, created_at, created_by, updated_at, updated_by)
       SELECT $1, x.id, $2, x.key, x.type, x.string_value, x.boolean_value, x.number_value, x.date_value, false,
         $12, $13, $12, $13
       FROM json_to_recordset($18::json) AS x(id text, key text, type text, string_value text,
         boolean_value boolean, number_value double precision, date_value timestamptz)
     ), first_message AS (
       INSERT INTO timeline_entries (workspace_id, id, thread_id, customer_id, kind, "timestamp", actor, payload)
       SELECT $1, $19, $2, $4, 'custom', $12, $13, $20::jsonb
       WHERE $19::text IS NOT NULL
     ), recent_customer_events AS (
       INSERT INTO timeline_entries (workspace_id, id, thread_id, customer_id, kind, event_id, "timestamp", actor)
       SELECT $1, threadline_new_id('t', e.created_at), $2, $4, 'customer_event', e.id, e.created_at, e.created_by
       FROM (SELECT id, created_at, created_by FROM events
             WHERE workspace_id = $1 AND customer_id = $4 AND kind = 'customer' AND thread_id IS NULL
             ORDER BY created_at DESC LIMIT 25) e
     )
     SELECT ref::integer AS ref FROM thread`,
    [
      t.workspaceId,
      t.id,
      refSequence,
      t.customerId,
      t.externalId,
      t.title,
      t.description,
      t.previewText,
      t.priority,
      t.status,
      t.statusDetail,
      t.createdAt,
      t.createdBy,
      t.assignedTo,
      t.assignedAt,
      t.channel,
      JSON.stringify(n.labels.map((l) => ({ id: l.id, label_type_id: l.labelTypeId }))),
      JSON.stringify(
        n.fields.map((f) => ({
          id: f.id,
          key: f.key,
          type: f.type,
          string_value: f.stringValue,
          boolean_value: f.booleanValue,
          number_value: f.numberValue,
          date_value: f.dateValue?.toISOString() ?? null,
        })),
      ),
      n.firstMessage?.entryId ?? null,
      n.firstMessage ? JSON.stringify(n.firstMessage.payload) : null,
    ],
  );
  return rows[0]!.ref;
}
