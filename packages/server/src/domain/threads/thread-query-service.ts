import { z } from 'zod';
import type { Db } from '../../storage/db.js';
import { findThreadFieldSchemaByKey } from '../../storage/thread-field-schema-repository.js';
import {
  findThreadByExternalId,
  findThreadByRef,
  listThreads,
  searchThreads,
  type ThreadListFilter,
  type ThreadSortKey,
} from '../../storage/thread-list-repository.js';
import type { ThreadRecord } from '../../storage/thread-repository.js';
import type { Caller } from '../caller.js';
import { validationError } from '../errors.js';
import { type CursorPartType, type Page, type PageArgs, toPage, toPageRequest } from '../pagination.js';
import { parseInput } from '../validation.js';
import {
  FILTER_LIMITS,
  filterSize,
  type ThreadsFilterInput,
  threadsFilterInput,
  toListFilter,
} from './threads-filter.js';

const threadsSort = z
  .object({
    field: z.enum(['CREATED_AT', 'PRIORITY', 'STATUS_CHANGED_AT', 'THREAD_FIELD']),
    direction: z.enum(['ASC', 'DESC']),
    threadFieldKey: z.string().max(500).nullish(),
  })
  .refine((sort) => sort.field !== 'THREAD_FIELD' || sort.threadFieldKey != null, {
    path: ['threadFieldKey'],
    error: 'Required',
    params: { fieldErrorType: 'REQUIRED' },
  })
  .nullish();

/** ThreadsSort as the API sends it. */
export type ThreadsSortInput = z.input<typeof threadsSort>;

/** The arguments of threads(...) and searchThreads(...). */
export interface ThreadsArgs extends PageArgs {
  filters?: ThreadsFilterInput | null;
  sortBy?: ThreadsSortInput;
}

/** Search terms: runs of letters and digits, as the search vectors split words (at most 10). */
function searchTermsOf(term: string): string[] {
  return (term.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 10);
}

const CURSOR_TYPES: Record<ThreadSortKey['kind'] | 'text' | 'number' | 'boolean' | 'date', CursorPartType[]> =
  {
    created_at: ['timestamptz', 'text'],
    status_changed_at: ['timestamptz', 'text'],
    priority: ['integer', 'text'],
    thread_field: [],
    text: ['integer', 'text', 'text'],
    number: ['integer', 'float8', 'text'],
    boolean: ['integer', 'integer', 'text'],
    date: ['integer', 'timestamptz', 'text'],
  };

const VALUE_TYPE = {
  STRING: 'text',
  ENUM: 'text',
  NUMBER: 'number',
  CURRENCY: 'number',
  BOOL: 'boolean',
  DATE: 'date',
} as const;

/** Thread reads that find things: lists with filters and sort orders, search, lookups by ref and externalId. */
export function createThreadQueryService(deps: { db: Db }) {
  const { db } = deps;

  function parseFilter(filters: unknown): ThreadListFilter {
    const input = parseInput(threadsFilterInput, filters);
    if (!input) return {};
    const size = filterSize(input);
    if (size.depth > FILTER_LIMITS.depth || size.nodes > FILTER_LIMITS.nodes) {
      throw validationError([
        {
          field: 'filters',
          message: `Filters may nest ${FILTER_LIMITS.depth} deep with ${FILTER_LIMITS.nodes} filters at most.`,
          type: 'VALIDATION',
        },
      ]);
    }
    return toListFilter(input);
  }

  async function sortOf(
    caller: Caller,
    sortBy: ThreadsSortInput,
  ): Promise<{ key: ThreadSortKey; descending: boolean }> {
    const sort = parseInput(threadsSort, sortBy);
    // Plain's default: the newest threads first.
    if (!sort) return { key: { kind: 'created_at' }, descending: true };
    const descending = sort.direction === 'DESC';
    switch (sort.field) {
      case 'CREATED_AT':
        return { key: { kind: 'created_at' }, descending };
      case 'STATUS_CHANGED_AT':
        return { key: { kind: 'status_changed_at' }, descending };
      case 'PRIORITY':
        return { key: { kind: 'priority' }, descending };
      case 'THREAD_FIELD': {
        const schema = await findThreadFieldSchemaByKey(db, caller.workspaceId, sort.threadFieldKey!);
        if (!schema) {
          throw validationError([
            {
              field: 'sortBy.threadFieldKey',
              message: 'No thread field schema has this key.',
              type: 'NOT_FOUND',
            },
          ]);
        }
        return {
          key: { kind: 'thread_field', key: schema.key, valueType: VALUE_TYPE[schema.type] },
          descending,
        };
      }
    }
  }

  async function list(
    caller: Caller,
    args: ThreadsArgs,
    filter: ThreadListFilter,
    search?: { term: string },
  ): Promise<Page<ThreadRecord>> {
    const sort = await sortOf(caller, args.sortBy);
    const types =
      sort.key.kind === 'thread_field' ? CURSOR_TYPES[sort.key.valueType] : CURSOR_TYPES[sort.key.kind];
    const request = toPageRequest(args, types);
    const rows = search
      ? await searchThreads(db, caller.workspaceId, filter, search, request)
      : await listThreads(db, caller.workspaceId, filter, sort.key, sort.descending, request);
    const page = toPage(rows, request, (row) => row.sortKey);
    return { ...page, items: page.items.map((item) => ({ node: item.node.thread, cursor: item.cursor })) };
  }

  return {
    /** One page of threads matching the filters, newest first unless sorted otherwise. */
    listThreads: (caller: Caller, args: ThreadsArgs) => list(caller, args, parseFilter(args.filters)),

    /**
     * One page of threads whose words (title, description, preview text, ref) or whose customer's
     * (name, email, externalId) start with every word of the term (at least 2 characters), newest first.
     */
    searchThreads(
      caller: Caller,
      args: ThreadsArgs & { searchQuery: { term: string } },
    ): Promise<Page<ThreadRecord>> {
      const term = args.searchQuery.term.trim();
      if (term.length > 200) {
        throw validationError([
          { field: 'searchQuery.term', message: 'Must have at most 200 character(s).', type: 'VALIDATION' },
        ]);
      }
      if (term.length < 2 || searchTermsOf(term).length === 0) {
        throw validationError([
          {
            field: 'searchQuery.term',
            message: 'The search term must have at least 2 characters, with a letter or digit.',
            type: 'VALIDATION',
          },
        ]);
      }
      // Newest first, as the search reads (sortBy null gives the matching cursor types).
      return list(caller, { ...args, sortBy: null }, parseFilter(args.filters), { term });
    },

    /** A thread by its ref (T-123), or null. */
    async getThreadByRef(caller: Caller, ref: string): Promise<ThreadRecord | null> {
      const match = /^T-(\d{1,9})$/.exec(ref.trim());
      return match ? findThreadByRef(db, caller.workspaceId, Number(match[1])) : null;
    },

    /** A customer's thread by its externalId, or null. */
    getThreadByExternalId: (caller: Caller, customerId: string, externalId: string) =>
      findThreadByExternalId(db, caller.workspaceId, customerId, externalId),
  };
}

/** The thread query service's interface. */
export type ThreadQueryService = ReturnType<typeof createThreadQueryService>;
