import { type ActorKind, actorKind } from '../../domain/actor.js';
import type { MachineUserRecord, UserRecord } from '../../storage/identity-repository.js';
import type { ThreadRecord } from '../../storage/thread-repository.js';
import { actorOutput, auditResolvers } from '../common/output.js';
import { batchLoader, loadInOrder } from '../common/resolvers.js';
import { mutationField, queryField } from '../common/root-field.js';
import type { AuthedContext } from '../context.js';

/** The GraphQL type of each status detail, by the StatusDetailType value stored on the thread. */
const STATUS_DETAIL_TYPENAMES: Record<string, string> = {
  CREATED: 'ThreadStatusDetailCreated',
  NEW_REPLY: 'ThreadStatusDetailNewReply',
  IN_PROGRESS: 'ThreadStatusDetailInProgress',
  THREAD_DISCUSSION_RESOLVED: 'ThreadStatusDetailThreadDiscussionResolved',
  THREAD_LINK_UPDATED: 'ThreadStatusDetailThreadLinkUpdated',
  WAITING_FOR_CUSTOMER: 'ThreadStatusDetailWaitingForCustomer',
  WAITING_FOR_DURATION: 'ThreadStatusDetailWaitingForDuration',
  DONE_MANUALLY_SET: 'ThreadStatusDetailDoneManuallySet',
  DONE_AUTOMATICALLY_SET: 'ThreadStatusDetailDoneAutomaticallySet',
  IGNORED: 'ThreadStatusDetailIgnored',
};

/** The GraphQL type of an assignee, by the kind of actor its id names. */
const ASSIGNEE_TYPENAMES: Record<ActorKind, string> = {
  user: 'User',
  machineUser: 'MachineUser',
  customer: 'System',
  system: 'System',
};

/** A status detail as the ThreadStatusDetail union resolves it. */
export interface StatusDetailOutput {
  typename: string;
  statusChangedAt: Date;
  createdAt: Date;
  waitingUntil: Date | null;
  afterSeconds: null;
}

/** The ThreadStatusDetail of a stored detail type (CREATED, …), or null for one Threadline does not know. */
export function statusDetailOutput(detail: {
  type: string;
  statusChangedAt: Date;
  createdAt: Date;
  waitingUntil: Date | null;
}): StatusDetailOutput | null {
  const typename = STATUS_DETAIL_TYPENAMES[detail.type];
  if (!typename) return null;
  // A WAITING_FOR_CUSTOMER snooze with a duration still shows as waiting for the customer.
  const { statusChangedAt, createdAt, waitingUntil } = detail;
  return { typename, statusChangedAt, createdAt, waitingUntil, afterSeconds: null };
}

/** Loads assignees (users and machine users) by actor id, in order; null where there is none. */
export async function loadAssignees(
  ids: readonly (string | null)[],
  { caller, services }: AuthedContext,
): Promise<(UserRecord | MachineUserRecord | null)[]> {
  const [users, machineUsers] = await Promise.all([
    loadInOrder(
      ids.map((id) => (id?.startsWith('u_') ? id : null)),
      (unique) => services.identity.getUsers(caller, unique),
    ),
    loadInOrder(
      ids.map((id) => (id?.startsWith('mu_') ? id : null)),
      (unique) => services.identity.getMachineUsers(caller, unique),
    ),
  ]);
  return ids.map((_, i) => users[i] ?? machineUsers[i] ?? null);
}

/** Resolvers of threads. */
export const threadResolvers = {
  Query: {
    thread: queryField(['thread:read'], (args: { threadId: string }, { caller, services }) =>
      services.threads.getThread(caller, args.threadId),
    ),
  },
  Mutation: {
    createThread: mutationField(['thread:create', 'thread:read'], async (input, { caller, services }) => ({
      thread: await services.threads.createThread(caller, input),
    })),
  },
  Thread: {
    ...auditResolvers,
    ref: (t: ThreadRecord) => `T-${t.ref}`,
    statusChangedBy: (t: ThreadRecord) => actorOutput(t.statusChangedBy),
    statusDetail: (t: ThreadRecord) =>
      statusDetailOutput({
        type: t.statusDetail,
        statusChangedAt: t.statusChangedAt,
        createdAt: t.createdAt,
        waitingUntil: t.snoozedUntil,
      }),
    tenant: () => null,
    lockedAt: () => null,
  },
  ThreadStatusDetail: { resolveType: (detail: StatusDetailOutput) => detail.typename },
  ThreadAssignee: { resolveType: (assignee: { id: string }) => ASSIGNEE_TYPENAMES[actorKind(assignee.id)] },
};

/** Loaders of thread fields that read other entities. */
export const threadLoaders = {
  Thread: {
    customer: batchLoader<ThreadRecord>(async (queries, { caller, services }) => {
      // createThread hands over the customer it already read; only the others are loaded.
      const loaded = await loadInOrder(
        queries.map((q) => (q.obj.customer ? null : q.obj.customerId)),
        (ids) => services.customers.getCustomersByIds(caller, ids),
      );
      return queries.map((q, i) => q.obj.customer ?? loaded[i]);
    }),
    assignedTo: batchLoader<ThreadRecord>((queries, context) =>
      loadAssignees(
        queries.map((q) => q.obj.assignedTo),
        context,
      ),
    ),
  },
};
