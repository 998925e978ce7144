import type { CustomersArgs, SearchCustomersArgs } from '../../domain/customers/customer-query-service.js';
import type { CustomerRecord } from '../../storage/customer-repository.js';
import { auditResolvers, connectionOutput, EMPTY_CONNECTION } from '../common/output.js';
import { mutationField, queryField } from '../common/root-field.js';

/** Resolvers of customers. */
export const customerResolvers = {
  Query: {
    customers: queryField(['customer:read'], async (args: CustomersArgs, { caller, services }) => {
      const page = await services.customerQueries.listCustomers(caller, args);
      return { ...connectionOutput(page), totalCount: page.totalCount };
    }),
    searchCustomers: queryField(['customer:read'], async (args: SearchCustomersArgs, { caller, services }) =>
      connectionOutput(await services.customerQueries.searchCustomers(caller, args)),
    ),
    customer: queryField(['customer:read'], (args: { customerId: string }, { caller, services }) =>
      services.customers.getCustomer(caller, { customerId: args.customerId }),
    ),
    customerByEmail: queryField(['customer:read'], (args: { email: string }, { caller, services }) =>
      services.customers.getCustomer(caller, { email: args.email }),
    ),
    customerByExternalId: queryField(
      ['customer:read'],
      (args: { externalId: string }, { caller, services }) =>
        services.customers.getCustomer(caller, { externalId: args.externalId }),
    ),
  },
  Mutation: {
    deleteCustomer: mutationField(['customer:delete'], async (input, { caller, services }) => {
      await services.customers.deleteCustomer(caller, input);
      return {};
    }),
    upsertCustomer: mutationField(['customer:create', 'customer:edit'], (input, { caller, services }) =>
      services.customers.upsertCustomer(caller, input),
    ),
  },
  Customer: {
    ...auditResolvers,
    email: (c: CustomerRecord) => ({
      email: c.email,
      isVerified: c.emailIsVerified,
      verifiedAt: c.emailVerifiedAt,
    }),
    avatarUrl: () => null,
    company: () => null,
    isAnonymous: () => false,
    markedAsSpamAt: () => null,
    customerGroupMemberships: () => EMPTY_CONNECTION,
    tenantMemberships: () => EMPTY_CONNECTION,
  },
};
