import { auditResolvers } from '../common/output.js';
import { mutationField } from '../common/root-field.js';

/** Resolvers of customer and thread events. */
export const eventResolvers = {
  Mutation: {
    createCustomerEvent: mutationField(['customerEvent:create'], async (input, { caller, services }) => ({
      customerEvent: await services.events.createCustomerEvent(caller, input),
    })),
    createThreadEvent: mutationField(
      ['threadEvent:create', 'threadEvent:read', 'thread:read', 'customer:read'],
      async (input, { caller, services }) => ({
        threadEvent: await services.events.createThreadEvent(caller, input),
      }),
    ),
  },
  CustomerEvent: { ...auditResolvers },
  ThreadEvent: { ...auditResolvers },
};
