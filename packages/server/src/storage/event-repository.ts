import type { Queryable } from './db.js';
import type { Audit } from './rows.js';

/** A customer event or a thread event: a titled set of UI components a product sends. */
export interface EventRecord extends Audit {
  workspaceId: string;
  id: string;
  kind: 'customer' | 'thread';
  customerId: string;
  /** The one thread the event shows in; null for a customer event shown in every thread of its customer. */
  threadId: string | null;
  title: string;
  /** The event's UI components as stored JSON; the domain gives them their type. */
  components: unknown[];
  externalId: string | null;
}

/**
 * Inserts an event and its timeline entries in one statement: one entry in its thread if it has one,
 * else one in every thread of its customer, and returns those entries. Throws UniqueViolation when its externalId is taken, in
 * which case nothing at all was written.
 */
export async function insertEvent(
  db: Queryable,
  e: EventRecord,
): Promise<{ id: string; threadId: string }[]> {
  const rows = await db.query<{ id: string; thread_id: string }>(
    `WITH event AS (
       INSERT INTO events (workspace_id, id, kind, customer_id, thread_id, title, components, external_id,
         created_at, created_by, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12)
       RETURNING id
     )
     INSERT INTO timeline_entries (workspace_id, id, thread_id, customer_id, kind, event_id, "timestamp", actor)
     SELECT $1, threadline_new_id('t', $9), t.id, $4, $3 || '_event', (SELECT id FROM event), $9, $10
     FROM threads t
     WHERE t.workspace_id = $1 AND t.customer_id = $4 AND ($5::text IS NULL OR t.id = $5)
     RETURNING id, thread_id`,
    [
      e.workspaceId,
      e.id,
      e.kind,
      e.customerId,
      e.threadId,
      e.title,
      JSON.stringify(e.components),
      e.externalId,
      e.createdAt,
      e.createdBy,
      e.updatedAt,
      e.updatedBy,
    ],
  );
  return rows.map((row) => ({ id: row.id, threadId: row.thread_id }));
}
