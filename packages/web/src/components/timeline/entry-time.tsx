import { formatTime, timeAgo } from '../../lib/format.js';

/** When something happened: relative on screen, the exact time on hover and in dateTime. */
export function EntryTime({ iso }: { iso: string }) {
  return (
    <time className="entry-time muted" dateTime={iso} title={formatTime(iso)}>
      {timeAgo(iso)}
    </time>
  );
}
