import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  DeleteThreadFieldSchemaDocument,
  type SettingsThreadFieldSchemaFragment,
  SettingsThreadFieldSchemasDocument,
} from '../../api/__generated__/graphql.js';
import { request } from '../../api/client.js';
import { Alert } from '../../components/alert.js';
import { CopyButton } from '../../components/copy-button.js';
import { announce } from '../../lib/announcer.js';
import { ConfirmButton } from './confirm-button.js';
import { CreateThreadFieldForm } from './create-thread-field-form.js';
import { EditThreadFieldForm } from './edit-thread-field-form.js';
import { SETTINGS_KEYS } from './query-keys.js';
import { EditButton, EditRow } from './row-editing.js';
import { fieldTypeLabel } from './thread-field-types.js';

/** Thread field schemas: what typed fields a thread can carry. */
export function ThreadFieldsSection() {
  const schemas = useQuery({
    queryKey: SETTINGS_KEYS.threadFieldSchemas,
    queryFn: () => request(SettingsThreadFieldSchemasDocument),
  });
  const list = schemas.data?.threadFieldSchemas.edges.map((e) => e.node) ?? [];
  const nextOrder = list.reduce((max, s) => Math.max(max, s.order + 1), 0);
  return (
    <section aria-labelledby="thread-fields-heading" className="settings-section">
      <h2 id="thread-fields-heading">Thread fields</h2>
      <Alert message={schemas.error && `Could not load thread fields: ${schemas.error.message}`} />
      {schemas.isPending ? (
        <p className="muted">Loading…</p>
      ) : list.length ? (
        <table className="settings-table">
          <caption className="visually-hidden">Thread fields</caption>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Key</th>
              <th scope="col">Type</th>
              <th scope="col">Required</th>
              <th scope="col">Values</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((schema) => (
              <ThreadFieldRow key={schema.id} schema={schema} />
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No thread fields yet.</p>
      )}
      <CreateThreadFieldForm nextOrder={nextOrder} />
    </section>
  );
}

function ThreadFieldRow({ schema }: { schema: SettingsThreadFieldSchemaFragment }) {
  const queryClient = useQueryClient();
  const [isEditing, setEditing] = useState(false);
  const remove = useMutation({
    mutationFn: () => request(DeleteThreadFieldSchemaDocument, { input: { threadFieldSchemaId: schema.id } }),
    onSuccess: async () => {
      announce(`Deleted thread field ${schema.label}`);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: SETTINGS_KEYS.threadFieldSchemas }),
        queryClient.invalidateQueries({ queryKey: ['directory'] }),
      ]);
    },
  });
  return (
    <>
      <tr>
        <th scope="row">
          {schema.label}
          {schema.description && <div className="muted hint">{schema.description}</div>}
        </th>
        <td className="nowrap">
          <code>{schema.key}</code>{' '}
          <CopyButton
            text={schema.key}
            what="field key"
            label="Copy key"
            ariaLabel={`Copy key of ${schema.label}`}
          />
        </td>
        <td>{fieldTypeLabel(schema.type)}</td>
        <td>{schema.isRequired ? 'Yes' : 'No'}</td>
        <td>{schema.enumValues.length ? schema.enumValues.join(', ') : <span className="muted">—</span>}</td>
        <td className="actions">
          <EditButton name={schema.label} isEditing={isEditing} onToggle={() => setEditing(!isEditing)} />
          <ConfirmButton
            label="Delete"
            ariaLabel={`Delete ${schema.label}`}
            confirmLabel="Confirm delete"
            warning="Every thread's value for this field is deleted too."
            onConfirm={() => remove.mutate()}
            isPending={remove.isPending}
          />
          <Alert message={remove.error?.message} />
        </td>
      </tr>
      {isEditing && (
        <EditRow columns={6}>
          <EditThreadFieldForm schema={schema} onDone={() => setEditing(false)} />
        </EditRow>
      )}
    </>
  );
}
