import type { Permission } from '../../domain/identity/permissions.js';
import type { Services } from '../../domain/services.js';
import { mutationField } from '../common/root-field.js';
import type { AuthedContext } from '../context.js';

/** A mutation whose output is `{ thread }`, made by one thread service method. */
function threadMutation(
  permissions: readonly Permission[],
  change: (services: Services) => (caller: AuthedContext['caller'], input: unknown) => Promise<unknown>,
) {
  return mutationField(permissions, async (input: unknown, { caller, services }) => ({
    thread: await change(services)(caller, input),
  }));
}

/** Resolvers of the thread workflow: status, assignment, priority, title, labels and field values. */
export const threadWorkflowResolvers = {
  Mutation: {
    markThreadAsDone: threadMutation(['thread:edit', 'thread:read'], (s) => s.threadStatus.markThreadAsDone),
    markThreadAsTodo: threadMutation(['thread:edit', 'thread:read'], (s) => s.threadStatus.markThreadAsTodo),
    snoozeThread: threadMutation(['thread:edit', 'thread:read'], (s) => s.threadStatus.snoozeThread),
    assignThread: threadMutation(['thread:assign', 'thread:read'], (s) => s.threadEdits.assignThread),
    unassignThread: threadMutation(['thread:unassign', 'thread:read'], (s) => s.threadEdits.unassignThread),
    changeThreadPriority: threadMutation(
      ['thread:edit', 'thread:read'],
      (s) => s.threadEdits.changeThreadPriority,
    ),
    updateThreadTitle: threadMutation(['thread:edit', 'thread:read'], (s) => s.threadEdits.updateThreadTitle),
    addLabels: mutationField(
      ['label:create'],
      (input: unknown, { caller, services }) => services.threadLabels.addLabels(caller, input),
      { labels: [] },
    ),
    removeLabels: mutationField(['label:delete'], (input: unknown, { caller, services }) =>
      services.threadLabels.removeLabels(caller, input),
    ),
    upsertThreadField: mutationField(
      ['threadField:create', 'threadField:update'],
      (input: unknown, { caller, services }) => services.threadFields.upsertThreadField(caller, input),
    ),
    deleteThreadField: mutationField(['threadField:delete'], async (input: unknown, { caller, services }) => {
      await services.threadFields.deleteThreadField(caller, input);
      return {};
    }),
  },
};
