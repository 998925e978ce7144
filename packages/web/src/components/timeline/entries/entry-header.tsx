import type { ReactNode } from 'react';
import { EntryTime } from '../entry-time.js';

/** The line above a message-like entry: who, what kind (note, event) and when. */
export function EntryHeader({ actor, iso, kind }: { actor: string; iso: string; kind?: ReactNode }) {
  return (
    <header className="entry-header">
      <span className="entry-actor">{actor}</span>
      {kind && <span className="entry-kind muted">{kind}</span>}
      <EntryTime iso={iso} />
    </header>
  );
}
