import type { ActorRef } from './actor.js';
import type { Permission } from './identity/permissions.js';

/** Who is calling: their workspace, themselves as an actor, and what they may do. */
export interface Caller {
  workspaceId: string;
  actor: ActorRef;
  permissions: ReadonlySet<Permission>;
}

/**
 * A caller as the HTTP layer resolves it, with what rate limits count it by: `key:<apiKeyId>` for an
 * API key, `user:<userId>` for a signed-in person (all their sessions together). Made once per
 * cached caller, so no string is built per request.
 */
export interface AuthenticatedCaller extends Caller {
  kind: 'apiKey' | 'session';
  rateLimitBucket: string;
}

/** The first of `required` that the caller lacks, or null when they hold them all. */
export function missingPermission(caller: Caller, required: readonly Permission[]): Permission | null {
  return required.find((p) => !caller.permissions.has(p)) ?? null;
}
