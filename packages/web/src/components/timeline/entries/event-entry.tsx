import type { EntryOf } from '../entry-types.js';
import { EntryComponents } from './entry-components.js';
import { EntryHeader } from './entry-header.js';

/** A customer or thread event (createCustomerEvent, createThreadEvent): a card with a title and components. */
export function EventEntryView({
  entry,
  actor,
  iso,
}: {
  entry: EntryOf<'CustomerEventEntry' | 'ThreadEventEntry'>;
  actor: string;
  iso: string;
}) {
  const kind = entry.__typename === 'CustomerEventEntry' ? 'customer event' : 'thread event';
  return (
    <div className="event-card">
      <EntryHeader actor={actor} iso={iso} kind={kind} />
      <h3 className="entry-title">{entry.title}</h3>
      <EntryComponents components={entry.components} />
    </div>
  );
}
