import type { ThreadRecord, ThreadStatus } from '../../storage/thread-repository.js';
import type { ActorRef } from '../actor.js';
import type { ThreadChange } from './thread-change.js';

/** A status detail as a status-transition entry keeps it (times as ISO strings). */
export interface StatusDetailSnapshot {
  /** Plain's StatusDetailType: CREATED, WAITING_FOR_DURATION, DONE_MANUALLY_SET, … */
  type: string;
  statusChangedAt: string;
  /** For WAITING_FOR_DURATION (and a WAITING_FOR_CUSTOMER snooze with a duration). */
  waitingUntil: string | null;
  /** The thread's creation time, which ThreadStatusDetailCreated shows. */
  createdAt: string;
}

/** The payload of a ThreadStatusTransitionedEntry. */
export interface StatusTransitionPayload {
  previousStatus: ThreadStatus;
  previousStatusDetail: StatusDetailSnapshot;
  nextStatus: ThreadStatus;
  nextStatusDetail: StatusDetailSnapshot;
}

/** Where a status change takes a thread. */
export interface StatusTarget {
  status: ThreadStatus;
  statusDetail: string;
  snoozedUntil: Date | null;
}

function snapshot(
  thread: ThreadRecord,
  detail: string,
  changedAt: Date,
  waitingUntil: Date | null,
): StatusDetailSnapshot {
  return {
    type: detail,
    statusChangedAt: changedAt.toISOString(),
    waitingUntil: waitingUntil?.toISOString() ?? null,
    createdAt: thread.createdAt.toISOString(),
  };
}

/**
 * The change that moves a thread to `target`, with its ThreadStatusTransitionedEntry; null when the
 * thread is already there (same status, detail and wake-up time), so a repeated call writes nothing.
 */
export function transitionStatus(
  thread: ThreadRecord,
  target: StatusTarget,
  now: Date,
  actor: ActorRef,
): ThreadChange | null {
  const sameWakeUp = (thread.snoozedUntil?.getTime() ?? null) === (target.snoozedUntil?.getTime() ?? null);
  if (thread.status === target.status && thread.statusDetail === target.statusDetail && sameWakeUp)
    return null;
  const payload: StatusTransitionPayload = {
    previousStatus: thread.status,
    previousStatusDetail: snapshot(thread, thread.statusDetail, thread.statusChangedAt, thread.snoozedUntil),
    nextStatus: target.status,
    nextStatusDetail: snapshot(thread, target.statusDetail, now, target.snoozedUntil),
  };
  return {
    set: {
      status: target.status,
      statusDetail: target.statusDetail,
      statusChangedAt: now,
      statusChangedBy: actor,
      snoozedUntil: target.snoozedUntil,
    },
    entries: [{ kind: 'status_transitioned', payload, actor }],
  };
}

/** Joins changes made by one call (a customer's reply that also reopens the thread). */
export function combineChanges(...changes: (ThreadChange | null)[]): ThreadChange {
  const present = changes.filter((c): c is ThreadChange => c !== null);
  return {
    set: Object.assign({}, ...present.map((c) => c.set ?? {})),
    write: async (tx) => {
      for (const c of present) await c.write?.(tx);
    },
    entries: present.flatMap((c) => c.entries ?? []),
  };
}
