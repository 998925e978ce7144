import type { PageArgs } from '../../domain/pagination.js';
import type { ThreadFieldSchemaRecord } from '../../storage/thread-field-schema-repository.js';
import { auditResolvers, connectionOutput } from '../common/output.js';
import { mutationField, queryField } from '../common/root-field.js';

/** Resolvers of thread field schemas and thread fields. */
export const threadFieldResolvers = {
  Query: {
    threadFieldSchema: queryField(
      ['threadFieldSchema:read'],
      (args: { threadFieldSchemaId: string }, { caller, services }) =>
        services.threadFieldSchemas.getThreadFieldSchema(caller, args.threadFieldSchemaId),
    ),
    threadFieldSchemas: queryField(['threadFieldSchema:read'], async (args: PageArgs, { caller, services }) =>
      connectionOutput(await services.threadFieldSchemas.listThreadFieldSchemas(caller, args)),
    ),
  },
  Mutation: {
    createThreadFieldSchema: mutationField(
      ['threadFieldSchema:create'],
      async (input, { caller, services }) => ({
        threadFieldSchema: await services.threadFieldSchemas.createThreadFieldSchema(caller, input),
      }),
    ),
    updateThreadFieldSchema: mutationField(
      ['threadFieldSchema:edit'],
      async (input, { caller, services }) => ({
        threadFieldSchema: await services.threadFieldSchemas.updateThreadFieldSchema(caller, input),
      }),
    ),
    deleteThreadFieldSchema: mutationField(
      ['threadFieldSchema:delete'],
      async (input: { threadFieldSchemaId: string }, { caller, services }) => {
        await services.threadFieldSchemas.deleteThreadFieldSchema(caller, input);
        return {};
      },
    ),
  },
  ThreadFieldSchema: {
    ...auditResolvers,
    dependsOnLabels: (s: ThreadFieldSchemaRecord) =>
      s.dependsOnLabelTypeIds.map((labelTypeId) => ({ labelTypeId })),
  },
  ThreadField: { ...auditResolvers },
};
