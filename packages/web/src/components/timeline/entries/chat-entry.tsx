import type { EntryOf } from '../entry-types.js';
import { EntryHeader } from './entry-header.js';

/** A message in the conversation: a reply from the workspace, or the customer writing in. */
export function ChatEntryView({
  entry,
  actor,
  iso,
  isFromCustomer,
}: {
  entry: EntryOf<'ChatEntry'>;
  actor: string;
  iso: string;
  isFromCustomer: boolean;
}) {
  return (
    <div
      className={isFromCustomer ? 'chat chat-from-customer' : 'chat chat-from-workspace'}
      data-from={isFromCustomer ? 'customer' : 'workspace'}
    >
      <EntryHeader actor={actor} iso={iso} kind={isFromCustomer ? 'message' : 'reply'} />
      <div className="chat-body plain-body">{entry.chatText}</div>
    </div>
  );
}
