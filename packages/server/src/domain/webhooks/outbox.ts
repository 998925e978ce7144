import { findCustomer } from '../../storage/customer-repository.js';
import { type Db, type Queryable, whenCommitted } from '../../storage/db.js';
import { findMachineUsers, findUsers } from '../../storage/identity-repository.js';
import type { ThreadRecord } from '../../storage/thread-repository.js';
import { insertWebhookEvents, subscribedEventTypes } from '../../storage/webhook-outbox-repository.js';
import { actorKind } from '../actor.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import type { LiveChange, LiveFeed } from '../live/live-feed.js';
import { createLiveSender } from '../live/live-relay.js';
import type { WebhookEventType } from './event-types.js';
import type { Assignee, ThreadSnapshot } from './webhook-json.js';

/** An event a change produces: its type and its payload (without `eventType`, added here). */
export interface WebhookEventDraft {
  type: WebhookEventType;
  payload: Record<string, unknown>;
}

/** Something to tell when deliveries are waiting (the delivery worker). */
export interface DeliveryDoorbell {
  ring(): void;
}

/**
 * A doorbell the services ring before the worker exists: the server connects the worker once it
 * has started it. Rings before that (or without a worker, in a tool) go unheard; polls find them.
 */
export function createDoorbell(): DeliveryDoorbell & { connect(listener: () => void): void } {
  let listener: (() => void) | null = null;
  return {
    ring: () => listener?.(),
    connect(next) {
      listener = next;
    },
  };
}

/**
 * The webhook outbox as the domain uses it. A change asks which event types the workspace's enabled
 * targets want (one small query) and builds payloads only for those, then writes the events in its
 * own transaction: a change and its events are committed together or not at all. Once committed,
 * the delivery worker is told, so the first attempt does not wait for its next poll.
 */
export function createWebhookOutbox(deps: {
  db: Db;
  clock: Clock;
  doorbell: DeliveryDoorbell;
  live: LiveFeed;
  /** Told of failures of work done after a request has been answered (sending live changes). */
  onBackgroundError: (error: unknown) => void;
}) {
  const { db, clock, doorbell, live, onBackgroundError } = deps;

  // On PostgreSQL changes travel through NOTIFY to every process, this one included (live-relay.ts).
  const relay = db.listen ? createLiveSender(db, onBackgroundError) : null;

  /**
   * Tells the live feed about changes once `q`'s writes are committed. Every change announces
   * itself, whether or not a webhook target subscribes (events are written only when one does).
   */
  async function announce(q: Queryable, changes: readonly LiveChange[]): Promise<void> {
    if (changes.length === 0) return;
    whenCommitted(q, () => {
      if (relay) relay(changes);
      else for (const change of changes) live.publish(change);
    });
  }

  /** Writes events (those no target wants are dropped by the insert itself). */
  async function emit(
    q: Queryable,
    workspaceId: string,
    drafts: readonly WebhookEventDraft[],
  ): Promise<void> {
    if (drafts.length === 0) return;
    const now = clock();
    await insertWebhookEvents(
      q,
      workspaceId,
      drafts.map((draft) => ({
        id: newId('pEv'),
        type: draft.type,
        timestamp: now,
        payload: { eventType: draft.type, ...draft.payload },
      })),
      now,
    );
    whenCommitted(q, () => doorbell.ring());
  }

  return {
    /** The event types some enabled target of the workspace subscribes to. */
    subscriptions: (q: Queryable, workspaceId: string) => subscribedEventTypes(q, workspaceId),

    emit,

    announce,

    /**
     * Runs a write that may produce events of `types`. When no enabled target wants any of them it
     * runs as it is (one statement, no transaction); otherwise the write and its events, built from
     * the write's result, go in one transaction. A target saved while the write runs applies from
     * the next change on. `changes` names what the result changed, for the live feed.
     */
    async record<T>(
      workspaceId: string,
      types: readonly WebhookEventType[],
      write: (q: Queryable) => Promise<T>,
      events: (result: T, q: Queryable, wanted: ReadonlySet<string>) => Promise<WebhookEventDraft[]>,
      changes: (result: T) => LiveChange[],
    ): Promise<T> {
      const wanted = await subscribedEventTypes(db, workspaceId);
      if (!types.some((type) => wanted.has(type))) {
        const result = await write(db);
        await announce(db, changes(result));
        return result;
      }
      return db.transaction(async (tx) => {
        const result = await write(tx);
        await announce(tx, changes(result));
        const drafts = await events(result, tx, wanted);
        await emit(
          tx,
          workspaceId,
          drafts.filter((draft) => wanted.has(draft.type)),
        );
        return result;
      });
    },

    /** A thread with its customer and assignee, as a payload shows it; read in the caller's transaction. */
    async snapshot(q: Queryable, workspaceId: string, thread: ThreadRecord): Promise<ThreadSnapshot> {
      const customer =
        thread.customer ?? (await findCustomer(q, workspaceId, { customerId: thread.customerId }))!;
      return { thread, customer, assignee: await findAssignee(q, workspaceId, thread.assignedTo) };
    },
  };
}

async function findAssignee(q: Queryable, workspaceId: string, id: string | null): Promise<Assignee | null> {
  if (!id) return null;
  if (actorKind(id) === 'machineUser') {
    const [machineUser] = await findMachineUsers(q, workspaceId, [id]);
    return machineUser ? { kind: 'machineUser', machineUser } : null;
  }
  const [user] = await findUsers(q, workspaceId, [id]);
  return user ? { kind: 'user', user } : null;
}

/** The webhook outbox's interface. */
export type WebhookOutbox = ReturnType<typeof createWebhookOutbox>;
