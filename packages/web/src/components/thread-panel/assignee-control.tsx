import { useId } from 'react';
import { api, unwrap } from '../../api/client.js';
import { useDirectory } from '../../hooks/use-directory.js';
import { ErrorMessage } from './error-message.js';
import type { PanelThread } from './thread-types.js';
import { useThreadChange } from './use-thread-change.js';

/** Unassigned or one of the workspace's users. */
export function AssigneeControl({ thread }: { thread: PanelThread }) {
  const errorId = useId();
  const { users } = useDirectory();
  const change = useThreadChange(thread.id, (userId: string) =>
    userId
      ? api.assignThread({ threadId: thread.id, userId }).then(unwrap)
      : api.unassignThread({ threadId: thread.id }).then(unwrap),
  );
  const assignee = thread.assignedTo;
  const current = assignee?.id ?? '';
  // A machine user, the system or a user beyond the directory's first page: shown, not offered.
  const isUnlisted = assignee !== null && !users.some((user) => user.id === assignee.id);
  return (
    <div className="panel-control">
      <label className="field">
        <span>Assignee</span>
        <select
          value={change.isPending ? change.variables : current}
          aria-describedby={change.error ? errorId : undefined}
          onChange={(event) => change.mutate(event.target.value)}
        >
          <option value="">Unassigned</option>
          {isUnlisted && (
            <option value={assignee.id} disabled>
              {assignee.__typename === 'System' ? 'System' : assignee.fullName}
            </option>
          )}
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.fullName}
            </option>
          ))}
        </select>
      </label>
      <ErrorMessage id={errorId} error={change.error} />
    </div>
  );
}
