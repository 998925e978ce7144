import { z } from 'zod';
import {
  type CustomerListFilter,
  type CustomerListRow,
  countCustomers,
  listCustomers,
} from '../../storage/customer-list-repository.js';
import type { CustomerRecord } from '../../storage/customer-repository.js';
import type { Db } from '../../storage/db.js';
import type { Caller } from '../caller.js';
import { type Page, type PageArgs, toPage, toPageRequest } from '../pagination.js';
import { isoDateTime, parseQueryInput } from '../validation.js';
import { parseCustomerSearch } from './customer-search.js';

// Wrapped in the arguments' names, so that error paths start with them (filters.updatedAt.after).
const customersArgs = z.object({
  filters: z
    .object({
      updatedAt: z.object({ after: isoDateTime.nullish(), before: isoDateTime.nullish() }).nullish(),
    })
    .nullish(),
  sortBy: z.object({ field: z.enum(['FULL_NAME']), direction: z.enum(['ASC', 'DESC']) }).nullish(),
});

/** The arguments of customers(...). */
export interface CustomersArgs extends PageArgs {
  filters?: unknown;
  sortBy?: unknown;
}

/** The arguments of searchCustomers(...). */
export interface SearchCustomersArgs extends PageArgs {
  searchQuery: unknown;
}

/** Customer reads that find things: the list with its count, and search. */
export function createCustomerQueryService(deps: { db: Db }) {
  const { db } = deps;

  /** One page by full name; the cursor holds the name as the database lowercased it, and the id. */
  async function page(
    caller: Caller,
    args: PageArgs,
    filter: CustomerListFilter,
    descending: boolean,
  ): Promise<Page<CustomerRecord>> {
    const request = toPageRequest(args, ['text', 'text']);
    const rows = await listCustomers(db, caller.workspaceId, filter, descending, request);
    const result = toPage(rows, request, (row: CustomerListRow) => [row.nameKey, row.customer.id]);
    return { ...result, items: result.items.map(({ node, cursor }) => ({ node: node.customer, cursor })) };
  }

  return {
    /**
     * One page of customers by full name, case-insensitively, ties by id: A to Z unless sortBy says
     * DESC. totalCount counts every customer the filters match, not just this page.
     */
    async listCustomers(
      caller: Caller,
      args: CustomersArgs,
    ): Promise<Page<CustomerRecord> & { totalCount: number }> {
      const { filters, sortBy } = parseQueryInput(customersArgs, {
        filters: args.filters,
        sortBy: args.sortBy,
      });
      const updatedAt = filters?.updatedAt;
      const filter: CustomerListFilter = {
        updatedAt: updatedAt
          ? {
              after: updatedAt.after ? new Date(updatedAt.after) : undefined,
              before: updatedAt.before ? new Date(updatedAt.before) : undefined,
            }
          : undefined,
      };
      const [result, totalCount] = await Promise.all([
        page(caller, args, filter, sortBy?.direction === 'DESC'),
        countCustomers(db, caller.workspaceId, filter),
      ]);
      return { ...result, totalCount };
    },

    /** Customers for whom any condition holds (see parseCustomerSearch), A to Z by full name, ties by id. */
    searchCustomers(caller: Caller, args: SearchCustomersArgs): Promise<Page<CustomerRecord>> {
      const anyOf = parseCustomerSearch(args.searchQuery);
      return page(caller, args, { anyOf }, false);
    },
  };
}

/** The customer query service's interface. */
export type CustomerQueryService = ReturnType<typeof createCustomerQueryService>;
