import { useId } from 'react';
import { api, unwrap } from '../../api/client.js';
import { PRIORITIES } from '../../lib/format.js';
import { ErrorMessage } from './error-message.js';
import type { PanelThread } from './thread-types.js';
import { useThreadChange } from './use-thread-change.js';

/** Urgent, High, Normal or Low (0 to 3). */
export function PriorityControl({ thread }: { thread: PanelThread }) {
  const errorId = useId();
  const change = useThreadChange(thread.id, (priority: number) =>
    api.changeThreadPriority({ threadId: thread.id, priority }).then(unwrap),
  );
  return (
    <div className="panel-control">
      <label className="field">
        <span>Priority</span>
        <select
          value={change.isPending ? change.variables : thread.priority}
          aria-describedby={change.error ? errorId : undefined}
          onChange={(event) => change.mutate(Number(event.target.value))}
        >
          {PRIORITIES.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <ErrorMessage id={errorId} error={change.error} />
    </div>
  );
}
