/**
 * Which webhook events a thread change produces. Most follow from the timeline entries the change
 * leaves (a status-transition entry is a thread.thread_status_transitioned event); changes without
 * an entry (thread fields) declare theirs.
 */
import type { NoteRecord } from '../../storage/note-repository.js';
import type { TimelineEntryKind } from '../../storage/timeline-repository.js';
import type { ActorRef } from '../actor.js';
import type { WebhookEventType } from './event-types.js';
import type { WebhookEventDraft } from './outbox.js';
import {
  actorJson,
  internalActorJson,
  type ThreadSnapshot,
  threadFieldJson,
  threadJson,
  timelineEntryJson,
} from './webhook-json.js';

/** A timeline entry as a change wrote it. */
export interface WrittenEntry {
  id: string;
  kind: TimelineEntryKind;
  timestamp: Date;
  actor: ActorRef;
  payload?: unknown;
  noteId?: string;
  /** The note of a note entry. */
  note?: NoteRecord;
}

/** An event a change declares, its payload built from the thread before and after the change. */
export interface ThreadEventSpec {
  type: WebhookEventType;
  payload(before: ThreadSnapshot, after: ThreadSnapshot): Record<string, unknown>;
}

interface ChatEntryPayload {
  chatId: string;
  text: string;
  direction: 'outbound' | 'inbound';
}

const THREAD_CHANGE_EVENTS: Partial<Record<TimelineEntryKind, WebhookEventType>> = {
  status_transitioned: 'thread.thread_status_transitioned',
  assignment_transitioned: 'thread.thread_assignment_transitioned',
  labels_changed: 'thread.thread_labels_changed',
  priority_changed: 'thread.thread_priority_changed',
};

/** The event types an entry produces. */
export function entryEventTypes(entry: WrittenEntry): WebhookEventType[] {
  const change = THREAD_CHANGE_EVENTS[entry.kind];
  if (change) return [change];
  if (entry.kind === 'note') return ['thread.note_created', 'timeline.timeline_entry_changed'];
  if (entry.kind === 'chat') {
    const inbound = (entry.payload as ChatEntryPayload).direction === 'inbound';
    return [inbound ? 'thread.chat_received' : 'thread.chat_sent', 'timeline.timeline_entry_changed'];
  }
  return [];
}

function entryContentOf(entry: WrittenEntry) {
  if (entry.kind === 'note') {
    const note = entry.note!;
    return { entryType: 'note' as const, noteId: note.id, text: note.text, markdown: note.markdown };
  }
  const chat = entry.payload as ChatEntryPayload;
  return { entryType: 'chat' as const, chatId: chat.chatId, text: chat.text };
}

/** The payload of one event type of an entry. */
function entryEventPayload(
  type: WebhookEventType,
  entry: WrittenEntry,
  before: ThreadSnapshot,
  after: ThreadSnapshot,
): Record<string, unknown> {
  const thread = threadJson(after);
  const { thread: t } = after;
  switch (type) {
    case 'thread.thread_labels_changed': {
      const added = after.thread.labels.length > before.thread.labels.length;
      return { changeType: added ? 'ADDED' : 'REMOVED', thread, previousThread: threadJson(before) };
    }
    case 'thread.note_created': {
      const note = entry.note!;
      return {
        thread,
        note: {
          timelineEntryId: entry.id,
          id: note.id,
          text: note.text,
          markdown: note.markdown,
          createdAt: note.createdAt.toISOString(),
          createdBy: internalActorJson(note.createdBy),
          updatedAt: note.updatedAt.toISOString(),
          updatedBy: internalActorJson(note.updatedBy),
          deletedAt: null,
          deletedBy: null,
        },
      };
    }
    case 'thread.chat_sent':
    case 'thread.chat_received': {
      const chat = entry.payload as ChatEntryPayload;
      const at = entry.timestamp.toISOString();
      const by = actorJson(entry.actor);
      return {
        thread,
        chat: {
          timelineEntryId: entry.id,
          id: chat.chatId,
          customerReadAt: null,
          text: chat.text,
          attachments: [],
          createdAt: at,
          createdBy: by,
          updatedAt: at,
          updatedBy: by,
        },
      };
    }
    case 'timeline.timeline_entry_changed':
      return {
        changeType: 'ADDED',
        previousTimelineEntry: null,
        timelineEntry: timelineEntryJson({
          id: entry.id,
          customerId: t.customerId,
          threadId: t.id,
          timestamp: entry.timestamp,
          actor: entry.actor,
          content: entryContentOf(entry),
        }),
      };
    default:
      return { thread, previousThread: threadJson(before) };
  }
}

/** The events of a change's entries, of the types in `wanted`. */
export function entryEvents(
  entries: readonly WrittenEntry[],
  wanted: ReadonlySet<string>,
  before: ThreadSnapshot,
  after: ThreadSnapshot,
): WebhookEventDraft[] {
  return entries.flatMap((entry) =>
    entryEventTypes(entry)
      .filter((type) => wanted.has(type))
      .map((type) => ({ type, payload: entryEventPayload(type, entry, before, after) })),
  );
}

/** The event of a thread field that a change created, updated or deleted. */
export function threadFieldEvent(change: 'created' | 'updated' | 'deleted', key: string): ThreadEventSpec {
  const field = (s: ThreadSnapshot) => threadFieldJson(s.thread.threadFields.find((f) => f.key === key)!);
  switch (change) {
    case 'created':
      return {
        type: 'thread.thread_field_created',
        payload: (_, after) => ({ thread: threadJson(after), threadField: field(after) }),
      };
    case 'updated':
      return {
        type: 'thread.thread_field_updated',
        payload: (before, after) => ({
          thread: threadJson(after),
          threadField: field(after),
          previousThreadField: field(before),
        }),
      };
    case 'deleted':
      return {
        type: 'thread.thread_field_deleted',
        payload: (before, after) => ({ thread: threadJson(after), previousThreadField: field(before) }),
      };
  }
}
