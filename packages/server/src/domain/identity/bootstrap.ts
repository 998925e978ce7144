import type { Db, Queryable } from '../../storage/db.js';
import * as identity from '../../storage/identity-repository.js';
import type { WorkspaceRecord } from '../../storage/workspace-repository.js';
import * as workspaces from '../../storage/workspace-repository.js';
import { madeBy, systemActor } from '../actor.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import { newSigningSecret } from '../webhooks/signing-secret.js';
import { hashApiKeySecret, newApiKeySecret } from './api-key-secret.js';
import { ALL_PERMISSIONS } from './permissions.js';

/** What the first start made. `generatedApiKeySecret` is set only when the key was generated (to print it once). */
export interface BootstrapResult {
  created: boolean;
  workspace: WorkspaceRecord;
  generatedApiKeySecret: string | null;
}

/** Options of the first start. */
export interface BootstrapOptions {
  /** Use this secret for the all-permissions key instead of generating one. */
  apiKey?: string | null;
  adminEmail: string;
  /** Sign this workspace's webhooks with this secret instead of a random one. */
  webhookSigningSecret?: string | null;
}

const BOOTSTRAP = systemActor('bootstrap');

/**
 * Makes the first workspace, its owner user, and a machine user whose key holds every permission,
 * unless a workspace exists already. Safe to call on every start.
 */
export async function bootstrapWorkspace(
  db: Db,
  clock: Clock,
  options: BootstrapOptions,
): Promise<BootstrapResult> {
  const existing = await workspaces.findFirstWorkspace(db);
  if (existing) return { created: false, workspace: existing, generatedApiKeySecret: null };
  return db.transaction(async (tx) => {
    // Another process may be bootstrapping at this moment: wait for it, then look again.
    await workspaces.lockBootstrap(tx);
    const made = await workspaces.findFirstWorkspace(tx);
    if (made) return { created: false, workspace: made, generatedApiKeySecret: null };
    return createWorkspaceWithOwner(tx, clock, { ...options, name: 'Threadline' });
  });
}

/** What a new workspace starts with: its name and owner, and optionally the key's secret. */
export interface NewWorkspaceOptions extends BootstrapOptions {
  name: string;
}

/**
 * Makes a workspace with its owner user and a machine user whose key holds every permission. The
 * first start makes one; `threadline create-workspace` makes more (each isolated from the others).
 * Run inside a transaction.
 */
export async function createWorkspaceWithOwner(
  tx: Queryable,
  clock: Clock,
  options: NewWorkspaceOptions,
): Promise<BootstrapResult> {
  const now = clock();
  const workspace: WorkspaceRecord = {
    id: newId('w'),
    name: options.name,
    publicName: options.name,
    ...madeBy(now, BOOTSTRAP),
  };
  const secret = options.apiKey || newApiKeySecret();
  await workspaces.insertWorkspace(tx, workspace, options.webhookSigningSecret || newSigningSecret());
  await identity.insertUser(
    tx,
    {
      workspaceId: workspace.id,
      id: newId('u'),
      email: options.adminEmail,
      fullName: 'Admin',
      publicName: 'Admin',
      ...madeBy(now, BOOTSTRAP),
      deletedAt: null,
      deletedBy: null,
    },
    null,
  );
  const machineUserId = newId('mu');
  await identity.insertMachineUser(tx, {
    workspaceId: workspace.id,
    id: machineUserId,
    fullName: 'Bootstrap API user',
    publicName: 'Threadline',
    description: 'Made at first start; its first key holds every permission.',
    type: 'API_USER',
    ...madeBy(now, BOOTSTRAP),
    deletedAt: null,
    deletedBy: null,
  });
  await identity.insertApiKey(
    tx,
    {
      workspaceId: workspace.id,
      id: newId('ak'),
      machineUserId,
      description: 'Bootstrap key (every permission)',
      permissions: [...ALL_PERMISSIONS],
      hasAllPermissions: true,
      ...madeBy(now, BOOTSTRAP),
      deletedAt: null,
      deletedBy: null,
    },
    hashApiKeySecret(secret),
  );
  return { created: true, workspace, generatedApiKeySecret: options.apiKey ? null : secret };
}
