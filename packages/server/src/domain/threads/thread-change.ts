import type { Db, Queryable } from '../../storage/db.js';
import type { NoteRecord } from '../../storage/note-repository.js';
import { lockThread, type ThreadColumns, updateThread } from '../../storage/thread-change-repository.js';
import { findThreads, type ThreadRecord } from '../../storage/thread-repository.js';
import { insertTimelineEntries, type TimelineEntryKind } from '../../storage/timeline-repository.js';
import type { ActorRef } from '../actor.js';
import type { Clock } from '../clock.js';
import { notFoundError } from '../errors.js';
import { newId } from '../ids.js';
import { type LiveChange, THREAD_UPDATED } from '../live/live-feed.js';
import type { WebhookOutbox } from '../webhooks/outbox.js';
import {
  entryEvents,
  entryEventTypes,
  type ThreadEventSpec,
  type WrittenEntry,
} from '../webhooks/thread-events.js';

/** A timeline entry a change leaves, written with the change. */
export interface EntryDraft {
  kind: TimelineEntryKind;
  payload?: unknown;
  noteId?: string;
  /** Who the entry shows as its actor; the one making the change unless set (a customer's reply). */
  actor?: ActorRef;
  /** The note of a note entry, for its webhook events. */
  note?: NoteRecord;
}

/** What a change does to a thread: columns to set, rows to write, entries to leave. */
export interface ThreadChange {
  set?: Partial<ThreadColumns>;
  /** Other writes of the change (labels, fields, a note), in the same transaction. */
  write?: (tx: Queryable) => Promise<void>;
  entries?: EntryDraft[];
  /** Webhook events beyond those its entries produce (a thread field's). */
  events?: ThreadEventSpec[];
}

/**
 * Plans a change from the thread as it is now (locked), or returns null when there is nothing to
 * change (the thread is answered as it is and nothing is written). Throws a DomainError to refuse.
 */
export type ChangePlan = (
  thread: ThreadRecord,
  now: Date,
  tx: Queryable,
) => ThreadChange | null | Promise<ThreadChange | null>;

/** Who changes a thread, and the input field that named it (for not_found). */
export interface ChangeOptions {
  workspaceId: string;
  actor: ActorRef;
  threadField?: string;
  /** An open transaction to run in (the snooze scheduler's), instead of a new one. */
  tx?: Queryable;
}

/**
 * Makes the one way every thread change is applied: the thread row is locked, the plan decides,
 * and the new columns, the other writes and the timeline entries are written in one transaction,
 * so a change and the entry that records it are never apart. Returns the thread as it now is.
 */
export function createThreadChanger(deps: { db: Db; clock: Clock; outbox: WebhookOutbox }) {
  const { db, clock, outbox } = deps;
  return async function changeThread(
    options: ChangeOptions,
    threadId: string,
    plan: ChangePlan,
  ): Promise<ThreadRecord> {
    const { workspaceId, actor } = options;
    const run = async (tx: Queryable): Promise<ThreadRecord> => {
      const thread = await lockThread(tx, workspaceId, threadId);
      if (!thread) throw notFoundError(options.threadField ?? 'threadId', 'Thread');
      const now = clock();
      const change = await plan(thread, now, tx);
      if (!change) return thread;
      const entries: WrittenEntry[] = (change.entries ?? []).map((entry) => ({
        id: newId('t'),
        kind: entry.kind,
        timestamp: now,
        actor: entry.actor ?? actor,
        payload: entry.payload,
        noteId: entry.noteId,
        note: entry.note,
      }));
      // Webhook payloads show the thread before and after; read them only when a target wants one.
      const types = [...entries.flatMap(entryEventTypes), ...(change.events ?? []).map((e) => e.type)];
      const wanted = types.length > 0 ? await outbox.subscriptions(tx, workspaceId) : new Set<string>();
      const before = types.some((t) => wanted.has(t)) ? await outbox.snapshot(tx, workspaceId, thread) : null;

      await change.write?.(tx);
      await updateThread(tx, thread, change.set ?? {}, { updatedAt: now, updatedBy: actor });
      await insertTimelineEntries(
        tx,
        entries.map((entry) => ({
          workspaceId,
          id: entry.id,
          threadId: thread.id,
          customerId: thread.customerId,
          kind: entry.kind,
          timestamp: now,
          actor: entry.actor,
          payload: entry.payload,
          noteId: entry.noteId,
        })),
      );
      await outbox.announce(tx, liveChangesOf(workspaceId, thread.id, types));
      const [changed] = await findThreads(tx, workspaceId, [thread.id]);
      if (before) {
        const after = await outbox.snapshot(tx, workspaceId, { ...changed!, customer: before.customer });
        await outbox.emit(tx, workspaceId, [
          ...entryEvents(entries, wanted, before, after),
          ...(change.events ?? [])
            .filter((e) => wanted.has(e.type))
            .map((e) => ({ type: e.type, payload: e.payload(before, after) })),
        ]);
      }
      return changed!;
    };
    return options.tx ? run(options.tx) : db.transaction(run);
  };
}

/**
 * What the live feed hears of a thread change: one change per event type it produces, or one
 * THREAD_UPDATED for a change no webhook event describes (a new title, a custom timeline entry).
 */
function liveChangesOf(workspaceId: string, threadId: string, types: readonly string[]): LiveChange[] {
  const distinct = types.length > 0 ? [...new Set(types)] : [THREAD_UPDATED];
  return distinct.map((type) => ({ kind: 'thread', workspaceId, threadId, type }));
}

/** Applies a change to a thread; see createThreadChanger. */
export type ChangeThread = ReturnType<typeof createThreadChanger>;
