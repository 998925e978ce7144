import type { Queryable } from './db.js';
import { type KeyColumn, type KeysetRequest, keysetSql } from './keyset.js';
import { type Audit, auditOf, type Row, toDateOrNull } from './rows.js';

/** The value types a thread field can have (Plain's ThreadFieldSchemaType). */
export type ThreadFieldType = 'STRING' | 'BOOL' | 'ENUM' | 'NUMBER' | 'CURRENCY' | 'DATE';

/** A workspace's definition of one thread field: its key, type, allowed values and default. */
export interface ThreadFieldSchemaRecord extends Audit {
  workspaceId: string;
  id: string;
  key: string;
  label: string;
  description: string;
  type: ThreadFieldType;
  enumValues: string[];
  order: number;
  isRequired: boolean;
  isClientReadonly: boolean;
  isAiAutoFillEnabled: boolean;
  defaultStringValue: string | null;
  defaultBooleanValue: boolean | null;
  defaultNumberValue: number | null;
  defaultDateValue: Date | null;
  dependsOnThreadField: { threadFieldSchemaId: string; threadFieldSchemaValue: string } | null;
  dependsOnLabelTypeIds: string[];
}

/** Reads a schema from a row, or from a row_to_json object. */
export function toThreadFieldSchema(row: Row): ThreadFieldSchemaRecord {
  const dependsOnId = (row.depends_on_thread_field_schema_id as string | null) ?? null;
  return {
    workspaceId: row.workspace_id as string,
    id: row.id as string,
    key: row.key as string,
    label: row.label as string,
    description: row.description as string,
    type: row.type as ThreadFieldType,
    enumValues: row.enum_values as string[],
    order: row.sort_order as number,
    isRequired: row.is_required as boolean,
    isClientReadonly: row.is_client_readonly as boolean,
    isAiAutoFillEnabled: row.is_ai_auto_fill_enabled as boolean,
    defaultStringValue: (row.default_string_value as string | null) ?? null,
    defaultBooleanValue: (row.default_boolean_value as boolean | null) ?? null,
    defaultNumberValue: (row.default_number_value as number | null) ?? null,
    defaultDateValue: toDateOrNull(row.default_date_value),
    dependsOnThreadField: dependsOnId
      ? {
          threadFieldSchemaId: dependsOnId,
          threadFieldSchemaValue: row.depends_on_thread_field_value as string,
        }
      : null,
    dependsOnLabelTypeIds: row.depends_on_label_type_ids as string[],
    ...auditOf(row),
  };
}

function columnValues(s: ThreadFieldSchemaRecord): unknown[] {
  return [
    s.label,
    s.description,
    s.enumValues,
    s.order,
    s.isRequired,
    s.isClientReadonly,
    s.isAiAutoFillEnabled,
    s.defaultStringValue,
    s.defaultBooleanValue,
    s.defaultNumberValue,
    s.defaultDateValue,
    s.dependsOnThreadField?.threadFieldSchemaId ?? null,
    s.dependsOnThreadField?.threadFieldSchemaValue ?? null,
    s.dependsOnLabelTypeIds,
    s.updatedAt,
    s.updatedBy,
  ];
}

/** Inserts a schema; throws UniqueViolation when its key is taken in the workspace. */
export async function insertThreadFieldSchema(db: Queryable, s: ThreadFieldSchemaRecord): Promise<void> {
  await db.query(
    `INSERT INTO thread_field_schemas (workspace_id, id, key, type, created_at, created_by, label, description,
       enum_values, sort_order, is_required, is_client_readonly, is_ai_auto_fill_enabled, default_string_value,
       default_boolean_value, default_number_value, default_date_value, depends_on_thread_field_schema_id,
       depends_on_thread_field_value, depends_on_label_type_ids, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
    [s.workspaceId, s.id, s.key, s.type, s.createdAt, s.createdBy, ...columnValues(s)],
  );
}

/** Writes every mutable column of a schema (key and type never change). */
export async function updateThreadFieldSchema(db: Queryable, s: ThreadFieldSchemaRecord): Promise<void> {
  await db.query(
    `UPDATE thread_field_schemas SET label = $3, description = $4, enum_values = $5, sort_order = $6,
       is_required = $7, is_client_readonly = $8, is_ai_auto_fill_enabled = $9, default_string_value = $10,
       default_boolean_value = $11, default_number_value = $12, default_date_value = $13,
       depends_on_thread_field_schema_id = $14, depends_on_thread_field_value = $15,
       depends_on_label_type_ids = $16, updated_at = $17, updated_by = $18
     WHERE workspace_id = $1 AND id = $2`,
    [s.workspaceId, s.id, ...columnValues(s)],
  );
}

/** Finds one schema of a workspace by id. */
export async function findThreadFieldSchema(
  db: Queryable,
  workspaceId: string,
  id: string,
): Promise<ThreadFieldSchemaRecord | null> {
  const rows = await db.query('SELECT * FROM thread_field_schemas WHERE workspace_id = $1 AND id = $2', [
    workspaceId,
    id,
  ]);
  return rows[0] ? toThreadFieldSchema(rows[0]) : null;
}

const LIST_KEY: KeyColumn[] = [
  { sql: 'sort_order', cast: 'integer' },
  { sql: 'id', cast: 'text' },
];

/** One page of a workspace's schemas, by their `order` and then creation. */
export async function listThreadFieldSchemas(
  db: Queryable,
  workspaceId: string,
  page: KeysetRequest,
): Promise<ThreadFieldSchemaRecord[]> {
  const k = keysetSql(LIST_KEY, page, 2);
  const rows = await db.query(
    `SELECT * FROM thread_field_schemas WHERE workspace_id = $1 AND ${k.where} ORDER BY ${k.orderBy} ${k.limit}`,
    [workspaceId, ...k.params],
  );
  return rows.map(toThreadFieldSchema);
}

/**
 * Deletes a schema and every thread's value for its key, as Plain does, and drops the dependency of
 * schemas that depended on it (the condition can no longer be met or checked). Run in a transaction.
 * Returns the deleted schema, or null when there was none.
 */
export async function deleteThreadFieldSchema(
  db: Queryable,
  workspaceId: string,
  id: string,
): Promise<ThreadFieldSchemaRecord | null> {
  const rows = await db.query(
    'DELETE FROM thread_field_schemas WHERE workspace_id = $1 AND id = $2 RETURNING *',
    [workspaceId, id],
  );
  const deleted = rows[0] ? toThreadFieldSchema(rows[0]) : null;
  if (deleted) {
    await db.query('DELETE FROM thread_fields WHERE workspace_id = $1 AND key = $2', [
      workspaceId,
      deleted.key,
    ]);
    await db.query(
      `UPDATE thread_field_schemas SET depends_on_thread_field_schema_id = NULL, depends_on_thread_field_value = NULL
       WHERE workspace_id = $1 AND depends_on_thread_field_schema_id = $2`,
      [workspaceId, id],
    );
  }
  return deleted;
}

/** Finds one schema of a workspace by its key. */
export async function findThreadFieldSchemaByKey(
  db: Queryable,
  workspaceId: string,
  key: string,
): Promise<ThreadFieldSchemaRecord | null> {
  const rows = await db.query('SELECT * FROM thread_field_schemas WHERE workspace_id = $1 AND key = $2', [
    workspaceId,
    key,
  ]);
  return rows[0] ? toThreadFieldSchema(rows[0]) : null;
}

/** Every schema of a workspace (a handful), for the check of required fields before a thread is done. */
export async function findAllThreadFieldSchemas(
  db: Queryable,
  workspaceId: string,
): Promise<ThreadFieldSchemaRecord[]> {
  const rows = await db.query(
    'SELECT * FROM thread_field_schemas WHERE workspace_id = $1 ORDER BY sort_order, id',
    [workspaceId],
  );
  return rows.map(toThreadFieldSchema);
}
