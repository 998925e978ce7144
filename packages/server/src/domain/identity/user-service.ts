import type { Db } from '../../storage/db.js';
import { findUserByEmail, findUsers, listUsers, type UserRecord } from '../../storage/identity-repository.js';
import { actorKind } from '../actor.js';
import type { Caller } from '../caller.js';
import { type Page, type PageArgs, toPage, toPageRequest } from '../pagination.js';

/** The users (people) of a workspace: the ones threads are assigned to. */
export function createUserService(deps: { db: Db }) {
  const { db } = deps;
  return {
    /** A user by id (a deleted one too: it still shows as an actor), or null. */
    async getUser(caller: Caller, id: string): Promise<UserRecord | null> {
      const [user] = await findUsers(db, caller.workspaceId, [id]);
      return user ?? null;
    },

    /** A live user by email, case-insensitively, or null. */
    getUserByEmail: (caller: Caller, email: string) => findUserByEmail(db, caller.workspaceId, email),

    /**
     * One page of live users in creation order. Every user can be assigned threads, so the filter
     * isAssignableToThread: false matches nobody.
     */
    async listUsers(
      caller: Caller,
      args: PageArgs & { filters?: { isAssignableToThread?: boolean | null } | null },
    ): Promise<Page<UserRecord>> {
      const request = toPageRequest(args, ['text']);
      if (args.filters?.isAssignableToThread === false) return toPage([], request, (u: UserRecord) => [u.id]);
      return toPage(await listUsers(db, caller.workspaceId, request), request, (u) => [u.id]);
    },

    /** The user making the request; null for an API key, which acts as a machine user. */
    async getMyUser(caller: Caller): Promise<UserRecord | null> {
      if (actorKind(caller.actor) !== 'user') return null;
      const [user] = await findUsers(db, caller.workspaceId, [caller.actor]);
      return user ?? null;
    },
  };
}

/** The user service's interface. */
export type UserService = ReturnType<typeof createUserService>;
