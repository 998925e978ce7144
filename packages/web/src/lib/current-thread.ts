import { useSyncExternalStore } from 'react';

/** The thread on screen, for the command palette's thread commands. */
export interface CurrentThread {
  id: string;
  ref: string;
  customerId: string;
}

let current: CurrentThread | null = null;
const listeners = new Set<() => void>();

/** Set by the thread page while it shows a thread; null when it leaves. */
export function setCurrentThread(thread: CurrentThread | null): void {
  current = thread;
  for (const listener of listeners) listener();
}

/** Forgets thread `id` if it is the current one (its row or page is leaving the screen). */
export function clearCurrentThread(id: string): void {
  if (current?.id === id) setCurrentThread(null);
}

export function useCurrentThread(): CurrentThread | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
