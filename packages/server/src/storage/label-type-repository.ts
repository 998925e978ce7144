import type { Queryable } from './db.js';
import { type KeyColumn, type KeysetRequest, keysetSql } from './keyset.js';
import { type Audit, auditOf, type Row, toDateOrNull } from './rows.js';

/** A label type: a kind of label a thread can carry ("Bug report"). Archived ones stay on old threads. */
export interface LabelTypeRecord extends Audit {
  workspaceId: string;
  id: string;
  name: string;
  icon: string | null;
  color: string | null;
  description: string | null;
  externalId: string | null;
  isExcludedFromAi: boolean;
  parentLabelTypeId: string | null;
  type: 'DEFAULT' | 'TEAM';
  position: string;
  archivedAt: Date | null;
  archivedBy: string | null;
}

/** Reads a label type from a row, or from the JSON object built by labelTypeJson. */
export function toLabelType(row: Row): LabelTypeRecord {
  return {
    workspaceId: row.workspace_id as string,
    id: row.id as string,
    name: row.name as string,
    icon: (row.icon as string | null) ?? null,
    color: (row.color as string | null) ?? null,
    description: (row.description as string | null) ?? null,
    externalId: (row.external_id as string | null) ?? null,
    isExcludedFromAi: row.is_excluded_from_ai as boolean,
    parentLabelTypeId: (row.parent_label_type_id as string | null) ?? null,
    type: row.type as LabelTypeRecord['type'],
    position: row.position as string,
    archivedAt: toDateOrNull(row.archived_at),
    archivedBy: (row.archived_by as string | null) ?? null,
    ...auditOf(row),
  };
}

/** Inserts a label type; throws UniqueViolation when its externalId is taken. */
export async function insertLabelType(db: Queryable, lt: LabelTypeRecord): Promise<void> {
  await db.query(
    `INSERT INTO label_types (workspace_id, id, name, icon, color, description, external_id, is_excluded_from_ai,
       parent_label_type_id, type, position, created_at, created_by, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      lt.workspaceId,
      lt.id,
      lt.name,
      lt.icon,
      lt.color,
      lt.description,
      lt.externalId,
      lt.isExcludedFromAi,
      lt.parentLabelTypeId,
      lt.type,
      lt.position,
      lt.createdAt,
      lt.createdBy,
      lt.updatedAt,
      lt.updatedBy,
    ],
  );
}

/** Finds label types of a workspace by id. */
export async function findLabelTypes(
  db: Queryable,
  workspaceId: string,
  ids: readonly string[],
): Promise<LabelTypeRecord[]> {
  const rows = await db.query('SELECT * FROM label_types WHERE workspace_id = $1 AND id = ANY($2::text[])', [
    workspaceId,
    ids,
  ]);
  return rows.map(toLabelType);
}

const LIST_KEY: KeyColumn[] = [{ sql: 'id', cast: 'text' }];

/** One page of a workspace's label types in creation order, optionally only (un)archived ones. */
export async function listLabelTypes(
  db: Queryable,
  workspaceId: string,
  filter: { isArchived?: boolean | null },
  page: KeysetRequest,
): Promise<LabelTypeRecord[]> {
  const archived =
    filter.isArchived == null
      ? 'TRUE'
      : filter.isArchived
        ? 'archived_at IS NOT NULL'
        : 'archived_at IS NULL';
  const k = keysetSql(LIST_KEY, page, 2);
  const rows = await db.query(
    `SELECT * FROM label_types WHERE workspace_id = $1 AND ${archived} AND ${k.where} ORDER BY ${k.orderBy} ${k.limit}`,
    [workspaceId, ...k.params],
  );
  return rows.map(toLabelType);
}

/** Archives a label type that is not archived yet; null when it is missing or already archived. */
export async function archiveLabelType(
  db: Queryable,
  workspaceId: string,
  id: string,
  at: Date,
  by: string,
): Promise<LabelTypeRecord | null> {
  const rows = await db.query(
    `UPDATE label_types SET archived_at = $3, archived_by = $4, updated_at = $3, updated_by = $4
     WHERE workspace_id = $1 AND id = $2 AND archived_at IS NULL RETURNING *`,
    [workspaceId, id, at, by],
  );
  return rows[0] ? toLabelType(rows[0]) : null;
}
