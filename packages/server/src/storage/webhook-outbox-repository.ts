import type { Queryable } from './db.js';

/** An event to deliver to every enabled target of its workspace that subscribes to its type. */
export interface NewWebhookEvent {
  id: string;
  type: string;
  timestamp: Date;
  payload: unknown;
}

/** The event types some enabled target of the workspace subscribes to. */
export async function subscribedEventTypes(db: Queryable, workspaceId: string): Promise<Set<string>> {
  const rows = await db.query<{ event_types: string[] }>(
    'SELECT event_types FROM webhook_targets WHERE workspace_id = $1 AND is_enabled',
    [workspaceId],
  );
  return new Set(rows.flatMap((row) => row.event_types));
}

/**
 * Writes events to the outbox with one pending delivery, due at `at`, per enabled target that
 * subscribes to each event's type. Run it in the transaction of the change the events describe, so
 * that either both are written or neither is.
 */
export async function insertWebhookEvents(
  tx: Queryable,
  workspaceId: string,
  events: readonly NewWebhookEvent[],
  at: Date,
): Promise<void> {
  if (events.length === 0) return;
  await tx.query(
    `WITH e AS (
       INSERT INTO webhook_events (workspace_id, id, type, "timestamp", payload)
       SELECT $1, x.id, x.type, x."timestamp", x.payload
       FROM json_to_recordset($2::json) AS x(id text, type text, "timestamp" timestamptz, payload jsonb)
       RETURNING id, type
     )
     INSERT INTO webhook_deliveries (workspace_id, event_id, target_id, state, next_attempt_at, created_at)
     SELECT $1, e.id, t.id, 'pending', $3, $3
     FROM e JOIN webhook_targets t
       ON t.workspace_id = $1 AND t.is_enabled AND e.type = ANY (t.event_types)`,
    [
      workspaceId,
      JSON.stringify(
        events.map((e) => ({
          id: e.id,
          type: e.type,
          timestamp: e.timestamp.toISOString(),
          payload: e.payload,
        })),
      ),
      at,
    ],
  );
}
