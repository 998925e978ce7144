import { randomBytes } from 'node:crypto';
import type { Db } from '../../storage/db.js';
import * as workspaces from '../../storage/workspace-repository.js';
import type { Caller } from '../caller.js';

/** A new random signing secret: 32 bytes, as text a person can paste. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * Gives every workspace made before webhooks existed (migration 0006) a signing secret: the first
 * workspace takes `configured` (THREADLINE_WEBHOOK_SIGNING_SECRET) when set, the others a random one.
 * New workspaces get theirs when they are made. Runs at every start; a secret is kept once set.
 */
export async function ensureSigningSecrets(db: Db, configured: string | null): Promise<void> {
  const missing = await workspaces.workspacesWithoutSigningSecret(db);
  const first = await workspaces.findFirstWorkspace(db);
  for (const id of missing) {
    const secret = configured && id === first?.id ? configured : newSigningSecret();
    await workspaces.setWebhookSigningSecret(db, id, secret);
  }
}

/** The workspace's webhook signing secret: read and rotated by owners. */
export function createSigningSecretService(deps: { db: Db }) {
  const { db } = deps;
  return {
    /** The secret deliveries are signed with now. */
    async getSigningSecret(caller: Caller): Promise<string> {
      return (await workspaces.findWebhookSigningSecret(db, caller.workspaceId)) ?? '';
    },

    /** Replaces the secret; attempts from now on are signed with the new one. */
    async rotateSigningSecret(caller: Caller): Promise<string> {
      const secret = newSigningSecret();
      await workspaces.setWebhookSigningSecret(db, caller.workspaceId, secret);
      return secret;
    },
  };
}
