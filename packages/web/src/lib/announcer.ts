/**
 * Short messages ("Copied thread ID", "Marked as done"): shown as a toast and read by screen readers
 * through one aria-live region (components/announcements.tsx).
 */
type Listener = (message: string) => void;
const listeners = new Set<Listener>();

export function announce(message: string): void {
  for (const listener of listeners) listener(message);
}

export function onAnnouncement(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
