import type { EntryOf } from '../entry-types.js';
import { EntryComponents } from './entry-components.js';
import { EntryHeader } from './entry-header.js';

/** A message made of UI components; a thread's first message is one. */
export function CustomEntryView({
  entry,
  actor,
  iso,
}: {
  entry: EntryOf<'CustomEntry'>;
  actor: string;
  iso: string;
}) {
  return (
    <div className="custom-entry">
      <EntryHeader actor={actor} iso={iso} />
      {entry.title && <h3 className="entry-title">{entry.title}</h3>}
      <EntryComponents components={entry.components} />
    </div>
  );
}
