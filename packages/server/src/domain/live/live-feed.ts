/**
 * The live feed: every change to a thread or customer, told to this process's subscribers (the web
 * app's open /live streams) once the change is committed. It carries ids and an event type, never
 * data: a browser re-reads what it shows through GraphQL, with its own permissions.
 *
 * The feed itself is per process. On PostgreSQL, live-relay.ts carries every process's changes to
 * every other (NOTIFY); with PGlite there is only one process.
 */

/** A thread changed: its webhook event type, or `thread.thread_updated` for a change without one (a new title). */
export interface LiveThreadChange {
  kind: 'thread';
  workspaceId: string;
  threadId: string;
  type: string;
}

/** A customer changed (created, updated, deleted, or an event added to their timeline). */
export interface LiveCustomerChange {
  kind: 'customer';
  workspaceId: string;
  customerId: string;
  type: string;
}

/** One change the live feed carries. */
export type LiveChange = LiveThreadChange | LiveCustomerChange;

/** The type of a thread change that no webhook event describes (Threadline's own, live only). */
export const THREAD_UPDATED = 'thread.thread_updated';

/**
 * Changes may have been missed (the process's connection to the other processes was lost for a
 * while): a subscriber should re-read everything it shows.
 */
export interface LiveResync {
  kind: 'resync';
}

/** What a subscriber hears: a change of its workspace, or a resync. */
export type LiveMessage = LiveChange | LiveResync;

type Listener = (message: LiveMessage) => void;

/** Calls each listener; one that throws does not stop the others. */
function tell(set: Iterable<Listener>, message: LiveMessage): void {
  for (const listener of set) {
    try {
      listener(message);
    } catch {
      // A broken stream is cleaned up by its own close handler.
    }
  }
}

/** Makes a feed with no subscribers. */
export function createLiveFeed() {
  // Subscribers by workspace, so a change is offered only to that workspace's streams.
  const listeners = new Map<string, Set<Listener>>();
  let count = 0;

  return {
    /** Tells the change's workspace's subscribers. */
    publish(change: LiveChange): void {
      const set = listeners.get(change.workspaceId);
      if (set) tell(set, change);
    },

    /** Tells every subscriber of every workspace that changes may have been missed. */
    resync(): void {
      for (const set of listeners.values()) tell(set, { kind: 'resync' });
    },

    /** Listens to one workspace's changes until the returned function is called. */
    subscribe(workspaceId: string, listener: Listener): () => void {
      let set = listeners.get(workspaceId);
      if (!set) {
        set = new Set();
        listeners.set(workspaceId, set);
      }
      set.add(listener);
      count++;
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        count--;
        set.delete(listener);
        if (set.size === 0 && listeners.get(workspaceId) === set) listeners.delete(workspaceId);
      };
    },

    /** How many subscribers there are (for the connection cap). */
    get subscriberCount(): number {
      return count;
    },
  };
}

/** The live feed's interface. */
export type LiveFeed = ReturnType<typeof createLiveFeed>;
