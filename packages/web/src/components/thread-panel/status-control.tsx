import { useId, useRef, useState } from 'react';
import type { ThreadStatus } from '../../api/__generated__/graphql.js';
import { api, unwrap } from '../../api/client.js';
import { formatTime, SNOOZES, STATUSES } from '../../lib/format.js';
import { ErrorMessage } from './error-message.js';
import type { PanelThread } from './thread-types.js';
import { useThreadChange } from './use-thread-change.js';

type StatusChange = { status: 'TODO' } | { status: 'DONE' } | { status: 'SNOOZED'; seconds: number };

function changeStatus(threadId: string, change: StatusChange) {
  if (change.status === 'TODO') return api.markThreadAsTodo({ threadId }).then(unwrap);
  if (change.status === 'DONE') return api.markThreadAsDone({ threadId }).then(unwrap);
  return api.snoozeThread({ threadId, durationSeconds: change.seconds }).then(unwrap);
}

/** Todo, Snoozed or Done; choosing Snoozed asks for how long before anything changes. */
export function StatusControl({ thread }: { thread: PanelThread }) {
  const [isChoosingSnooze, setChoosingSnooze] = useState(false);
  const statusSelect = useRef<HTMLSelectElement>(null);
  const errorId = useId();
  /** Closes the snooze choices; the keyboard goes back to the select that opened them. */
  const closeChoices = () => {
    setChoosingSnooze(false);
    statusSelect.current?.focus();
  };
  const change = useThreadChange(thread.id, (next: StatusChange) => changeStatus(thread.id, next));
  const shown: ThreadStatus = isChoosingSnooze
    ? 'SNOOZED'
    : change.isPending
      ? change.variables.status
      : thread.status;
  const detail = thread.statusDetail;
  const snoozedUntil =
    thread.status === 'SNOOZED' && detail?.__typename === 'ThreadStatusDetailWaitingForDuration'
      ? detail.waitingUntil.iso8601
      : null;

  return (
    <div className="panel-control">
      <label className="field">
        <span>Status</span>
        <select
          ref={statusSelect}
          value={shown}
          aria-describedby={change.error ? errorId : undefined}
          onChange={(event) => {
            const status = event.target.value as ThreadStatus;
            if (status === 'SNOOZED') setChoosingSnooze(true);
            else {
              setChoosingSnooze(false);
              change.mutate({ status });
            }
          }}
        >
          {STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      {isChoosingSnooze && (
        <fieldset
          className="snooze-choices"
          onKeyDown={(event) => {
            if (event.key === 'Escape') closeChoices();
          }}
        >
          <legend>Snooze for</legend>
          {SNOOZES.map((snooze, index) => (
            <button
              key={snooze.seconds}
              type="button"
              className="button button-small"
              // The choice appeared because of the select: move there so the keyboard can pick one.
              // biome-ignore lint/a11y/noAutofocus: focus follows the user's own action.
              autoFocus={index === 0}
              onClick={() => {
                closeChoices();
                change.mutate({ status: 'SNOOZED', seconds: snooze.seconds });
              }}
            >
              {snooze.label}
            </button>
          ))}
          <button type="button" className="button button-small" onClick={closeChoices}>
            Cancel
          </button>
        </fieldset>
      )}
      {snoozedUntil && !isChoosingSnooze && (
        <p className="muted hint">
          Until <time dateTime={snoozedUntil}>{formatTime(snoozedUntil)}</time>{' '}
          <button type="button" className="button button-small" onClick={() => setChoosingSnooze(true)}>
            Snooze again
          </button>
        </p>
      )}
      <ErrorMessage id={errorId} error={change.error} />
    </div>
  );
}
