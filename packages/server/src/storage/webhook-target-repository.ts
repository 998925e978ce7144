import type { Queryable } from './db.js';
import { type KeyColumn, type KeysetRequest, keysetSql } from './keyset.js';
import { type Audit, auditOf, type Row, toDateOrNull } from './rows.js';

/** Where a workspace's webhook events go, and which of them. */
export interface WebhookTargetRecord extends Audit {
  workspaceId: string;
  id: string;
  url: string;
  description: string;
  isEnabled: boolean;
  eventTypes: string[];
  version: string;
  failingSince: Date | null;
  disabledReason: string | null;
  disabledAt: Date | null;
}

/** The columns an update may change. */
export type WebhookTargetChange = Partial<
  Pick<WebhookTargetRecord, 'url' | 'description' | 'isEnabled' | 'eventTypes' | 'version'>
>;

function toWebhookTarget(row: Row): WebhookTargetRecord {
  return {
    workspaceId: row.workspace_id as string,
    id: row.id as string,
    url: row.url as string,
    description: row.description as string,
    isEnabled: row.is_enabled as boolean,
    eventTypes: row.event_types as string[],
    version: row.version as string,
    failingSince: toDateOrNull(row.failing_since),
    disabledReason: (row.disabled_reason as string | null) ?? null,
    disabledAt: toDateOrNull(row.disabled_at),
    ...auditOf(row),
  };
}

/**
 * Inserts a target unless the workspace has `max` already. The count and the insert are one
 * statement under a lock on the workspace row, so racing creates cannot pass the limit together.
 * Returns false when the limit is reached.
 */
export async function insertWebhookTarget(
  tx: Queryable,
  t: WebhookTargetRecord,
  max: number,
): Promise<boolean> {
  await tx.query('SELECT 1 FROM workspaces WHERE id = $1 FOR UPDATE', [t.workspaceId]);
  const rows = await tx.query(
    `INSERT INTO webhook_targets (workspace_id, id, url, description, is_enabled, event_types, version,
       created_at, created_by, updated_at, updated_by)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11
     WHERE (SELECT count(*) FROM webhook_targets WHERE workspace_id = $1) < $12
     RETURNING id`,
    [
      t.workspaceId,
      t.id,
      t.url,
      t.description,
      t.isEnabled,
      t.eventTypes,
      t.version,
      t.createdAt,
      t.createdBy,
      t.updatedAt,
      t.updatedBy,
      max,
    ],
  );
  return rows.length === 1;
}

/** Finds one target of a workspace. */
export async function findWebhookTarget(
  db: Queryable,
  workspaceId: string,
  id: string,
): Promise<WebhookTargetRecord | null> {
  const rows = await db.query('SELECT * FROM webhook_targets WHERE workspace_id = $1 AND id = $2', [
    workspaceId,
    id,
  ]);
  return rows[0] ? toWebhookTarget(rows[0]) : null;
}

const LIST_KEY: KeyColumn[] = [{ sql: 'id', cast: 'text' }];

/** One page of a workspace's targets in creation order. */
export async function listWebhookTargets(
  db: Queryable,
  workspaceId: string,
  page: KeysetRequest,
): Promise<WebhookTargetRecord[]> {
  const k = keysetSql(LIST_KEY, page, 2);
  const rows = await db.query(
    `SELECT * FROM webhook_targets WHERE workspace_id = $1 AND ${k.where} ORDER BY ${k.orderBy} ${k.limit}`,
    [workspaceId, ...k.params],
  );
  return rows.map(toWebhookTarget);
}

/**
 * Updates a target. Enabling it clears why it was disabled and makes its pending deliveries due
 * now; the failure run starts afresh. Returns the target as it now is, or null when it is missing.
 */
export async function updateWebhookTarget(
  tx: Queryable,
  workspaceId: string,
  id: string,
  change: WebhookTargetChange,
  at: Date,
  by: string,
): Promise<WebhookTargetRecord | null> {
  const rows = await tx.query(
    `UPDATE webhook_targets SET
       url = COALESCE($3, url),
       description = COALESCE($4, description),
       event_types = COALESCE($5, event_types),
       version = COALESCE($6, version),
       failing_since = CASE WHEN $7::boolean AND NOT is_enabled THEN NULL ELSE failing_since END,
       disabled_reason = CASE WHEN $7::boolean THEN NULL ELSE disabled_reason END,
       disabled_at = CASE WHEN $7::boolean THEN NULL ELSE disabled_at END,
       is_enabled = COALESCE($7, is_enabled),
       updated_at = $8, updated_by = $9
     WHERE workspace_id = $1 AND id = $2
     RETURNING *`,
    [
      workspaceId,
      id,
      change.url ?? null,
      change.description ?? null,
      change.eventTypes ?? null,
      change.version ?? null,
      change.isEnabled ?? null,
      at,
      by,
    ],
  );
  if (!rows[0]) return null;
  if (change.isEnabled) {
    await tx.query(
      `UPDATE webhook_deliveries SET next_attempt_at = $2 WHERE target_id = $1 AND state = 'pending'`,
      [id, at],
    );
  }
  return toWebhookTarget(rows[0]);
}

/** Deletes a target with its deliveries and attempts. Returns false when it is missing. */
export async function deleteWebhookTarget(db: Queryable, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db.query(
    'DELETE FROM webhook_targets WHERE workspace_id = $1 AND id = $2 RETURNING id',
    [workspaceId, id],
  );
  return rows.length === 1;
}
