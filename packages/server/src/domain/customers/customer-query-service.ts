import { z } from 'zod';
import {
  type CustomerListFilter,
  countCustomers,
  listCustomers,
} from '../../storage/customer-list-repository.js';
import type { CustomerRecord } from '../../storage/customer-repository.js';
import type { Db } from '../../storage/db.js';
import type { Caller } from '../caller.js';
import { validationError } from '../errors.js';
import { type Page, type PageArgs, toPage, toPageRequest } from '../pagination.js';
import { isoDateTime, parseInput } from '../validation.js';

const customersFilter = z
  .object({ updatedAt: z.object({ after: isoDateTime.nullish(), before: isoDateTime.nullish() }).nullish() })
  .nullish();

const customersSort = z
  .object({ field: z.enum(['FULL_NAME']), direction: z.enum(['ASC', 'DESC']) })
  .nullish();

const SEARCH_COLUMNS = {
  fullName: 'full_name',
  shortName: 'short_name',
  email: 'email',
  externalId: 'external_id',
} as const;

const searchExpression = z.object({ caseInsensitiveContains: z.string().max(500).nullish() }).nullish();
const customersSearchQuery = z.object({
  or: z
    .array(
      z.object({
        fullName: searchExpression,
        shortName: searchExpression,
        email: searchExpression,
        externalId: searchExpression,
      }),
    )
    .max(20)
    .nullish(),
});

/** The arguments of customers(...). */
export interface CustomersArgs extends PageArgs {
  filters?: unknown;
  sortBy?: unknown;
}

/** Words of a search text, as the search vectors split them. */
function termsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 10);
}

/** Customer reads that find things: the list with its count, and search. */
export function createCustomerQueryService(deps: { db: Db }) {
  const { db } = deps;

  async function page(
    caller: Caller,
    args: PageArgs,
    filter: CustomerListFilter,
    descending: boolean,
  ): Promise<Page<CustomerRecord>> {
    const request = toPageRequest(args, ['text', 'text']);
    const rows = await listCustomers(db, caller.workspaceId, filter, descending, request);
    return toPage(rows, request, (c) => [c.fullName.toLowerCase(), c.id]);
  }

  return {
    /** One page of customers by full name (A to Z unless sorted DESC, case-insensitive), with how many match. */
    async listCustomers(
      caller: Caller,
      args: CustomersArgs,
    ): Promise<Page<CustomerRecord> & { totalCount: number }> {
      const filters = parseInput(customersFilter, args.filters);
      const sort = parseInput(customersSort, args.sortBy);
      const filter: CustomerListFilter = {
        updatedAt: filters?.updatedAt
          ? {
              after: filters.updatedAt.after ? new Date(filters.updatedAt.after) : undefined,
              before: filters.updatedAt.before ? new Date(filters.updatedAt.before) : undefined,
            }
          : undefined,
      };
      const [result, totalCount] = await Promise.all([
        page(caller, args, filter, sort?.direction === 'DESC'),
        countCustomers(db, caller.workspaceId, filter),
      ]);
      return { ...result, totalCount };
    },

    /**
     * Customers for whom any condition holds: the field contains the text, case-insensitively, and
     * its words start with the text's words (a word's middle does not match). Each text needs 2 characters.
     */
    searchCustomers(
      caller: Caller,
      args: PageArgs & { searchQuery: unknown },
    ): Promise<Page<CustomerRecord>> {
      const query = parseInput(customersSearchQuery, args.searchQuery);
      const anyOf: NonNullable<CustomerListFilter['anyOf']> = [];
      for (const [i, condition] of (query.or ?? []).entries()) {
        for (const [field, column] of Object.entries(SEARCH_COLUMNS)) {
          const text = condition[field as keyof typeof SEARCH_COLUMNS]?.caseInsensitiveContains?.trim();
          if (text == null) continue;
          const terms = termsOf(text);
          if (text.length < 2 || terms.length === 0) {
            throw validationError([
              {
                field: `searchQuery.or.${i}.${field}.caseInsensitiveContains`,
                message: 'Must have at least 2 characters, with a letter or digit.',
                type: 'VALIDATION',
              },
            ]);
          }
          anyOf.push({ column, text, terms });
        }
      }
      return page(caller, args, { anyOf }, false);
    },
  };
}

/** The customer query service's interface. */
export type CustomerQueryService = ReturnType<typeof createCustomerQueryService>;
