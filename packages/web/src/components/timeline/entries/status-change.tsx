import { formatTime, statusLabel, timeAgo } from '../../../lib/format.js';
import type { EntryOf } from '../entry-types.js';
import { ChangeLine } from './change-line.js';

/** "<actor> changed status from Todo to Done", with the time a snooze ends. */
export function StatusChangeView({
  entry,
  actor,
  iso,
}: {
  entry: EntryOf<'ThreadStatusTransitionedEntry'>;
  actor: string;
  iso: string;
}) {
  const detail = entry.nextStatusDetail;
  const snoozedUntil =
    detail?.__typename === 'ThreadStatusDetailWaitingForDuration' ? detail.waitingUntil : null;
  return (
    <ChangeLine actor={actor} iso={iso}>
      changed status from <strong>{statusLabel(entry.previousStatus)}</strong> to{' '}
      <strong>{statusLabel(entry.nextStatus)}</strong>
      {snoozedUntil && (
        <>
          {' '}
          until <SnoozeEnd iso={snoozedUntil.iso8601} />
        </>
      )}
      {detail?.__typename === 'ThreadStatusDetailWaitingForCustomer' && ' until the customer replies'}
    </ChangeLine>
  );
}

/** A snooze's end reads better as a date ("Nov 21, 10:32 PM") than "in 3 days": relative in the title. */
function SnoozeEnd({ iso }: { iso: string }) {
  return (
    <time className="snooze-until" dateTime={iso} title={timeAgo(iso)}>
      {formatTime(iso)}
    </time>
  );
}
