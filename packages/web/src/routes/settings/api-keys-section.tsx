import { useQuery } from '@tanstack/react-query';
import { SettingsMachineUsersDocument } from '../../api/__generated__/graphql.js';
import { request } from '../../api/client.js';
import { Alert } from '../../components/alert.js';
import { CreateMachineUserForm } from './create-machine-user-form.js';
import { MachineUserKeys } from './machine-user-keys.js';
import { SETTINGS_KEYS } from './query-keys.js';

/** API keys: the machine users integrations act as, and each one's keys. */
export function ApiKeysSection() {
  const machineUsers = useQuery({
    queryKey: SETTINGS_KEYS.machineUsers,
    queryFn: () => request(SettingsMachineUsersDocument),
  });
  const list = machineUsers.data?.machineUsers.edges.map((e) => e.node) ?? [];
  const permissions = machineUsers.data?.myPermissions.permissions ?? [];
  return (
    <section aria-labelledby="api-keys-heading" className="settings-section">
      <h2 id="api-keys-heading">API keys</h2>
      <p className="muted">
        An API key belongs to a machine user, the name its changes appear under. A key can hold only
        permissions you hold yourself.
      </p>
      <CreateMachineUserForm />
      <Alert message={machineUsers.error && `Could not load machine users: ${machineUsers.error.message}`} />
      {machineUsers.isPending ? (
        <p className="muted">Loading…</p>
      ) : list.length ? (
        list.map((machineUser) => (
          <MachineUserKeys
            key={machineUser.id}
            machineUser={machineUser}
            availablePermissions={permissions}
          />
        ))
      ) : (
        <p className="muted">No machine users yet.</p>
      )}
    </section>
  );
}
