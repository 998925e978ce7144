import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { DeleteApiKeyDocument, type SettingsMachineUsersQuery } from '../../api/__generated__/graphql.js';
import { request } from '../../api/client.js';
import { announce } from '../../lib/announcer.js';
import { formatTime, timeAgo } from '../../lib/format.js';
import { ConfirmButton } from './confirm-button.js';
import { CreateApiKeyForm } from './create-api-key-form.js';
import { NewApiKeySecret } from './new-api-key-secret.js';
import { SETTINGS_KEYS } from './query-keys.js';

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
              <ApiKeyRow key={key.id} apiKey={key} />
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No API keys.</p>
      )}
      {newSecret && <NewApiKeySecret secret={newSecret} onDone={() => setNewSecret(null)} />}
      <h4>New API key</h4>
      <CreateApiKeyForm
        machineUserId={machineUser.id}
        availablePermissions={availablePermissions}
        onCreated={setNewSecret}
      />
    </section>
  );
}

function ApiKeyRow({ apiKey }: { apiKey: ApiKey }) {
  const queryClient = useQueryClient();
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
        <ConfirmButton
          label="Revoke"
          ariaLabel={`Revoke ${name}`}
          confirmLabel="Confirm revoke"
          warning="Anything using this key stops working at once."
          onConfirm={() => revoke.mutate()}
          isPending={revoke.isPending}
        />
        {revoke.error && (
          <p className="error" role="alert">
            {revoke.error.message}
          </p>
        )}
      </td>
    </tr>
  );
}
