import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import {
  CreateApiKeyDocument,
  DeleteApiKeyDocument,
  type SettingsMachineUsersQuery,
  UpdateApiKeyDocument,
} from '../../api/__generated__/graphql.js';
import { request } from '../../api/client.js';
import { Alert } from '../../components/alert.js';
import { announce } from '../../lib/announcer.js';
import { formatTime, timeAgo } from '../../lib/format.js';
import { ApiKeyForm } from './api-key-form.js';
import { ConfirmButton } from './confirm-button.js';
import { NewApiKeySecret } from './new-api-key-secret.js';
import { SETTINGS_KEYS } from './query-keys.js';
import { EditButton, EditRow } from './row-editing.js';

type MachineUser = SettingsMachineUsersQuery['machineUsers']['edges'][number]['node'];
type ApiKey = MachineUser['apiKeys']['edges'][number]['node'];

/** One machine user: its keys, revocable, and a form for another. */
export function MachineUserKeys({
  machineUser,
  availablePermissions,
}: {
  machineUser: MachineUser;
  availablePermissions: readonly string[];
}) {
  const headingId = useId();
  const queryClient = useQueryClient();
  // Held here, not in the query cache: the secret must not outlive this screen.
  const [newSecret, setNewSecret] = useState<string | null>(null);
  const keys = machineUser.apiKeys.edges.map((e) => e.node);
  return (
    <section className="card machine-user" aria-labelledby={headingId}>
      <h3 id={headingId}>{machineUser.fullName}</h3>
      {machineUser.description && <p className="muted">{machineUser.description}</p>}
      {keys.length ? (
        <table className="settings-table">
          <caption className="visually-hidden">API keys of {machineUser.fullName}</caption>
          <thead>
            <tr>
              <th scope="col">Description</th>
              <th scope="col">Permissions</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <ApiKeyRow key={key.id} apiKey={key} availablePermissions={availablePermissions} />
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No API keys.</p>
      )}
      {newSecret && <NewApiKeySecret secret={newSecret} onDone={() => setNewSecret(null)} />}
      <h4>New API key</h4>
      <ApiKeyForm
        ariaLabel="Create API key"
        submitLabel="Create API key"
        availablePermissions={availablePermissions}
        save={(draft) =>
          request(CreateApiKeyDocument, { input: { machineUserId: machineUser.id, ...draft } })
        }
        resetOnSave
        onSaved={async (data) => {
          announce('Created an API key');
          const secret = data.createApiKey.apiKeySecret;
          if (secret) setNewSecret(secret);
          await queryClient.invalidateQueries({ queryKey: SETTINGS_KEYS.machineUsers });
        }}
      />
    </section>
  );
}

function ApiKeyRow({
  apiKey,
  availablePermissions,
}: {
  apiKey: ApiKey;
  availablePermissions: readonly string[];
}) {
  const queryClient = useQueryClient();
  const [isEditing, setEditing] = useState(false);
  const name = apiKey.description || apiKey.id;
  const revoke = useMutation({
    mutationFn: () => request(DeleteApiKeyDocument, { input: { apiKeyId: apiKey.id } }),
    onSuccess: async () => {
      announce(`Revoked API key ${name}`);
      await queryClient.invalidateQueries({ queryKey: SETTINGS_KEYS.machineUsers });
    },
  });
  const count = apiKey.permissions.length;
  return (
    <>
      <tr>
        <th scope="row">
          {apiKey.description || <span className="muted">No description</span>}
          <div className="muted hint">
            <code>{apiKey.id}</code>
          </div>
        </th>
        <td title={apiKey.permissions.join('\n')}>
          {count} {count === 1 ? 'permission' : 'permissions'}
        </td>
        <td className="nowrap" title={formatTime(apiKey.createdAt.iso8601)}>
          <time dateTime={apiKey.createdAt.iso8601}>{timeAgo(apiKey.createdAt.iso8601)}</time>
        </td>
        <td className="actions">
          <EditButton name={name} isEditing={isEditing} onToggle={() => setEditing(!isEditing)} />
          <ConfirmButton
            label="Revoke"
            ariaLabel={`Revoke ${name}`}
            confirmLabel="Confirm revoke"
            warning="Anything using this key stops working at once."
            onConfirm={() => revoke.mutate()}
            isPending={revoke.isPending}
          />
          <Alert message={revoke.error?.message} />
        </td>
      </tr>
      {isEditing && (
        <EditRow columns={4}>
          <ApiKeyForm
            ariaLabel={`Edit ${name}`}
            submitLabel="Save"
            availablePermissions={availablePermissions}
            initial={{ description: apiKey.description ?? null, permissions: [...apiKey.permissions] }}
            save={(draft) => request(UpdateApiKeyDocument, { input: { apiKeyId: apiKey.id, ...draft } })}
            onSaved={async () => {
              announce(`Saved API key ${name}`);
              setEditing(false);
              await queryClient.invalidateQueries({ queryKey: SETTINGS_KEYS.machineUsers });
            }}
            onCancel={() => setEditing(false)}
          />
        </EditRow>
      )}
    </>
  );
}
