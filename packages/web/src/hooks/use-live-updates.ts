import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/** What /live sends for a change to a thread or a customer. */
interface ThreadChange {
  threadId: string;
  type: string;
}
interface CustomerChange {
  customerId: string;
}

/** Changes arriving within this window refresh the inbox once. */
const BATCH_MS = 150;

/** Waits before opening a stream the browser gave up on: doubling from 1 s to 30 s. */
const REOPEN_MIN_MS = 1000;
const REOPEN_MAX_MS = 30_000;

/**
 * Keeps what the app shows current: the server pushes every change of the workspace over server-sent
 * events (GET /live, fed by the same outbox as webhooks) and the queries that show it are refreshed.
 * Nothing is polled. Returns whether the stream is connected.
 *
 * EventSource reconnects by itself after a dropped connection, but gives up for good when an attempt
 * is answered with an error status (a 503 when the server has too many streams, a proxy's 502 during
 * a deploy, a 401 once the session has ended): then a new one is opened, after a growing wait.
 */
export function useLiveUpdates(): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const refresh = batched(queryClient);
    const refreshEverything = () => void queryClient.invalidateQueries();
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let reopenDelay = REOPEN_MIN_MS;
    let lostOnce = false;

    const open = () => {
      const next = new EventSource('/live');
      source = next;
      next.onopen = () => {
        setConnected(true);
        reopenDelay = REOPEN_MIN_MS;
        // Changes made while the stream was down were never sent: refresh everything shown once.
        if (lostOnce) refreshEverything();
      };
      next.onerror = () => {
        lostOnce = true;
        setConnected(false);
        if (next.readyState !== EventSource.CLOSED) return;
        // Given up: perhaps the session ended, which the session query finds out (and signs out).
        void queryClient.invalidateQueries({ queryKey: ['session'] });
        reopen = setTimeout(open, reopenDelay);
        reopenDelay = Math.min(reopenDelay * 2, REOPEN_MAX_MS);
      };
      // The server may have missed changes itself (its process lost the others for a while).
      next.addEventListener('resync', refreshEverything);
      next.addEventListener('thread', (event) => {
        const change = parse<ThreadChange>(event);
        if (change)
          refresh(['thread', change.threadId], ['timeline', change.threadId], ['threads'], ['customer']);
        else refreshEverything();
      });
      next.addEventListener('customer', (event) => {
        const change = parse<CustomerChange>(event);
        if (change) refresh(['customer', change.customerId], ['threads']);
        else refreshEverything();
      });
    };
    open();
    return () => {
      clearTimeout(reopen);
      source?.close();
      refresh.cancel();
    };
  }, [queryClient]);
  return connected;
}

/** An event's JSON data, or null when it cannot be read (then the caller refreshes everything). */
function parse<T>(event: Event): T | null {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T;
  } catch {
    return null;
  }
}

/** Invalidates query keys, each once per batch window however many changes name it. */
function batched(queryClient: QueryClient) {
  const pending = new Map<string, readonly unknown[]>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const keys = [...pending.values()];
    pending.clear();
    for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
  };
  const add = (...keys: (readonly unknown[])[]) => {
    // The first change of a batch schedules the flush; later ones only add their keys.
    if (timer === undefined) timer = setTimeout(flush, BATCH_MS);
    for (const key of keys) pending.set(JSON.stringify(key), key);
  };
  /** Drops what is pending (the app is leaving). */
  add.cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    pending.clear();
  };
  return add;
}
