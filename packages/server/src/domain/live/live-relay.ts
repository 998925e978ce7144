/**
 * Carries live changes between server processes on one PostgreSQL: once a change is committed its
 * process sends it with pg_notify (batched, off the write's path: createLiveSender), and every
 * process (the sender too) publishes what it hears to its own feed.
 */
import type { Db, Queryable } from '../../storage/db.js';
import { LIVE_CHANNEL, notifyLive } from '../../storage/live-notify-repository.js';
import type { LiveChange, LiveFeed } from './live-feed.js';

/** PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more; changes are batched below that. */
const MAX_PAYLOAD_BYTES = 7000;

/** Packs changes into as few JSON-array payloads as fit under the limit. */
export function encodeLiveChanges(changes: readonly LiveChange[]): string[] {
  const payloads: string[] = [];
  let batch: string[] = [];
  let size = 2;
  for (const change of changes) {
    const json = JSON.stringify(change);
    if (batch.length > 0 && size + json.length + 1 > MAX_PAYLOAD_BYTES) {
      payloads.push(`[${batch.join(',')}]`);
      batch = [];
      size = 2;
    }
    batch.push(json);
    size += json.length + 1;
  }
  if (batch.length > 0) payloads.push(`[${batch.join(',')}]`);
  return payloads;
}

function isLiveChange(value: unknown): value is LiveChange {
  const c = value as Partial<Record<string, unknown>>;
  if (typeof c?.workspaceId !== 'string' || typeof c.type !== 'string') return false;
  return (
    (c.kind === 'thread' && typeof c.threadId === 'string') ||
    (c.kind === 'customer' && typeof c.customerId === 'string')
  );
}

/** Reads a payload back; anything malformed (another program on the channel) is dropped. */
export function decodeLiveChanges(payload: string): LiveChange[] {
  try {
    const parsed: unknown = JSON.parse(payload);
    return Array.isArray(parsed) ? parsed.filter(isLiveChange) : [];
  } catch {
    return [];
  }
}

/** Sends changes to every process in one statement on `q`. */
export function sendLiveChanges(q: Queryable, changes: readonly LiveChange[]): Promise<void> {
  return notifyLive(q, encodeLiveChanges(changes));
}

/**
 * Sends committed changes to every process off the path of the writes that made them: changes queue
 * while one statement is in flight and go together in the next, so a burst of writes costs a few
 * statements rather than a round trip each (sending inside each write's transaction cut createThread
 * on PostgreSQL by a third). A change is lost if its process dies between the commit and the send;
 * the live stream is a hint to refresh (webhooks have their own outbox), and the web app refreshes
 * everything when its stream reconnects.
 */
export function createLiveSender(db: Queryable, onError: (error: unknown) => void) {
  let queued: LiveChange[] = [];
  let sending = false;
  async function drain(): Promise<void> {
    sending = true;
    while (queued.length > 0) {
      const batch = queued;
      queued = [];
      await sendLiveChanges(db, batch).catch(onError);
    }
    sending = false;
  }
  return (changes: readonly LiveChange[]): void => {
    queued.push(...changes);
    if (!sending) void drain();
  };
}

/**
 * Publishes to `live` what any process sends; returns how to stop listening. Changes sent while the
 * listening connection was lost are missed: once it listens again, every stream is told to resync.
 */
export function relayLiveChanges(listen: NonNullable<Db['listen']>, live: LiveFeed) {
  return listen(
    LIVE_CHANNEL,
    (payload) => {
      for (const change of decodeLiveChanges(payload)) live.publish(change);
    },
    () => live.resync(),
  );
}
