import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  type SettingsLabelTypeFragment,
  SettingsLabelTypesDocument,
} from '../../api/__generated__/graphql.js';
import { api, request, unwrap } from '../../api/client.js';
import { Alert } from '../../components/alert.js';
import { CopyButton } from '../../components/copy-button.js';
import { announce } from '../../lib/announcer.js';
import { ConfirmButton } from './confirm-button.js';
import { FieldError, fieldMessage, formMessage, TextField } from './mutation-errors.js';
import { SETTINGS_KEYS } from './query-keys.js';

/** Label types: create, archive, and copy their ids for API callers. */
export function LabelsSection() {
  const labelTypes = useQuery({
    queryKey: SETTINGS_KEYS.labelTypes,
    queryFn: () => request(SettingsLabelTypesDocument),
  });
  const all = labelTypes.data?.labelTypes.edges.map((e) => e.node) ?? [];
  const active = all.filter((l) => !l.isArchived);
  const archived = all.filter((l) => l.isArchived);
  return (
    <section aria-labelledby="labels-heading" className="settings-section">
      <h2 id="labels-heading">Labels</h2>
      <CreateLabelTypeForm />
      <Alert message={labelTypes.error && `Could not load label types: ${labelTypes.error.message}`} />
      {labelTypes.isPending ? (
        <p className="muted">Loading…</p>
      ) : (
        <LabelTypeTable labelTypes={active} caption="Active label types" canArchive />
      )}
      <h3>Archived</h3>
      {archived.length ? (
        <LabelTypeTable labelTypes={archived} caption="Archived label types" canArchive={false} />
      ) : (
        <p className="muted">No archived label types.</p>
      )}
    </section>
  );
}

/** After any change: the inbox filters and thread panel read label types from ['directory']. */
function useRefreshLabelTypes() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: SETTINGS_KEYS.labelTypes }),
      queryClient.invalidateQueries({ queryKey: ['directory'] }),
    ]);
}

function CreateLabelTypeForm() {
  const [name, setName] = useState('');
  // null until a colour is picked: an <input type="color"> always holds one, but colour is optional.
  const [color, setColor] = useState<string | null>(null);
  const refresh = useRefreshLabelTypes();
  const create = useMutation({
    mutationFn: () => api.createLabelType({ name: name.trim(), color }).then(unwrap),
    onSuccess: async () => {
      announce(`Created label type ${name.trim()}`);
      setName('');
      setColor(null);
      await refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const nameError = fieldMessage(create.error, 'name');
  const colorError = fieldMessage(create.error, 'color');
  const otherError = formMessage(create.error, ['name', 'color']);
  return (
    <form className="card settings-form" onSubmit={submit} aria-labelledby="new-label-type-heading">
      <h3 id="new-label-type-heading">New label type</h3>
      <div className="settings-form-row">
        <TextField
          id="label-type-name"
          label="Name"
          value={name}
          onChange={setName}
          required
          error={nameError}
        />
        <div className="field">
          <label htmlFor="label-type-color">Color</label>
          <span className="color-picker">
            <input
              id="label-type-color"
              type="color"
              value={color ?? '#9ca3af'}
              onChange={(e) => setColor(e.target.value)}
              aria-describedby={colorError ? 'label-type-color-error' : 'label-type-color-hint'}
              aria-invalid={colorError ? true : undefined}
            />
            <span id="label-type-color-hint" className="muted hint">
              {color ? color : 'Optional: none picked'}
            </span>
            {color && (
              <button type="button" className="button button-small" onClick={() => setColor(null)}>
                No color
              </button>
            )}
          </span>
          <FieldError id="label-type-color-error" message={colorError} />
        </div>
      </div>
      <Alert message={otherError} />
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        Create label type
      </button>
    </form>
  );
}

function LabelTypeTable({
  labelTypes,
  caption,
  canArchive,
}: {
  labelTypes: SettingsLabelTypeFragment[];
  caption: string;
  canArchive: boolean;
}) {
  if (!labelTypes.length) return <p className="muted">No label types yet.</p>;
  return (
    <table className="settings-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">ID</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {labelTypes.map((labelType) => (
          <LabelTypeRow key={labelType.id} labelType={labelType} canArchive={canArchive} />
        ))}
      </tbody>
    </table>
  );
}

function LabelTypeRow({
  labelType,
  canArchive,
}: {
  labelType: SettingsLabelTypeFragment;
  canArchive: boolean;
}) {
  const refresh = useRefreshLabelTypes();
  const archive = useMutation({
    mutationFn: () => api.archiveLabelType({ labelTypeId: labelType.id }).then(unwrap),
    onSuccess: async () => {
      announce(`Archived label type ${labelType.name}`);
      await refresh();
    },
  });
  return (
    <tr>
      <th scope="row">
        <span className="label-name">
          <span
            className="label-dot"
            style={{ background: labelType.color ?? 'var(--border)' }}
            aria-hidden="true"
          />
          {labelType.name}
        </span>
      </th>
      <td>
        <code>{labelType.id}</code>
      </td>
      <td className="actions">
        <CopyButton
          text={labelType.id}
          what="label type ID"
          label="Copy ID"
          ariaLabel={`Copy ID of ${labelType.name}`}
        />
        {canArchive && (
          <ConfirmButton
            label="Archive"
            ariaLabel={`Archive ${labelType.name}`}
            confirmLabel="Confirm archive"
            onConfirm={() => archive.mutate()}
            isPending={archive.isPending}
          />
        )}
        <Alert message={archive.error?.message} />
      </td>
    </tr>
  );
}
