/**
 * Writes that change an existing thread: its own columns, its labels and its fields. Callers run
 * them inside one transaction, after lockThread, so two changes to one thread never interleave.
 */
import type { Queryable } from './db.js';
import { type Row, toDate } from './rows.js';
import { THREAD_SELECT, type ThreadRecord, toThread } from './thread-repository.js';

/** Reads a thread and locks its row until the transaction ends; null when it does not exist. */
export async function lockThread(
  tx: Queryable,
  workspaceId: string,
  id: string,
): Promise<ThreadRecord | null> {
  const rows = await tx.query(`${THREAD_SELECT} WHERE t.workspace_id = $1 AND t.id = $2 FOR UPDATE OF t`, [
    workspaceId,
    id,
  ]);
  return rows[0] ? toThread(rows[0]) : null;
}

/** The columns of a thread that a change may set. */
export type ThreadColumns = Pick<
  ThreadRecord,
  | 'title'
  | 'priority'
  | 'status'
  | 'statusDetail'
  | 'statusChangedAt'
  | 'statusChangedBy'
  | 'snoozedUntil'
  | 'assignedTo'
  | 'assignedAt'
>;

const COLUMN_NAMES: Record<keyof ThreadColumns, string> = {
  title: 'title',
  priority: 'priority',
  status: 'status',
  statusDetail: 'status_detail',
  statusChangedAt: 'status_changed_at',
  statusChangedBy: 'status_changed_by',
  snoozedUntil: 'snoozed_until',
  assignedTo: 'assigned_to',
  assignedAt: 'assigned_at',
};

/** Sets some columns of a thread, and who changed it when. */
export async function updateThread(
  tx: Queryable,
  thread: { workspaceId: string; id: string },
  set: Partial<ThreadColumns>,
  audit: { updatedAt: Date; updatedBy: string },
): Promise<void> {
  const entries = Object.entries(set) as [keyof ThreadColumns, unknown][];
  const assignments = entries.map(([key], i) => `${COLUMN_NAMES[key]} = $${i + 5}`);
  await tx.query(
    `UPDATE threads SET updated_at = $3, updated_by = $4${assignments.map((a) => `, ${a}`).join('')}
     WHERE workspace_id = $1 AND id = $2`,
    [thread.workspaceId, thread.id, audit.updatedAt, audit.updatedBy, ...entries.map(([, value]) => value)],
  );
}

/** Adds labels to a thread. Throws UniqueViolation (labels_thread_id_label_type_id_key) on a label type it has. */
export async function insertLabels(
  tx: Queryable,
  thread: { workspaceId: string; id: string },
  labels: { id: string; labelTypeId: string }[],
  audit: { createdAt: Date; createdBy: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO labels (workspace_id, id, thread_id, label_type_id, created_at, created_by, updated_at, updated_by)
     SELECT $1, x.id, $2, x.label_type_id, $4, $5, $4, $5
     FROM json_to_recordset($3::json) AS x(id text, label_type_id text)`,
    [
      thread.workspaceId,
      thread.id,
      JSON.stringify(labels.map((l) => ({ id: l.id, label_type_id: l.labelTypeId }))),
      audit.createdAt,
      audit.createdBy,
    ],
  );
}

/** Which thread each of some labels is on (labels not found are left out). */
export async function findLabelThreads(
  db: Queryable,
  workspaceId: string,
  labelIds: readonly string[],
): Promise<{ labelId: string; threadId: string }[]> {
  const rows = await db.query(
    'SELECT id, thread_id FROM labels WHERE workspace_id = $1 AND id = ANY($2::text[])',
    [workspaceId, labelIds],
  );
  return rows.map((r) => ({ labelId: r.id as string, threadId: r.thread_id as string }));
}

/** Removes labels from a thread. */
export async function deleteLabels(
  tx: Queryable,
  thread: { workspaceId: string; id: string },
  labelIds: readonly string[],
): Promise<void> {
  await tx.query('DELETE FROM labels WHERE workspace_id = $1 AND thread_id = $2 AND id = ANY($3::text[])', [
    thread.workspaceId,
    thread.id,
    labelIds,
  ]);
}

/** A thread field's value columns. */
export interface ThreadFieldColumns {
  type: string;
  stringValue: string | null;
  booleanValue: boolean | null;
  numberValue: number | null;
  dateValue: Date | null;
}

/** Sets a thread field: inserted with `id` when the thread has no field with this key, else updated. */
export async function upsertThreadFieldValue(
  tx: Queryable,
  thread: { workspaceId: string; id: string },
  field: ThreadFieldColumns & { id: string; key: string },
  audit: { updatedAt: Date; updatedBy: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO thread_fields (workspace_id, id, thread_id, key, type, string_value, boolean_value,
       number_value, date_value, is_ai_generated, created_at, created_by, updated_at, updated_by)
     VALUES ($1, $3, $2, $4, $5, $6, $7, $8, $9, false, $10, $11, $10, $11)
     ON CONFLICT (thread_id, key) DO UPDATE SET type = EXCLUDED.type, string_value = EXCLUDED.string_value,
       boolean_value = EXCLUDED.boolean_value, number_value = EXCLUDED.number_value,
       date_value = EXCLUDED.date_value, is_ai_generated = false,
       updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [
      thread.workspaceId,
      thread.id,
      field.id,
      field.key,
      field.type,
      field.stringValue,
      field.booleanValue,
      field.numberValue,
      field.dateValue,
      audit.updatedAt,
      audit.updatedBy,
    ],
  );
}

/** Removes a thread field by key; tells whether there was one. */
export async function deleteThreadFieldValue(
  tx: Queryable,
  thread: { workspaceId: string; id: string },
  key: string,
): Promise<boolean> {
  const rows = await tx.query(
    'DELETE FROM thread_fields WHERE workspace_id = $1 AND thread_id = $2 AND key = $3 RETURNING id',
    [thread.workspaceId, thread.id, key],
  );
  return rows.length > 0;
}

/** Snoozed threads whose timer has run out, locked for waking (rows other processes hold are skipped). */
export async function lockDueSnoozedThreads(
  tx: Queryable,
  now: Date,
  limit: number,
): Promise<{ workspaceId: string; id: string; snoozedUntil: Date }[]> {
  const rows = await tx.query<Row>(
    `SELECT workspace_id, id, snoozed_until FROM threads
     WHERE status = 'SNOOZED' AND snoozed_until IS NOT NULL AND snoozed_until <= $1
     ORDER BY snoozed_until LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [now, limit],
  );
  return rows.map((r) => ({
    workspaceId: r.workspace_id as string,
    id: r.id as string,
    snoozedUntil: toDate(r.snoozed_until),
  }));
}
