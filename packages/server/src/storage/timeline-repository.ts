import type { Queryable } from './db.js';
import { type KeyColumn, type KeysetRequest, keysetSql } from './keyset.js';
import { type Row, toDate, toJson } from './rows.js';

/** The kinds of timeline entry Threadline writes. */
export type TimelineEntryKind =
  | 'custom'
  | 'customer_event'
  | 'thread_event'
  | 'note'
  | 'chat'
  | 'status_transitioned'
  | 'assignment_transitioned'
  | 'labels_changed'
  | 'priority_changed';

/** A note as its timeline entry shows it. */
export interface EntryNote {
  id: string;
  text: string;
  markdown: string | null;
}

/** One entry in a thread's timeline, with the content of its event when it is one. */
export interface TimelineEntryRecord {
  workspaceId: string;
  id: string;
  threadId: string;
  customerId: string;
  kind: TimelineEntryKind;
  timestamp: Date;
  actor: string;
  /** Kind-specific content stored on the entry itself (a first message, a reply, a change's before and after). */
  payload: unknown;
  event: { id: string; title: string; components: unknown[]; externalId: string | null } | null;
  note: EntryNote | null;
}

/** A new entry: its own content in payload, or a reference to its event or note. */
export interface NewTimelineEntry {
  workspaceId: string;
  id: string;
  threadId: string;
  customerId: string;
  kind: TimelineEntryKind;
  timestamp: Date;
  actor: string;
  payload?: unknown;
  noteId?: string;
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
    note: row.note_id
      ? {
          id: row.note_id as string,
          text: row.note_text as string,
          markdown: (row.note_markdown as string | null) ?? null,
        }
      : null,
  };
}

/** Appends entries to timelines. */
export async function insertTimelineEntries(
  db: Queryable,
  entries: readonly NewTimelineEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await db.query(
    `INSERT INTO timeline_entries (workspace_id, id, thread_id, customer_id, kind, "timestamp", actor, payload, note_id)
     SELECT x.workspace_id, x.id, x.thread_id, x.customer_id, x.kind, x."timestamp", x.actor, x.payload, x.note_id
     FROM json_to_recordset($1::json) AS x(workspace_id text, id text, thread_id text, customer_id text, kind text,
       "timestamp" timestamptz, actor text, payload jsonb, note_id text)`,
    [
      JSON.stringify(
        entries.map((e) => ({
          workspace_id: e.workspaceId,
          id: e.id,
          thread_id: e.threadId,
          customer_id: e.customerId,
          kind: e.kind,
          timestamp: e.timestamp.toISOString(),
          actor: e.actor,
          payload: e.payload ?? null,
          note_id: e.noteId ?? null,
        })),
      ),
    ],
  );
}

const ENTRY_SELECT = `
  SELECT te.*, e.title AS event_title, e.components AS event_components, e.external_id AS event_external_id,
    n.text AS note_text, n.markdown AS note_markdown
  FROM timeline_entries te LEFT JOIN events e ON e.id = te.event_id LEFT JOIN notes n ON n.id = te.note_id`;

const ENTRY_KEY: KeyColumn[] = [
  { sql: 'te."timestamp"', cast: 'timestamptz' },
  { sql: 'te.id', cast: 'text' },
];

/** The sort key of an entry, for its cursor: oldest first, ties broken by id. */
export function timelineEntryKey(entry: TimelineEntryRecord): string[] {
  return [entry.timestamp.toISOString(), entry.id];
}

/** One page of timeline entries of a thread or of a customer, oldest first, optionally of some kinds only. */
export async function listTimelineEntries(
  db: Queryable,
  workspaceId: string,
  scope: { threadId: string } | { customerId: string },
  page: KeysetRequest,
  kinds: readonly TimelineEntryKind[] | null = null,
): Promise<TimelineEntryRecord[]> {
  const [column, value] =
    'threadId' in scope ? ['thread_id', scope.threadId] : ['customer_id', scope.customerId];
  const k = keysetSql(ENTRY_KEY, page, 4);
  const rows = await db.query(
    `${ENTRY_SELECT} WHERE te.workspace_id = $1 AND te.${column} = $2
       AND ($3::text[] IS NULL OR te.kind = ANY($3::text[])) AND ${k.where} ORDER BY ${k.orderBy} ${k.limit}`,
    [workspaceId, value, kinds, ...k.params],
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
