import type { NoteRecord } from '../../storage/note-repository.js';
import { auditResolvers } from '../common/output.js';
import { batchLoader, loadInOrder } from '../common/resolvers.js';
import { mutationField } from '../common/root-field.js';

/** Resolvers of notes and replies. */
export const conversationResolvers = {
  Mutation: {
    createNote: mutationField(['note:create', 'note:read'], async (input: unknown, { caller, services }) => ({
      note: await services.conversation.createNote(caller, input),
    })),
    replyToThread: mutationField(['thread:reply'], async (input: unknown, { caller, services }) => {
      await services.conversation.replyToThread(caller, input);
      return {};
    }),
  },
  Note: {
    ...auditResolvers,
    isEdited: () => false,
    editedAt: () => null,
    editedBy: () => null,
    isDeleted: () => false,
    deletedAt: () => null,
    deletedBy: () => null,
  },
};

/** Loaders of note fields that read other entities. */
export const conversationLoaders = {
  Note: {
    customer: batchLoader<NoteRecord>((queries, { caller, services }) =>
      loadInOrder(
        queries.map((q) => q.obj.customerId),
        (ids) => services.customers.getCustomersByIds(caller, ids),
      ),
    ),
  },
};
