import type { AuthedContext } from '../context.js';
import { ACTOR_TYPENAMES, type ActorOutput } from './output.js';
import { queryField } from './root-field.js';

/**
 * A batch loader of Mercurius: one call per request and field with every parent that needs it. It
 * runs below a root field, which has already refused a request without a caller.
 */
export type Loader<Parent> = (queries: { obj: Parent }[], context: AuthedContext) => Promise<unknown[]>;

/**
 * A loader without Mercurius's per-request result cache, whose keys are the parent objects
 * stringified (a whole thread, labels and all): batching is what saves queries here, and a parent
 * rarely repeats within one request.
 */
export function batchLoader<Parent>(load: Loader<Parent>) {
  return { loader: load, opts: { cache: false } };
}

/** Loads records by id in one batch and returns them in the order asked (null where missing or no id). */
export async function loadInOrder<T extends { id: string }>(
  ids: readonly (string | null)[],
  load: (ids: string[]) => Promise<T[]>,
): Promise<(T | null)[]> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  const byId = new Map((unique.length > 0 ? await load(unique) : []).map((r) => [r.id, r]));
  return ids.map((id) => (id === null ? null : (byId.get(id) ?? null)));
}

// A caller's permission set lives as long as its cache entry; sort it once, not per request.
const sortedCache = new WeakMap<ReadonlySet<string>, string[]>();
function sortedPermissions(permissions: ReadonlySet<string>): string[] {
  let sorted = sortedCache.get(permissions);
  if (!sorted) {
    sorted = [...permissions].sort();
    sortedCache.set(permissions, sorted);
  }
  return sorted;
}

const resolveActorType = (actor: ActorOutput) => ACTOR_TYPENAMES[actor.kind];

/** Resolvers of the shared types: DateTime, the actor unions, myPermissions. */
export const commonResolvers = {
  Query: {
    myPermissions: queryField([], (_args, { caller }) => ({
      permissions: sortedPermissions(caller.permissions),
    })),
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
    machineUser: batchLoader<{ machineUserId: string }>((queries, { caller, services }) =>
      loadInOrder(
        queries.map((q) => q.obj.machineUserId),
        (ids) => services.identity.getMachineUsers(caller, ids),
      ),
    ),
  },
  UserActor: {
    user: batchLoader<{ userId: string }>((queries, { caller, services }) =>
      loadInOrder(
        queries.map((q) => q.obj.userId),
        (ids) => services.identity.getUsers(caller, ids),
      ),
    ),
  },
  CustomerActor: {
    customer: batchLoader<{ customerId: string }>((queries, { caller, services }) =>
      loadInOrder(
        queries.map((q) => q.obj.customerId),
        (ids) => services.customers.getCustomersByIds(caller, ids),
      ),
    ),
  },
};
