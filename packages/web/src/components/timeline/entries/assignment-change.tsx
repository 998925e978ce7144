import { AssigneeName } from '../../assignee-name.js';
import type { EntryOf } from '../entry-types.js';
import { ChangeLine } from './change-line.js';

/** "<actor> assigned to X" or "<actor> unassigned X". */
export function AssignmentChangeView({
  entry,
  actor,
  iso,
}: {
  entry: EntryOf<'ThreadAssignmentTransitionedEntry'>;
  actor: string;
  iso: string;
}) {
  const { previousAssignee, nextAssignee } = entry;
  return (
    <ChangeLine actor={actor} iso={iso}>
      {nextAssignee ? (
        <>
          assigned to{' '}
          <strong>
            <AssigneeName assignee={nextAssignee} />
          </strong>
        </>
      ) : previousAssignee ? (
        <>
          unassigned{' '}
          <strong>
            <AssigneeName assignee={previousAssignee} />
          </strong>
        </>
      ) : (
        'unassigned the thread'
      )}
    </ChangeLine>
  );
}
