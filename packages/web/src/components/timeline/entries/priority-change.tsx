import { priorityLabel } from '../../../lib/format.js';
import type { EntryOf } from '../entry-types.js';
import { ChangeLine } from './change-line.js';

/** "<actor> changed priority from Normal to Urgent". */
export function PriorityChangeView({
  entry,
  actor,
  iso,
}: {
  entry: EntryOf<'ThreadPriorityChangedEntry'>;
  actor: string;
  iso: string;
}) {
  return (
    <ChangeLine actor={actor} iso={iso}>
      changed priority from <strong>{priorityLabel(entry.previousPriority)}</strong> to{' '}
      <strong>{priorityLabel(entry.nextPriority)}</strong>
    </ChangeLine>
  );
}
