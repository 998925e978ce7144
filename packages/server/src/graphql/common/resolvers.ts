import type { GraphQLContext } from '../context.js';
import { ACTOR_TYPENAMES, type ActorOutput } from './output.js';
import { queryField } from './root-field.js';

/** A batch loader of Mercurius: one call per request and field with every parent that needs it. */
export type Loader<Parent> = (queries: { obj: Parent }[], context: GraphQLContext) => Promise<unknown[]>;

/** Loads records by id in one batch and returns them in the order asked (null where missing or no id). */
export async function loadInOrder<T extends { id: string }>(
  ids: readonly (string | null)[],
  load: (ids: string[]) => Promise<T[]>,
): Promise<(T | null)[]> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  const byId = new Map((unique.length > 0 ? await load(unique) : []).map((r) => [r.id, r]));
  return ids.map((id) => (id === null ? null : (byId.get(id) ?? null)));
}

const resolveActorType = (actor: ActorOutput) => ACTOR_TYPENAMES[actor.kind];

/** Resolvers of the shared types: DateTime, the actor unions, myPermissions. */
export const commonResolvers = {
  Query: {
    myPermissions: queryField([], (_args, { caller }) => ({ permissions: [...caller.permissions].sort() })),
  },
  DateTime: {
    iso8601: (date: Date) => date.toISOString(),
    unixTimestamp: (date: Date) => String(date.getTime()),
  },
  Actor: { resolveType: resolveActorType },
  InternalActor: { resolveType: resolveActorType },
};

/** Loaders of the actor types' entity fields (machineUser, user, customer). */
export const commonLoaders = {
  MachineUserActor: {
    machineUser: ((queries, { caller, services }) =>
      loadInOrder(
        queries.map((q) => q.obj.machineUserId),
        (ids) => services.identity.getMachineUsers(caller, ids),
      )) as Loader<{ machineUserId: string }>,
  },
  UserActor: {
    user: ((queries, { caller, services }) =>
      loadInOrder(
        queries.map((q) => q.obj.userId),
        (ids) => services.identity.getUsers(caller, ids),
      )) as Loader<{ userId: string }>,
  },
  CustomerActor: {
    customer: ((queries, { caller, services }) =>
      loadInOrder(
        queries.map((q) => q.obj.customerId),
        (ids) => services.customers.getCustomersByIds(caller, ids),
      )) as Loader<{ customerId: string }>,
  },
};
