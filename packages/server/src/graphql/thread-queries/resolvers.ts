import type { ThreadsArgs } from '../../domain/threads/thread-query-service.js';
import type { ThreadRecord } from '../../storage/thread-repository.js';
import { connectionOutput } from '../common/output.js';
import { queryField } from '../common/root-field.js';

/** Resolvers of the thread reads that find things. */
export const threadQueryResolvers = {
  Query: {
    threads: queryField(['thread:read'], async (args: ThreadsArgs, { caller, services }) =>
      connectionOutput(await services.threadQueries.listThreads(caller, args)),
    ),
    searchThreads: queryField(
      ['thread:read'],
      async (args: ThreadsArgs & { searchQuery: { term: string } }, { caller, services }) =>
        connectionOutput(
          await services.threadQueries.searchThreads(caller, args),
          (thread: ThreadRecord) => ({
            thread,
          }),
        ),
    ),
    threadByRef: queryField(['thread:read'], (args: { ref: string }, { caller, services }) =>
      services.threadQueries.getThreadByRef(caller, args.ref),
    ),
    threadByExternalId: queryField(
      ['thread:read'],
      (args: { customerId: string; externalId: string }, { caller, services }) =>
        services.threadQueries.getThreadByExternalId(caller, args.customerId, args.externalId),
    ),
  },
};
