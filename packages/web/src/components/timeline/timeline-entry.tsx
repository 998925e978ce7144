import type { ComponentProps, ReactNode } from 'react';
import type { TimelineItemFragment } from '../../api/__generated__/graphql.js';
import { actorName, isCustomerActor } from './actor-name.js';
import { AssignmentChangeView } from './entries/assignment-change.js';
import { ChatEntryView } from './entries/chat-entry.js';
import { CustomEntryView } from './entries/custom-entry.js';
import { EventEntryView } from './entries/event-entry.js';
import { LabelsChangeView } from './entries/labels-change.js';
import { NoteEntryView } from './entries/note-entry.js';
import { PriorityChangeView } from './entries/priority-change.js';
import { StatusChangeView } from './entries/status-change.js';

/**
 * One timeline entry as an article. `footer` adds to it (the customer page links the thread); other
 * props go on the article (the virtual list positions and measures it).
 */
export function TimelineEntry({
  item,
  footer,
  ...articleProps
}: { item: TimelineItemFragment; footer?: ReactNode } & ComponentProps<'article'>) {
  return (
    <article
      {...articleProps}
      className="timeline-entry"
      data-entry-type={item.entry.__typename}
      data-entry-id={item.id}
    >
      <EntryBody item={item} />
      {footer}
    </article>
  );
}

function EntryBody({ item }: { item: TimelineItemFragment }) {
  const actor = actorName(item.actor);
  const iso = item.timestamp.iso8601;
  const { entry } = item;
  switch (entry.__typename) {
    case 'CustomEntry':
      return <CustomEntryView entry={entry} actor={actor} iso={iso} />;
    case 'CustomerEventEntry':
    case 'ThreadEventEntry':
      return <EventEntryView entry={entry} actor={actor} iso={iso} />;
    case 'NoteEntry':
      return <NoteEntryView entry={entry} actor={actor} iso={iso} />;
    case 'ChatEntry':
      return (
        <ChatEntryView entry={entry} actor={actor} iso={iso} isFromCustomer={isCustomerActor(item.actor)} />
      );
    case 'ThreadStatusTransitionedEntry':
      return <StatusChangeView entry={entry} actor={actor} iso={iso} />;
    case 'ThreadAssignmentTransitionedEntry':
      return <AssignmentChangeView entry={entry} actor={actor} iso={iso} />;
    case 'ThreadLabelsChangedEntry':
      return <LabelsChangeView entry={entry} actor={actor} iso={iso} />;
    case 'ThreadPriorityChangedEntry':
      return <PriorityChangeView entry={entry} actor={actor} iso={iso} />;
  }
}
