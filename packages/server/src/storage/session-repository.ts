import type { Queryable } from './db.js';
import { type Row, toDate } from './rows.js';

/** A sign-in session; `id` is the SHA-256 of the cookie's token, never the token. */
export interface SessionRecord {
  id: string;
  workspaceId: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date;
}

function toSession(row: Row): SessionRecord {
  return {
    id: row.id as string,
    workspaceId: row.workspace_id as string,
    userId: row.user_id as string,
    createdAt: toDate(row.created_at),
    expiresAt: toDate(row.expires_at),
    lastUsedAt: toDate(row.last_used_at),
  };
}

/** Inserts a session. */
export async function insertSession(db: Queryable, session: SessionRecord): Promise<void> {
  await db.query(
    `INSERT INTO sessions (id, workspace_id, user_id, created_at, expires_at, last_used_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      session.id,
      session.workspaceId,
      session.userId,
      session.createdAt,
      session.expiresAt,
      session.lastUsedAt,
    ],
  );
}

/**
 * The session with this id if it has not expired and its user is live. Spans workspaces: it is how
 * a request finds its workspace.
 */
export async function findLiveSession(db: Queryable, id: string, now: Date): Promise<SessionRecord | null> {
  const rows = await db.query(
    `SELECT s.* FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = $1 AND s.expires_at > $2 AND u.deleted_at IS NULL`,
    [id, now],
  );
  return rows[0] ? toSession(rows[0]) : null;
}

/** Records that a session was used (written at most now and then, not on every request). */
export async function touchSession(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query('UPDATE sessions SET last_used_at = $2 WHERE id = $1', [id, at]);
}

/** Deletes a session; true if there was one. */
export async function deleteSession(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query('DELETE FROM sessions WHERE id = $1 RETURNING id', [id]);
  return rows.length > 0;
}

/** Deletes every session of a user (their password changed: whoever knew the old one is signed out). */
export async function deleteUserSessions(db: Queryable, workspaceId: string, userId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
}

/** Deletes sessions that expired before `now`. */
export async function deleteExpiredSessions(db: Queryable, now: Date): Promise<void> {
  await db.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
}
