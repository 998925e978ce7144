import { useEffect } from 'react';
import { Link } from 'wouter';
import type { ThreadRowFragment } from '../api/__generated__/graphql.js';
import { clearCurrentThread, setCurrentThread } from '../lib/current-thread.js';
import { formatTime, priorityLabel, timeAgo } from '../lib/format.js';
import { AssigneeName } from './assignee-name.js';
import { LabelChips } from './label-chips.js';

/** One thread in a list: priority, ref, title, customer, labels, assignee and when its status changed. */
export function ThreadRowItem({ thread }: { thread: ThreadRowFragment }) {
  // A row that leaves the screen (another filter, another page) is no longer what the palette acts on.
  useEffect(() => () => clearCurrentThread(thread.id), [thread.id]);
  return (
    <li className="thread-row" data-thread-id={thread.id}>
      <Link
        href={`/threads/${thread.id}`}
        className="thread-row-link"
        // A focused row is the thread the command palette acts on, as an open thread is.
        onFocus={() => setCurrentThread({ id: thread.id, ref: thread.ref, customerId: thread.customer.id })}
      >
        <span
          className={`priority priority-${thread.priority}`}
          title={`Priority: ${priorityLabel(thread.priority)}`}
        >
          {priorityLabel(thread.priority)}
        </span>
        <span className="ref">{thread.ref}</span>
        <span className="thread-row-main">
          <span className="thread-title">{thread.title}</span>
          <span className="muted thread-preview">
            {thread.customer.fullName}
            {thread.previewText ? ` · ${thread.previewText}` : ''}
          </span>
        </span>
        {/* Always a cell, so rows without labels keep their columns aligned. */}
        <span>
          <LabelChips labels={thread.labels} />
        </span>
        <span className="muted assignee">
          {thread.assignedTo ? <AssigneeName assignee={thread.assignedTo} /> : 'Unassigned'}
        </span>
        <time
          className="muted"
          dateTime={thread.statusChangedAt.iso8601}
          title={formatTime(thread.statusChangedAt.iso8601)}
        >
          {timeAgo(thread.statusChangedAt.iso8601)}
        </time>
      </Link>
    </li>
  );
}
