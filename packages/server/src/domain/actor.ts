/**
 * Who did something. Stored as one string whose prefix tells the kind: `u_…` a user, `mu_…` a machine
 * user, `c_…` a customer, `system:<systemId>` the system itself.
 */
export type ActorRef = string;

/** The kinds of actor Plain's `Actor` union distinguishes. */
export type ActorKind = 'user' | 'machineUser' | 'customer' | 'system';

/** Tells the kind of an actor from its stored form. */
export function actorKind(actor: ActorRef): ActorKind {
  if (actor.startsWith('mu_')) return 'machineUser';
  if (actor.startsWith('u_')) return 'user';
  if (actor.startsWith('c_')) return 'customer';
  return 'system';
}

/** The system id of a system actor (`system:bootstrap` gives `bootstrap`). */
export function systemIdOf(actor: ActorRef): string {
  return actor.startsWith('system:') ? actor.slice('system:'.length) : actor;
}

/** Makes the stored form of a system actor. */
export function systemActor(systemId: string): ActorRef {
  return `system:${systemId}`;
}

/** The audit fields of something made at `at` by `by`: created and last updated then, by them. */
export function madeBy(at: Date, by: ActorRef) {
  return { createdAt: at, createdBy: by, updatedAt: at, updatedBy: by };
}
