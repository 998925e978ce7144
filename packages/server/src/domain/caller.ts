import type { ActorRef } from './actor.js';
import type { Permission } from './identity/permissions.js';

/** Who is calling: their workspace, themselves as an actor, and what they may do. */
export interface Caller {
  workspaceId: string;
  actor: ActorRef;
  permissions: ReadonlySet<Permission>;
}

/** The first of `required` that the caller lacks, or null when they hold them all. */
export function missingPermission(caller: Caller, required: readonly Permission[]): Permission | null {
  return required.find((p) => !caller.permissions.has(p)) ?? null;
}
