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

/**
 * Keeps what the app shows current: the server pushes every change of the workspace over server-sent
 * events (GET /live, fed by the same outbox as webhooks) and the queries that show it are refreshed.
 * Nothing is polled. Returns whether the stream is connected (EventSource reconnects by itself).
 */
export function useLiveUpdates(): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = new EventSource('/live');
    const refresh = batched(queryClient);
    const refreshEverything = () => void queryClient.invalidateQueries();
    let lostOnce = false;
    source.onopen = () => {
      setConnected(true);
      // Changes made while the stream was down were never sent: refresh everything shown once.
      if (lostOnce) refreshEverything();
    };
    // The server may have missed changes itself (its process lost the others for a while).
    source.addEventListener('resync', refreshEverything);
    source.onerror = () => {
      lostOnce = true;
      setConnected(false);
    };
    source.addEventListener('thread', (event) => {
      const change = JSON.parse((event as MessageEvent<string>).data) as ThreadChange;
      refresh(['thread', change.threadId], ['timeline', change.threadId], ['threads'], ['customer']);
    });
    source.addEventListener('customer', (event) => {
      const change = JSON.parse((event as MessageEvent<string>).data) as CustomerChange;
      refresh(['customer', change.customerId], ['threads']);
    });
    return () => source.close();
  }, [queryClient]);
  return connected;
}

/** Invalidates query keys, each once per batch window however many changes name it. */
function batched(queryClient: QueryClient) {
  const pending = new Map<string, readonly unknown[]>();
  const flush = () => {
    const keys = [...pending.values()];
    pending.clear();
    for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
  };
  return (...keys: (readonly unknown[])[]) => {
    // The first change of a batch schedules the flush; later ones only add their keys.
    if (pending.size === 0) setTimeout(flush, BATCH_MS);
    for (const key of keys) pending.set(JSON.stringify(key), key);
  };
}
