import { z } from 'zod';
import type { Db } from '../../storage/db.js';
import type { ApiKeyRecord, MachineUserRecord, UserRecord } from '../../storage/identity-repository.js';
import * as identity from '../../storage/identity-repository.js';
import * as workspaces from '../../storage/workspace-repository.js';
import { madeBy } from '../actor.js';
import type { AuthenticatedCaller, Caller } from '../caller.js';
import type { Clock } from '../clock.js';
import { forbiddenError, notFoundError, validationError } from '../errors.js';
import { newId } from '../ids.js';
import { type Page, type PageArgs, toPage, toPageRequest } from '../pagination.js';
import { optionalString, parseInput, requiredString } from '../validation.js';
import { AuthCache } from './auth-cache.js';
import {
  type BootstrapOptions,
  bootstrapWorkspace,
  createWorkspaceWithOwner,
  type NewWorkspaceOptions,
  ownerPassword,
} from './bootstrap.js';
import { ALL_PERMISSIONS, isPermission, type Permission } from './permissions.js';
import { hashSecret, newApiKeySecret } from './secrets.js';

/** A caller resolved from an API key: its machine user acts. */
export interface ApiKeyCaller extends AuthenticatedCaller {
  kind: 'apiKey';
  apiKeyId: string;
  machineUserId: string;
}

const machineUserInput = z.object({
  fullName: requiredString(500),
  publicName: requiredString(500),
  description: optionalString(5000),
  type: z.enum(['API_USER', 'AI_AGENT']).nullish(),
});

const permissionsInput = z.array(z.string()).max(ALL_PERMISSIONS.length);
const createApiKeyInput = z.object({
  machineUserId: z.string(),
  description: optionalString(5000),
  permissions: permissionsInput,
});
const updateApiKeyInput = z.object({
  apiKeyId: z.string(),
  description: optionalString(5000),
  permissions: permissionsInput,
});

/** Identity: the workspace's bootstrap, machine users, API keys and who a request acts as. */
export function createIdentityService(deps: { db: Db; clock: Clock; authCacheTtlMs?: number }) {
  const { db, clock } = deps;
  const cache = new AuthCache<ApiKeyCaller>(deps.authCacheTtlMs ?? 10_000);

  /** Checks requested permissions: each known, and each held by the caller (no escalation). */
  function checkGrantable(caller: Caller, requested: readonly string[]): Permission[] {
    const unknown = requested
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => !isPermission(p))
      .map(({ p, i }) => ({
        field: `permissions.${i}`,
        message: `Unknown permission "${p}".`,
        type: 'VALIDATION' as const,
      }));
    if (unknown.length > 0) throw validationError(unknown);
    const permissions = [...new Set(requested)] as Permission[];
    const notHeld = permissions.find((p) => !caller.permissions.has(p));
    if (notHeld) throw forbiddenError(notHeld);
    return permissions;
  }

  return {
    /** Makes the first workspace, its owner and the all-permissions key, unless a workspace exists. */
    bootstrap: (options: BootstrapOptions) => bootstrapWorkspace(db, clock, options),

    /** Makes another workspace with its owner and all-permissions key (the CLI's create-workspace). */
    async createWorkspace(options: NewWorkspaceOptions) {
      const password = await ownerPassword(options.adminPassword);
      return db.transaction((tx) => createWorkspaceWithOwner(tx, clock, options, password));
    },

    /** The caller of an API key resolved within the cache's lifetime, without touching the database. */
    cachedApiKeyCaller: (secret: string): ApiKeyCaller | undefined =>
      secret ? cache.get(hashSecret(secret), Date.now()) : undefined,

    /** Resolves an API key secret to its caller, or null for an unknown, deleted or empty key. */
    async authenticateApiKey(secret: string): Promise<ApiKeyCaller | null> {
      if (!secret) return null;
      const now = Date.now();
      const hash = hashSecret(secret);
      const cached = cache.get(hash, now);
      if (cached) return cached;
      const version = cache.version;
      const key = await identity.findLiveApiKeyBySecretHash(db, hash);
      if (!key) return null;
      const caller: ApiKeyCaller = {
        kind: 'apiKey',
        workspaceId: key.workspaceId,
        actor: key.machineUserId,
        apiKeyId: key.id,
        machineUserId: key.machineUserId,
        rateLimitBucket: `key:${key.id}`,
        permissions: new Set(key.hasAllPermissions ? ALL_PERMISSIONS : key.permissions.filter(isPermission)),
      };
      cache.setIfNotEvictedSince(version, hash, caller, now);
      return caller;
    },

    /** Creates a machine user (an actor that owns API keys). */
    async createMachineUser(caller: Caller, input: unknown): Promise<MachineUserRecord> {
      const data = parseInput(machineUserInput, input);
      const mu: MachineUserRecord = {
        workspaceId: caller.workspaceId,
        id: newId('mu'),
        fullName: data.fullName,
        publicName: data.publicName,
        description: data.description ?? null,
        type: data.type ?? 'API_USER',
        ...madeBy(clock(), caller.actor),
        deletedAt: null,
        deletedBy: null,
      };
      await identity.insertMachineUser(db, mu);
      return mu;
    },

    /** Creates an API key for a machine user; the secret is returned here and never again. */
    async createApiKey(caller: Caller, input: unknown): Promise<{ apiKey: ApiKeyRecord; secret: string }> {
      const data = parseInput(createApiKeyInput, input);
      const permissions = checkGrantable(caller, data.permissions);
      const [owner] = await identity.findMachineUsers(db, caller.workspaceId, [data.machineUserId]);
      if (!owner || owner.deletedAt) throw notFoundError('machineUserId', 'Machine user');
      const apiKey: ApiKeyRecord = {
        workspaceId: caller.workspaceId,
        id: newId('ak'),
        machineUserId: owner.id,
        description: data.description ?? null,
        permissions,
        hasAllPermissions: false,
        ...madeBy(clock(), caller.actor),
        deletedAt: null,
        deletedBy: null,
      };
      const secret = newApiKeySecret();
      await identity.insertApiKey(db, apiKey, hashSecret(secret));
      return { apiKey, secret };
    },

    /** Replaces an API key's description and permissions. */
    async updateApiKey(caller: Caller, input: unknown): Promise<ApiKeyRecord> {
      const data = parseInput(updateApiKeyInput, input);
      const permissions = checkGrantable(caller, data.permissions);
      const updated = await identity.updateApiKey(db, caller.workspaceId, data.apiKeyId, {
        description: data.description ?? null,
        permissions,
        updatedAt: clock(),
        updatedBy: caller.actor,
      });
      if (!updated) throw notFoundError('apiKeyId', 'API key');
      cache.evictWhere((c) => c.apiKeyId === updated.id);
      return updated;
    },

    /** Deletes an API key; requests with it fail from now on (in other processes within the cache TTL). */
    async deleteApiKey(caller: Caller, input: { apiKeyId: string }): Promise<ApiKeyRecord> {
      const deleted = await identity.deleteApiKey(
        db,
        caller.workspaceId,
        input.apiKeyId,
        clock(),
        caller.actor,
      );
      if (!deleted) throw notFoundError('apiKeyId', 'API key');
      cache.evictWhere((c) => c.apiKeyId === deleted.id);
      return deleted;
    },

    /** The caller's workspace. */
    getWorkspace: (caller: Caller) => workspaces.findWorkspace(db, caller.workspaceId),

    /** Users of the caller's workspace by id. */
    getUsers: (caller: Caller, ids: readonly string[]): Promise<UserRecord[]> =>
      identity.findUsers(db, caller.workspaceId, ids),

    /** A machine user of the caller's workspace (a deleted one too), or null. */
    async getMachineUser(caller: Caller, id: string): Promise<MachineUserRecord | null> {
      const [machineUser] = await identity.findMachineUsers(db, caller.workspaceId, [id]);
      return machineUser ?? null;
    },

    /** One page of the workspace's live machine users in creation order, optionally of one type. */
    async listMachineUsers(
      caller: Caller,
      args: PageArgs & { filters?: { type?: MachineUserRecord['type'] | null } | null },
    ): Promise<Page<MachineUserRecord>> {
      const request = toPageRequest(args, ['text']);
      const rows = await identity.listMachineUsers(
        db,
        caller.workspaceId,
        args.filters?.type ?? null,
        request,
      );
      return toPage(rows, request, (m) => [m.id]);
    },

    /** One page of a machine user's live API keys in creation order (never their secrets). */
    async listApiKeys(caller: Caller, machineUserId: string, args: PageArgs): Promise<Page<ApiKeyRecord>> {
      const request = toPageRequest(args, ['text']);
      const rows = await identity.listApiKeys(db, caller.workspaceId, machineUserId, request);
      return toPage(rows, request, (k) => [k.id]);
    },

    /** Machine users of the caller's workspace by id. */
    getMachineUsers: (caller: Caller, ids: readonly string[]): Promise<MachineUserRecord[]> =>
      identity.findMachineUsers(db, caller.workspaceId, ids),
  };
}

/** The identity service's interface. */
export type IdentityService = ReturnType<typeof createIdentityService>;
