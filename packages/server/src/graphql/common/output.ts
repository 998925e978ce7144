import { type ActorKind, type ActorRef, actorKind, systemIdOf } from '../../domain/actor.js';
import type { Page } from '../../domain/pagination.js';

/** An actor as the Actor union resolves it. */
export type ActorOutput =
  | { kind: 'user'; userId: string }
  | { kind: 'machineUser'; machineUserId: string }
  | { kind: 'customer'; customerId: string }
  | { kind: 'system'; systemId: string };

/** Turns a stored actor into its GraphQL form. */
export function actorOutput(actor: ActorRef): ActorOutput {
  const kind = actorKind(actor);
  switch (kind) {
    case 'user':
      return { kind, userId: actor };
    case 'machineUser':
      return { kind, machineUserId: actor };
    case 'customer':
      return { kind, customerId: actor };
    default:
      return { kind: 'system', systemId: systemIdOf(actor) };
  }
}

/** The GraphQL type of each actor kind. */
export const ACTOR_TYPENAMES: Record<ActorKind, string> = {
  user: 'UserActor',
  machineUser: 'MachineUserActor',
  customer: 'CustomerActor',
  system: 'SystemActor',
};

/** A Relay connection from a domain page. */
export function connectionOutput<T, N = T>(
  page: Page<T>,
  toNode: (item: T) => N = (item) => item as unknown as N,
) {
  return {
    edges: page.items.map((item) => ({ cursor: item.cursor, node: toNode(item.node) })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.items[0]?.cursor ?? null,
      endCursor: page.items.at(-1)?.cursor ?? null,
    },
  };
}

/** A connection with no edges, for lists of things Threadline does not have yet. */
export const EMPTY_CONNECTION = {
  edges: [],
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
} as const;

/** Field resolvers of the actor fields every entity has (createdBy, updatedBy). */
export const auditResolvers = {
  createdBy: (record: { createdBy: ActorRef }) => actorOutput(record.createdBy),
  updatedBy: (record: { updatedBy: ActorRef }) => actorOutput(record.updatedBy),
};

/** Resolvers of the soft-deletion fields of users, machine users and API keys. */
export const deletionResolvers = {
  isDeleted: (record: { deletedAt: Date | null }) => record.deletedAt !== null,
  deletedBy: (record: { deletedBy: ActorRef | null }) =>
    record.deletedBy ? actorOutput(record.deletedBy) : null,
};
