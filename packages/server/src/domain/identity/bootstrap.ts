import type { Db, Queryable } from '../../storage/db.js';
import * as identity from '../../storage/identity-repository.js';
import * as sessions from '../../storage/session-repository.js';
import type { WorkspaceRecord } from '../../storage/workspace-repository.js';
import * as workspaces from '../../storage/workspace-repository.js';
import { madeBy, systemActor } from '../actor.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import { newSigningSecret } from '../webhooks/signing-secret.js';
import { hashPassword, newPassword, verifyPassword } from './password.js';
import { ALL_PERMISSIONS } from './permissions.js';
import { hashSecret, newApiKeySecret } from './secrets.js';

/**
 * What the first start made. `generatedApiKeySecret` is set only when the key was generated, and
 * `generatedPassword` only when the owner's password was (to print each once).
 */
export interface BootstrapResult {
  created: boolean;
  workspace: WorkspaceRecord;
  generatedApiKeySecret: string | null;
  /** The owner's email, to sign in with; null if the workspace has no owner. */
  ownerEmail: string | null;
  generatedPassword: string | null;
}

/** Options of the first start. */
export interface BootstrapOptions {
  /** Use this secret for the all-permissions key instead of generating one. */
  apiKey?: string | null;
  adminEmail: string;
  /** Sign this workspace's webhooks with this secret instead of a random one. */
  webhookSigningSecret?: string | null;
  /**
   * The owner's password (THREADLINE_ADMIN_PASSWORD). On every start it replaces a stored one it
   * does not match, so an operator resets a forgotten password by setting it. Without it, an owner
   * who has none gets a generated one.
   */
  adminPassword?: string | null;
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
  if (existing) return ensureOwnerPassword(db, existing, options.adminPassword ?? null);
  // Hashed before the transaction: scrypt takes tens of milliseconds, the bootstrap lock need not wait.
  const password = await ownerPassword(options.adminPassword);
  const result = await db.transaction(async (tx) => {
    // Another process may be bootstrapping at this moment: wait for it, then look again.
    await workspaces.lockBootstrap(tx);
    const made = await workspaces.findFirstWorkspace(tx);
    if (made) return null;
    return createWorkspaceWithOwner(tx, clock, { ...options, name: 'Threadline' }, password);
  });
  if (result) return result;
  const made = (await workspaces.findFirstWorkspace(db))!;
  return ensureOwnerPassword(db, made, options.adminPassword ?? null);
}

/**
 * Gives the owner of an existing workspace the configured password when theirs does not match it,
 * or a generated one when they have none (databases made before sign-in existed).
 */
async function ensureOwnerPassword(
  db: Queryable,
  workspace: WorkspaceRecord,
  adminPassword: string | null,
): Promise<BootstrapResult> {
  const result = { created: false, workspace, generatedApiKeySecret: null, generatedPassword: null };
  const owner = await identity.findOwnerWithPassword(db, workspace.id);
  if (!owner) return { ...result, ownerEmail: null };
  const ownerEmail = owner.user.email;
  if (adminPassword) {
    if (!(await verifyPassword(adminPassword, owner.passwordHash))) {
      // A reset is how a leaked password is replaced: whoever signed in with it is signed out.
      await identity.setUserPasswordHash(db, workspace.id, owner.user.id, await hashPassword(adminPassword));
      await sessions.deleteUserSessions(db, workspace.id, owner.user.id);
    }
    return { ...result, ownerEmail };
  }
  if (owner.passwordHash) return { ...result, ownerEmail };
  const generatedPassword = newPassword();
  await identity.setUserPasswordHash(db, workspace.id, owner.user.id, await hashPassword(generatedPassword));
  return { ...result, ownerEmail, generatedPassword };
}

/** What a new workspace starts with: its name and owner, and optionally the key's secret. */
export interface NewWorkspaceOptions extends BootstrapOptions {
  name: string;
}

/** The owner's password and its hash, made before the transaction (hashing is slow). */
export interface OwnerPassword {
  password: string;
  passwordHash: string;
}

/** Makes the owner's password: the given one, or a generated one. */
export async function ownerPassword(given?: string | null): Promise<OwnerPassword> {
  const password = given || newPassword();
  return { password, passwordHash: await hashPassword(password) };
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
  password: OwnerPassword,
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
    password.passwordHash,
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
    hashSecret(secret),
  );
  return {
    created: true,
    workspace,
    generatedApiKeySecret: options.apiKey ? null : secret,
    ownerEmail: options.adminEmail,
    generatedPassword: options.adminPassword ? null : password.password,
  };
}
