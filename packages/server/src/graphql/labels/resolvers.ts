import type { PageArgs } from '../../domain/pagination.js';
import type { LabelTypeRecord } from '../../storage/label-type-repository.js';
import { actorOutput, auditResolvers, connectionOutput } from '../common/output.js';
import { batchLoader, loadInOrder } from '../common/resolvers.js';
import { mutationField, queryField } from '../common/root-field.js';

/** Resolvers of label types and labels. */
export const labelResolvers = {
  Query: {
    labelType: queryField(['labelType:read'], (args: { labelTypeId: string }, { caller, services }) =>
      services.labelTypes.getLabelType(caller, args.labelTypeId),
    ),
    labelTypes: queryField(
      ['labelType:read'],
      async (args: PageArgs & { filters?: { isArchived?: boolean | null } | null }, { caller, services }) =>
        connectionOutput(await services.labelTypes.listLabelTypes(caller, args.filters ?? {}, args)),
    ),
  },
  Mutation: {
    createLabelType: mutationField(['labelType:create'], async (input, { caller, services }) => ({
      labelType: await services.labelTypes.createLabelType(caller, input),
    })),
    archiveLabelType: mutationField(
      ['labelType:edit'],
      async (input: { labelTypeId: string }, { caller, services }) => ({
        labelType: await services.labelTypes.archiveLabelType(caller, input),
      }),
    ),
  },
  LabelType: {
    ...auditResolvers,
    isArchived: (lt: LabelTypeRecord) => lt.archivedAt !== null,
    archivedBy: (lt: LabelTypeRecord) => (lt.archivedBy ? actorOutput(lt.archivedBy) : null),
  },
  Label: { ...auditResolvers },
};

/** Loaders of label fields. */
export const labelLoaders = {
  LabelType: {
    parentLabelType: batchLoader<LabelTypeRecord>((queries, { caller, services }) =>
      loadInOrder(
        queries.map((q) => q.obj.parentLabelTypeId),
        (ids) => services.labelTypes.getLabelTypes(caller, ids),
      ),
    ),
  },
};
