import { z } from 'zod';
import type { ThreadListFilter, TimeRange } from '../../storage/thread-list-repository.js';
import { isoDateTime } from '../validation.js';

/** Limits of thread filters, in one place: list sizes, and how deep and/or/not may nest. */
export const FILTER_LIMITS = { listItems: 100, depth: 4, nodes: 50 } as const;

const ids = z.array(z.string().max(100)).max(FILTER_LIMITS.listItems).nullish();
const datetimeFilter = z.object({ after: isoDateTime.nullish(), before: isoDateTime.nullish() }).nullish();

const threadFieldFilter = z.object({
  key: z.string().min(1).max(500),
  stringValue: z.string().max(10_000).nullish(),
  booleanValue: z.boolean().nullish(),
  number: z
    .object({ value: z.number().nullish(), gte: z.number().nullish(), lte: z.number().nullish() })
    .nullish(),
  date: datetimeFilter,
});

const STATUS_DETAILS = [
  'CREATED',
  'IN_PROGRESS',
  'NEW_REPLY',
  'THREAD_LINK_UPDATED',
  'THREAD_DISCUSSION_RESOLVED',
  'WAITING_FOR_CUSTOMER',
  'WAITING_FOR_DURATION',
  'IGNORED',
  'DONE_MANUALLY_SET',
  'DONE_AUTOMATICALLY_SET',
  'TIMER_EXPIRED',
] as const;

/** ThreadsFilter as the API sends it (after GraphQL has checked its types). */
export interface ThreadsFilterInput {
  statuses?: string[] | null;
  statusDetails?: (typeof STATUS_DETAILS)[number][] | null;
  priorities?: number[] | null;
  labelTypeIds?: string[] | null;
  customerIds?: string[] | null;
  assignedToUser?: string[] | null;
  isAssigned?: boolean | null;
  threadIds?: string[] | null;
  refs?: string[] | null;
  createdAt?: { after?: string | null; before?: string | null } | null;
  updatedAt?: { after?: string | null; before?: string | null } | null;
  statusChangedAt?: { after?: string | null; before?: string | null } | null;
  threadFields?: z.infer<typeof threadFieldFilter>[] | null;
  and?: ThreadsFilterInput[] | null;
  or?: ThreadsFilterInput[] | null;
  not?: ThreadsFilterInput | null;
}

const threadsFilter: z.ZodType<ThreadsFilterInput> = z.lazy(() =>
  z.object({
    statuses: z
      .array(z.enum(['TODO', 'SNOOZED', 'DONE']))
      .max(FILTER_LIMITS.listItems)
      .nullish(),
    statusDetails: z.array(z.enum(STATUS_DETAILS)).max(FILTER_LIMITS.listItems).nullish(),
    priorities: z.array(z.number().int().min(0).max(3)).max(FILTER_LIMITS.listItems).nullish(),
    labelTypeIds: ids,
    customerIds: ids,
    assignedToUser: ids,
    isAssigned: z.boolean().nullish(),
    threadIds: ids,
    refs: z
      .array(z.string().regex(/^T-\d{1,9}$/, { error: 'Must be a thread ref such as T-123.' }))
      .max(FILTER_LIMITS.listItems)
      .nullish(),
    createdAt: datetimeFilter,
    updatedAt: datetimeFilter,
    statusChangedAt: datetimeFilter,
    threadFields: z.array(threadFieldFilter).max(FILTER_LIMITS.listItems).nullish(),
    and: z.array(threadsFilter).max(FILTER_LIMITS.listItems).nullish(),
    or: z.array(threadsFilter).max(FILTER_LIMITS.listItems).nullish(),
    not: threadsFilter.nullish(),
  }),
);

/** The ThreadsFilter schema, for parseInput. */
export const threadsFilterInput = threadsFilter.nullish();

/** How deep and how many filters nest in a filter tree: each and/or/not member is one more. */
export function filterSize(filter: ThreadsFilterInput, depth = 1): { depth: number; nodes: number } {
  const children = [...(filter.and ?? []), ...(filter.or ?? []), ...(filter.not ? [filter.not] : [])];
  return children.reduce(
    (acc, child) => {
      const size = filterSize(child, depth + 1);
      return { depth: Math.max(acc.depth, size.depth), nodes: acc.nodes + size.nodes };
    },
    { depth, nodes: 1 },
  );
}

function range(input: ThreadsFilterInput['createdAt']): TimeRange | undefined {
  if (!input) return undefined;
  return {
    after: input.after ? new Date(input.after) : undefined,
    before: input.before ? new Date(input.before) : undefined,
  };
}

function defined<T>(value: T | null | undefined): T | undefined {
  return value ?? undefined;
}

/** Turns a validated filter into the repository's form (refs as numbers, times as dates, TIMER_EXPIRED as stored). */
export function toListFilter(input: ThreadsFilterInput): ThreadListFilter {
  return {
    statuses: defined(input.statuses),
    statusDetails: input.statusDetails?.map((d) => (d === 'TIMER_EXPIRED' ? 'DONE_AUTOMATICALLY_SET' : d)),
    priorities: defined(input.priorities),
    labelTypeIds: defined(input.labelTypeIds),
    customerIds: defined(input.customerIds),
    assignedTo: defined(input.assignedToUser),
    isAssigned: defined(input.isAssigned),
    threadIds: defined(input.threadIds),
    refs: input.refs?.map((ref) => Number(ref.slice(2))),
    createdAt: range(input.createdAt),
    updatedAt: range(input.updatedAt),
    statusChangedAt: range(input.statusChangedAt),
    threadFields: input.threadFields?.map((f) => ({
      key: f.key,
      stringValue: defined(f.stringValue),
      booleanValue: defined(f.booleanValue),
      number: f.number
        ? { value: defined(f.number.value), gte: defined(f.number.gte), lte: defined(f.number.lte) }
        : undefined,
      date: range(f.date),
    })),
    and: input.and?.map(toListFilter),
    or: input.or?.map(toListFilter),
    not: input.not ? toListFilter(input.not) : undefined,
  };
}
