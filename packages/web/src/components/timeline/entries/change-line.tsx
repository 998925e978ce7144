import type { ReactNode } from 'react';
import { EntryTime } from '../entry-time.js';

/** A one-line entry for a change to the thread: "<actor> <what changed>", then when. */
export function ChangeLine({ actor, iso, children }: { actor: string; iso: string; children: ReactNode }) {
  return (
    <p className="entry-change">
      <span className="entry-actor">{actor}</span> {children} <EntryTime iso={iso} />
    </p>
  );
}
