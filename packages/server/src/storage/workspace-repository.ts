import type { Queryable } from './db.js';
import { type Audit, auditOf, type Row } from './rows.js';

/** A workspace: the unit of isolation. Every other row belongs to one. */
export interface WorkspaceRecord extends Audit {
  id: string;
  name: string;
  publicName: string;
}

function toWorkspace(row: Row): WorkspaceRecord {
  return {
    id: row.id as string,
    name: row.name as string,
    publicName: row.public_name as string,
    ...auditOf(row),
  };
}

/**
 * The name of the workspace's thread-ref sequence. A sequence, not a counter row, so that concurrent
 * createThread calls never wait on one another's lock (refs may skip a number after a rollback).
 */
export function threadRefSequenceName(workspaceId: string): string {
  // Workspace ids are 'w_' plus a Crockford ULID, so the name is always a safe identifier.
  return `thread_ref_${workspaceId.slice(2).toLowerCase()}`;
}

/**
 * Inserts a workspace with its webhook signing secret and creates its thread-ref sequence. Run inside
 * a transaction.
 */
export async function insertWorkspace(
  db: Queryable,
  ws: WorkspaceRecord,
  signingSecret: string,
): Promise<void> {
  await db.query(
    `INSERT INTO workspaces (id, name, public_name, created_at, created_by, updated_at, updated_by,
       webhook_signing_secret)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [ws.id, ws.name, ws.publicName, ws.createdAt, ws.createdBy, ws.updatedAt, ws.updatedBy, signingSecret],
  );
  await db.exec(`CREATE SEQUENCE ${threadRefSequenceName(ws.id)}`);
}

/** Finds a workspace by id. */
export async function findWorkspace(db: Queryable, id: string): Promise<WorkspaceRecord | null> {
  const rows = await db.query('SELECT * FROM workspaces WHERE id = $1', [id]);
  return rows[0] ? toWorkspace(rows[0]) : null;
}

/** The oldest workspace, which the first start created; null before bootstrap. */
export async function findFirstWorkspace(db: Queryable): Promise<WorkspaceRecord | null> {
  const rows = await db.query('SELECT * FROM workspaces ORDER BY id LIMIT 1');
  return rows[0] ? toWorkspace(rows[0]) : null;
}

/**
 * Takes the bootstrap lock for the rest of the transaction, so that processes starting together on
 * one PostgreSQL make one first workspace between them, not one each.
 */
export async function lockBootstrap(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(7201002)');
}

/** The workspace's webhook signing secret, or null before one is set. */
export async function findWebhookSigningSecret(db: Queryable, workspaceId: string): Promise<string | null> {
  const rows = await db.query<{ webhook_signing_secret: string | null }>(
    'SELECT webhook_signing_secret FROM workspaces WHERE id = $1',
    [workspaceId],
  );
  return rows[0]?.webhook_signing_secret ?? null;
}

/** Sets the workspace's webhook signing secret (a rotation replaces it). */
export async function setWebhookSigningSecret(
  db: Queryable,
  workspaceId: string,
  secret: string,
): Promise<void> {
  await db.query('UPDATE workspaces SET webhook_signing_secret = $2 WHERE id = $1', [workspaceId, secret]);
}

/** Ids of workspaces without a webhook signing secret (made before webhooks existed). */
export async function workspacesWithoutSigningSecret(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM workspaces WHERE webhook_signing_secret IS NULL ORDER BY id',
  );
  return rows.map((row) => row.id);
}
