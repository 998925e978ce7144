import { useId, useRef } from 'react';
import { api, unwrap } from '../../api/client.js';
import { useDirectory } from '../../hooks/use-directory.js';
import { ErrorMessage } from './error-message.js';
import type { PanelThread } from './thread-types.js';
import { useThreadChange } from './use-thread-change.js';

type LabelChange = { add: string } | { remove: string };

/** The thread's labels, each removable, and a picker of the active label types it does not have. */
export function LabelsControl({ thread }: { thread: PanelThread }) {
  const errorId = useId();
  const addSelect = useRef<HTMLSelectElement>(null);
  const { labelTypes } = useDirectory();
  const change = useThreadChange(thread.id, (next: LabelChange) =>
    'add' in next
      ? api.addLabels({ threadId: thread.id, labelTypeIds: [next.add] }).then(unwrap)
      : api.removeLabels({ labelIds: [next.remove] }).then(unwrap),
  );
  const onThread = new Set(thread.labels.map((label) => label.labelType.id));
  const addable = labelTypes.filter((type) => !onThread.has(type.id));

  return (
    <fieldset className="panel-control panel-fieldset">
      <legend className="panel-heading">Labels</legend>
      {thread.labels.length > 0 ? (
        <ul className="panel-labels">
          {thread.labels.map((label) => (
            <li key={label.id} className="label-chip">
              <span
                className="label-dot"
                style={{ background: label.labelType.color ?? 'var(--muted)' }}
                aria-hidden="true"
              />
              {label.labelType.name}
              <button
                type="button"
                className="label-remove"
                aria-label={`Remove label ${label.labelType.name}`}
                disabled={change.isPending}
                onClick={() => {
                  change.mutate({ remove: label.id });
                  // The chip, and this button, go away: keep the keyboard in the labels.
                  addSelect.current?.focus();
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted hint">No labels.</p>
      )}
      <label className="field">
        <span className="visually-hidden">Add label</span>
        <select
          ref={addSelect}
          value=""
          // Never disabled, only marked so (while a change saves, or with nothing to add): a disabled
          // select cannot take the focus that removing a label hands it, nor keep it while saving.
          aria-disabled={change.isPending || addable.length === 0 || undefined}
          aria-describedby={change.error ? errorId : undefined}
          onChange={(event) => {
            if (event.target.value && !change.isPending) change.mutate({ add: event.target.value });
          }}
        >
          <option value="">{addable.length === 0 ? 'No more labels' : 'Add label…'}</option>
          {addable.map((type) => (
            <option key={type.id} value={type.id}>
              {type.name}
            </option>
          ))}
        </select>
      </label>
      <ErrorMessage id={errorId} error={change.error} />
    </fieldset>
  );
}
