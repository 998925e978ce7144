import type { Queryable } from './db.js';
import { type KeyColumn, type KeysetRequest, keysetSql } from './keyset.js';
import { type Row, toDate, toJson } from './rows.js';

/** The kinds of timeline entry Threadline writes so far. */
export type TimelineEntryKind = 'custom' | 'customer_event' | 'thread_event';

/** One entry in a thread's timeline, with the content of its event when it is one. */
export interface TimelineEntryRecord {
  workspaceId: string;
  id: string;
  threadId: string;
  customerId: string;
  kind: TimelineEntryKind;
  timestamp: Date;
  actor: string;
  /** Kind-specific content stored on the entry itself (the first message's title and components). */
  payload: unknown;
  event: { id: string; title: string; components: unknown[]; externalId: string | null } | null;
}

function toEntry(row: Row): TimelineEntryRecord {
  return {
    workspaceId: row.workspace_id as string,
    id: row.id as string,
    threadId: row.thread_id as string,
    customerId: row.customer_id as string,
    kind: row.kind as TimelineEntryKind,
    timestamp: toDate(row.timestamp),
    actor: row.actor as string,
    payload: toJson(row.payload),
    event: row.event_id
      ? {
          id: row.event_id as string,
          title: row.event_title as string,
          components: toJson<unknown[]>(row.event_components),
          externalId: (row.event_external_id as string | null) ?? null,
        }
      : null,
  };
}

const ENTRY_SELECT = `
  SELECT te.*, e.title AS event_title, e.components AS event_components, e.external_id AS event_external_id
  FROM timeline_entries te LEFT JOIN events e ON e.id = te.event_id`;

const ENTRY_KEY: KeyColumn[] = [
  { sql: 'te."timestamp"', cast: 'timestamptz' },
  { sql: 'te.id', cast: 'text' },
];

/** The sort key of an entry, for its cursor: oldest first, ties broken by id. */
export function timelineEntryKey(entry: TimelineEntryRecord): string[] {
  return [entry.timestamp.toISOString(), entry.id];
}

/** One page of timeline entries of a thread or of a customer, oldest first. */
export async function listTimelineEntries(
  db: Queryable,
  workspaceId: string,
  scope: { threadId: string } | { customerId: string },
  page: KeysetRequest,
): Promise<TimelineEntryRecord[]> {
  const [column, value] =
    'threadId' in scope ? ['thread_id', scope.threadId] : ['customer_id', scope.customerId];
  const k = keysetSql(ENTRY_KEY, page, 3);
  const rows = await db.query(
    `${ENTRY_SELECT} WHERE te.workspace_id = $1 AND te.${column} = $2 AND ${k.where} ORDER BY ${k.orderBy} ${k.limit}`,
    [workspaceId, value, ...k.params],
  );
  return rows.map(toEntry);
}

/** Finds one timeline entry of a customer. */
export async function findTimelineEntry(
  db: Queryable,
  workspaceId: string,
  customerId: string,
  id: string,
): Promise<TimelineEntryRecord | null> {
  const rows = await db.query(
    `${ENTRY_SELECT} WHERE te.workspace_id = $1 AND te.customer_id = $2 AND te.id = $3`,
    [workspaceId, customerId, id],
  );
  return rows[0] ? toEntry(rows[0]) : null;
}
