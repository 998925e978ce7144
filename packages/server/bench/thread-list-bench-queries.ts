/**
 * The representative reads of the thread-list bench: inbox views, filters of every kind, each sort
 * order, searches of common and rare words, and pages deep in a list. Each is a threads(...) or
 * searchThreads(...) call, sent as the official SDK sends getThreads (or as raw GraphQL for search).
 */
import type { BenchData } from './thread-list-bench-data.js';

/** One benchmarked read. */
export interface ListQuery {
  name: string;
  kind: 'threads' | 'searchThreads';
  /** The variables: filters, sortBy, searchQuery, first. */
  args: Record<string, unknown>;
  /**
   * For a page deep in a list: the same list with this filter added, read one thread long; its
   * endCursor (a thread far down the list) becomes `after` of the measured read.
   */
  deepAfter?: Record<string, unknown>;
}

/** The time `fraction` of the way back from now to the first loaded thread (threads are 63 s apart). */
const ago = (data: BenchData, fraction: number) =>
  new Date(Date.now() - fraction * data.threads * 63_000).toISOString();
const days = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const sort = (field: string, direction: string, threadFieldKey?: string) => ({
  sortBy: { field, direction, ...(threadFieldKey ? { threadFieldKey } : {}) },
});

/** The bench's reads, for the loaded data. */
export function listQueries(data: BenchData): ListQuery[] {
  const [commonLabel] = data.labelTypeIds;
  const me = data.userIds[2];
  const middle = ago(data, 0.5);
  return [
    { name: 'default: newest first', kind: 'threads', args: {} },
    {
      name: 'TODO, last status change first',
      kind: 'threads',
      args: { filters: { statuses: ['TODO'] }, ...sort('STATUS_CHANGED_AT', 'DESC') },
    },
    {
      name: 'TODO or SNOOZED, oldest first',
      kind: 'threads',
      args: { filters: { statuses: ['TODO', 'SNOOZED'] }, ...sort('CREATED_AT', 'ASC') },
    },
    {
      name: 'TODO, priority 0-1, most urgent first',
      kind: 'threads',
      args: { filters: { statuses: ['TODO'], priorities: [0, 1] }, ...sort('PRIORITY', 'ASC') },
    },
    {
      name: 'mine, TODO, oldest status change',
      kind: 'threads',
      args: { filters: { assignedToUser: [me], statuses: ['TODO'] }, ...sort('STATUS_CHANGED_AT', 'ASC') },
    },
    {
      name: 'unassigned TODO, oldest first',
      kind: 'threads',
      args: { filters: { isAssigned: false, statuses: ['TODO'] }, ...sort('CREATED_AT', 'ASC') },
    },
    {
      name: 'common label, TODO',
      kind: 'threads',
      args: { filters: { labelTypeIds: [commonLabel], statuses: ['TODO'] } },
    },
    {
      name: 'rare label (1 in 2,000)',
      kind: 'threads',
      args: { filters: { labelTypeIds: [data.rareLabelTypeId] } },
    },
    {
      name: 'customer with ~80 threads',
      kind: 'threads',
      args: { filters: { customerIds: [data.smallCustomerId] } },
    },
    {
      name: 'customer with ~58k threads, TODO',
      kind: 'threads',
      args: { filters: { customerIds: [data.bigCustomerId], statuses: ['TODO'] } },
    },
    {
      name: 'field product_area = security, TODO',
      kind: 'threads',
      args: {
        filters: { threadFields: [{ key: 'product_area', stringValue: 'security' }], statuses: ['TODO'] },
      },
    },
    {
      name: 'field seats >= 495',
      kind: 'threads',
      args: { filters: { threadFields: [{ key: 'seats', number: { gte: 495 } }] } },
    },
    { name: 'sort by field seats, DESC', kind: 'threads', args: sort('THREAD_FIELD', 'DESC', 'seats') },
    {
      name: 'sort by field renewal ASC, TODO',
      kind: 'threads',
      args: { filters: { statuses: ['TODO'] }, ...sort('THREAD_FIELD', 'ASC', 'renewal') },
    },
    {
      name: 'created last 7 days, by status change',
      kind: 'threads',
      args: { filters: { createdAt: { after: days(7) } }, ...sort('STATUS_CHANGED_AT', 'ASC') },
    },
    {
      name: 'updated last day, oldest first',
      kind: 'threads',
      args: { filters: { updatedAt: { after: days(1) } }, ...sort('CREATED_AT', 'ASC') },
    },
    {
      name: 'created in 1% of the time, long ago, by priority',
      kind: 'threads',
      args: {
        filters: { createdAt: { after: ago(data, 0.71), before: ago(data, 0.7) } },
        ...sort('PRIORITY', 'DESC'),
      },
    },
    {
      name: 'status detail WAITING_FOR_DURATION',
      kind: 'threads',
      args: { filters: { statusDetails: ['WAITING_FOR_DURATION'] } },
    },
    {
      name: 'or(priority 0, rare label) and not DONE',
      kind: 'threads',
      args: {
        filters: {
          or: [{ priorities: [0] }, { labelTypeIds: [data.rareLabelTypeId] }],
          not: { statuses: ['DONE'] },
        },
      },
    },
    { name: 'refs', kind: 'threads', args: { filters: { refs: ['T-12', 'T-500000', 'T-999999'] } } },
    {
      name: 'deep page: newest first, halfway down',
      kind: 'threads',
      args: {},
      deepAfter: { createdAt: { before: middle } },
    },
    {
      name: 'deep page: priority ASC, into priority 2',
      kind: 'threads',
      args: sort('PRIORITY', 'ASC'),
      deepAfter: { priorities: [2] },
    },
    {
      name: 'deep page: TODO by status change, halfway',
      kind: 'threads',
      args: { filters: { statuses: ['TODO'] }, ...sort('STATUS_CHANGED_AT', 'DESC') },
      deepAfter: { statusChangedAt: { before: middle } },
    },
    {
      name: 'deep page: field seats ASC, from 250',
      kind: 'threads',
      args: sort('THREAD_FIELD', 'ASC', 'seats'),
      deepAfter: { threadFields: [{ key: 'seats', number: { gte: 250 } }] },
    },
    { name: 'search: common word', kind: 'searchThreads', args: { searchQuery: { term: 'invoice' } } },
    { name: 'search: rare number', kind: 'searchThreads', args: { searchQuery: { term: '57549' } } },
    {
      name: 'search: two words, last a prefix',
      kind: 'searchThreads',
      args: { searchQuery: { term: 'notification slo' } },
    },
    { name: 'search: customer name', kind: 'searchThreads', args: { searchQuery: { term: 'Lovelace' } } },
    {
      name: 'search: customer email',
      kind: 'searchThreads',
      args: { searchQuery: { term: 'customer4000@example.com' } },
    },
    { name: 'search: ref', kind: 'searchThreads', args: { searchQuery: { term: 'T-424242' } } },
    {
      name: 'search: mid word, TODO only',
      kind: 'searchThreads',
      args: { searchQuery: { term: 'sso' }, filters: { statuses: ['TODO'] } },
    },
    {
      name: 'deep page: search common word, halfway',
      kind: 'searchThreads',
      args: { searchQuery: { term: 'invoice' } },
      deepAfter: { createdAt: { before: middle } },
    },
  ];
}
