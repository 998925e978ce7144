import type { Queryable } from './db.js';
import { type KeyColumn, type KeysetRequest, keysetSql } from './keyset.js';
import { type Audit, auditOf, type Row, toDateOrNull } from './rows.js';

/** What can be deleted softly: kept for history, hidden from use. */
export interface SoftDeletion {
  deletedAt: Date | null;
  deletedBy: string | null;
}

/** A person who works in the workspace. */
export interface UserRecord extends Audit, SoftDeletion {
  workspaceId: string;
  id: string;
  email: string;
  fullName: string;
  publicName: string;
}

/** A non-human actor that owns API keys. */
export interface MachineUserRecord extends Audit, SoftDeletion {
  workspaceId: string;
  id: string;
  fullName: string;
  publicName: string;
  description: string | null;
  type: 'API_USER' | 'AI_AGENT';
}

/** An API key, without its secret (only a hash of it is stored). */
export interface ApiKeyRecord extends Audit, SoftDeletion {
  workspaceId: string;
  id: string;
  machineUserId: string;
  description: string | null;
  permissions: string[];
  hasAllPermissions: boolean;
}

function softDeletionOf(row: Row): SoftDeletion {
  return { deletedAt: toDateOrNull(row.deleted_at), deletedBy: (row.deleted_by as string | null) ?? null };
}

function toUser(row: Row): UserRecord {
  return {
    workspaceId: row.workspace_id as string,
    id: row.id as string,
    email: row.email as string,
    fullName: row.full_name as string,
    publicName: row.public_name as string,
    ...auditOf(row),
    ...softDeletionOf(row),
  };
}

function toMachineUser(row: Row): MachineUserRecord {
  return {
    workspaceId: row.workspace_id as string,
    id: row.id as string,
    fullName: row.full_name as string,
    publicName: row.public_name as string,
    description: (row.description as string | null) ?? null,
    type: row.type as MachineUserRecord['type'],
    ...auditOf(row),
    ...softDeletionOf(row),
  };
}

function toApiKey(row: Row): ApiKeyRecord {
  return {
    workspaceId: row.workspace_id as string,
    id: row.id as string,
    machineUserId: row.machine_user_id as string,
    description: (row.description as string | null) ?? null,
    permissions: row.permissions as string[],
    hasAllPermissions: row.has_all_permissions as boolean,
    ...auditOf(row),
    ...softDeletionOf(row),
  };
}

/** Inserts a user with an optional password hash. */
export async function insertUser(
  db: Queryable,
  user: UserRecord,
  passwordHash: string | null,
): Promise<void> {
  await db.query(
    `INSERT INTO users (workspace_id, id, email, full_name, public_name, password_hash,
       created_at, created_by, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      user.workspaceId,
      user.id,
      user.email,
      user.fullName,
      user.publicName,
      passwordHash,
      user.createdAt,
      user.createdBy,
      user.updatedAt,
      user.updatedBy,
    ],
  );
}

/** Finds users of a workspace by id, deleted ones included (they still appear as actors). */
export async function findUsers(
  db: Queryable,
  workspaceId: string,
  ids: readonly string[],
): Promise<UserRecord[]> {
  const rows = await db.query('SELECT * FROM users WHERE workspace_id = $1 AND id = ANY($2::text[])', [
    workspaceId,
    ids,
  ]);
  return rows.map(toUser);
}

/** Inserts a machine user. */
export async function insertMachineUser(db: Queryable, mu: MachineUserRecord): Promise<void> {
  await db.query(
    `INSERT INTO machine_users (workspace_id, id, full_name, public_name, description, type,
       created_at, created_by, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      mu.workspaceId,
      mu.id,
      mu.fullName,
      mu.publicName,
      mu.description,
      mu.type,
      mu.createdAt,
      mu.createdBy,
      mu.updatedAt,
      mu.updatedBy,
    ],
  );
}

/** Finds machine users of a workspace by id, deleted ones included. */
export async function findMachineUsers(
  db: Queryable,
  workspaceId: string,
  ids: readonly string[],
): Promise<MachineUserRecord[]> {
  const rows = await db.query(
    'SELECT * FROM machine_users WHERE workspace_id = $1 AND id = ANY($2::text[])',
    [workspaceId, ids],
  );
  return rows.map(toMachineUser);
}

/** Inserts an API key with the hash of its secret. */
export async function insertApiKey(db: Queryable, key: ApiKeyRecord, secretHash: string): Promise<void> {
  await db.query(
    `INSERT INTO api_keys (workspace_id, id, machine_user_id, description, secret_hash, permissions,
       has_all_permissions, created_at, created_by, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      key.workspaceId,
      key.id,
      key.machineUserId,
      key.description,
      secretHash,
      key.permissions,
      key.hasAllPermissions,
      key.createdAt,
      key.createdBy,
      key.updatedAt,
      key.updatedBy,
    ],
  );
}

/** The live key with this secret hash, if its machine user is live too. Spans workspaces: it is how a request finds its workspace. */
export async function findLiveApiKeyBySecretHash(
  db: Queryable,
  secretHash: string,
): Promise<ApiKeyRecord | null> {
  const rows = await db.query(
    `SELECT k.* FROM api_keys k JOIN machine_users m ON m.id = k.machine_user_id
     WHERE k.secret_hash = $1 AND k.deleted_at IS NULL AND m.deleted_at IS NULL`,
    [secretHash],
  );
  return rows[0] ? toApiKey(rows[0]) : null;
}

/** Replaces a live key's description and permissions (an explicit list from now on); null when there is no such live key. */
export async function updateApiKey(
  db: Queryable,
  workspaceId: string,
  id: string,
  change: { description: string | null; permissions: string[]; updatedAt: Date; updatedBy: string },
): Promise<ApiKeyRecord | null> {
  const rows = await db.query(
    `UPDATE api_keys SET description = $3, permissions = $4, has_all_permissions = false, updated_at = $5, updated_by = $6
     WHERE workspace_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING *`,
    [workspaceId, id, change.description, change.permissions, change.updatedAt, change.updatedBy],
  );
  return rows[0] ? toApiKey(rows[0]) : null;
}

/** Marks a live key deleted; null when there is no such live key. */
export async function deleteApiKey(
  db: Queryable,
  workspaceId: string,
  id: string,
  at: Date,
  by: string,
): Promise<ApiKeyRecord | null> {
  const rows = await db.query(
    `UPDATE api_keys SET deleted_at = $3, deleted_by = $4, updated_at = $3, updated_by = $4
     WHERE workspace_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING *`,
    [workspaceId, id, at, by],
  );
  return rows[0] ? toApiKey(rows[0]) : null;
}

/** Finds a live user of a workspace by email, case-insensitively. */
export async function findUserByEmail(
  db: Queryable,
  workspaceId: string,
  email: string,
): Promise<UserRecord | null> {
  const rows = await db.query(
    'SELECT * FROM users WHERE workspace_id = $1 AND lower(email) = lower($2) AND deleted_at IS NULL',
    [workspaceId, email],
  );
  return rows[0] ? toUser(rows[0]) : null;
}

/** Users, machine users and API keys page by id: ULIDs sort in creation order. */
const ID_KEY: KeyColumn[] = [{ sql: 'id', cast: 'text' }];

/** One page of a workspace's live users, in creation order. */
export async function listUsers(
  db: Queryable,
  workspaceId: string,
  page: KeysetRequest,
): Promise<UserRecord[]> {
  const k = keysetSql(ID_KEY, page, 2);
  const rows = await db.query(
    `SELECT * FROM users WHERE workspace_id = $1 AND deleted_at IS NULL AND ${k.where} ORDER BY ${k.orderBy} ${k.limit}`,
    [workspaceId, ...k.params],
  );
  return rows.map(toUser);
}

/**
 * A workspace's owner: the first user the bootstrap (or create-workspace) made, with their password
 * hash; null if there is none.
 */
export async function findOwnerWithPassword(
  db: Queryable,
  workspaceId: string,
): Promise<{ user: UserRecord; passwordHash: string | null } | null> {
  const rows = await db.query(
    `SELECT * FROM users WHERE workspace_id = $1 AND created_by = 'system:bootstrap' AND deleted_at IS NULL
     ORDER BY id LIMIT 1`,
    [workspaceId],
  );
  return rows[0]
    ? { user: toUser(rows[0]), passwordHash: (rows[0].password_hash as string | null) ?? null }
    : null;
}

/** Sets a user's password hash. */
export async function setUserPasswordHash(
  db: Queryable,
  workspaceId: string,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await db.query('UPDATE users SET password_hash = $3 WHERE workspace_id = $1 AND id = $2', [
    workspaceId,
    userId,
    passwordHash,
  ]);
}

/**
 * Live users with a password and this email, case-insensitively, in every workspace (one email may
 * be a user in several): sign-in is how a person finds their workspace. At most `limit`, oldest first.
 */
export async function findSignInCandidates(
  db: Queryable,
  email: string,
  limit: number,
): Promise<{ user: UserRecord; passwordHash: string }[]> {
  const rows = await db.query(
    `SELECT * FROM users WHERE lower(email) = lower($1) AND deleted_at IS NULL AND password_hash IS NOT NULL
     ORDER BY id LIMIT $2`,
    [email, limit],
  );
  return rows.map((row) => ({ user: toUser(row), passwordHash: row.password_hash as string }));
}

/** One page of a workspace's live machine users in creation order, optionally of one type. */
export async function listMachineUsers(
  db: Queryable,
  workspaceId: string,
  type: MachineUserRecord['type'] | null,
  page: KeysetRequest,
): Promise<MachineUserRecord[]> {
  const k = keysetSql(ID_KEY, page, 3);
  const rows = await db.query(
    `SELECT * FROM machine_users WHERE workspace_id = $1 AND deleted_at IS NULL AND ($2::text IS NULL OR type = $2)
       AND ${k.where} ORDER BY ${k.orderBy} ${k.limit}`,
    [workspaceId, type, ...k.params],
  );
  return rows.map(toMachineUser);
}

/** One page of a machine user's live API keys in creation order. */
export async function listApiKeys(
  db: Queryable,
  workspaceId: string,
  machineUserId: string,
  page: KeysetRequest,
): Promise<ApiKeyRecord[]> {
  const k = keysetSql(ID_KEY, page, 3);
  const rows = await db.query(
    `SELECT * FROM api_keys WHERE workspace_id = $1 AND machine_user_id = $2 AND deleted_at IS NULL
       AND ${k.where} ORDER BY ${k.orderBy} ${k.limit}`,
    [workspaceId, machineUserId, ...k.params],
  );
  return rows.map(toApiKey);
}
