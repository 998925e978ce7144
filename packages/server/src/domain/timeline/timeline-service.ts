import { z } from 'zod';
import type { Db } from '../../storage/db.js';
import type { TimelineEntryKind, TimelineEntryRecord } from '../../storage/timeline-repository.js';
import * as timeline from '../../storage/timeline-repository.js';
import type { Caller } from '../caller.js';
import { type Page, type PageArgs, toPage, toPageRequest } from '../pagination.js';
import { parseInput } from '../validation.js';

/** Plain's TimelineEntryType values of the entries Threadline writes, and their stored kinds. */
const KIND_OF_TYPE = {
  CUSTOM: 'custom',
  CUSTOMER_EVENT: 'customer_event',
  THREAD_EVENT: 'thread_event',
  NOTE: 'note',
  CHAT: 'chat',
  THREAD_STATUS_TRANSITIONED: 'status_transitioned',
  THREAD_ASSIGNMENT_TRANSITIONED: 'assignment_transitioned',
  THREAD_LABELS_CHANGED: 'labels_changed',
  THREAD_PRIORITY_CHANGED: 'priority_changed',
} as const satisfies Record<string, TimelineEntryKind>;

/** The kinds Plain counts as messages (isMessage): what people wrote, not changes and events. */
const MESSAGE_KINDS: TimelineEntryKind[] = ['custom', 'chat', 'note'];

const timelineFilter = z
  .object({
    isMessage: z.boolean().nullish(),
    entryTypes: z
      .array(z.enum(Object.keys(KIND_OF_TYPE) as [keyof typeof KIND_OF_TYPE]))
      .max(50)
      .nullish(),
  })
  .nullish();

/** ThreadTimelineEntriesFilter as the API sends it. */
export type TimelineFilter = z.input<typeof timelineFilter>;

/** The kinds a filter keeps, or null for every kind. entryTypes takes precedence over isMessage, as Plain says. */
function kindsOf(filter: TimelineFilter): TimelineEntryKind[] | null {
  const parsed = parseInput(timelineFilter, filter);
  if (parsed?.entryTypes) return parsed.entryTypes.map((type) => KIND_OF_TYPE[type]);
  if (parsed?.isMessage === true) return MESSAGE_KINDS;
  if (parsed?.isMessage === false)
    return Object.values(KIND_OF_TYPE).filter((k) => !MESSAGE_KINDS.includes(k));
  return null;
}

/** Timelines: what happened in a thread, or to a customer, oldest first. */
export function createTimelineService(deps: { db: Db }) {
  const { db } = deps;

  async function list(
    caller: Caller,
    scope: { threadId: string } | { customerId: string },
    args: PageArgs,
    filter: TimelineFilter = null,
  ): Promise<Page<TimelineEntryRecord>> {
    const request = toPageRequest(args, ['timestamptz', 'text']);
    const rows = await timeline.listTimelineEntries(db, caller.workspaceId, scope, request, kindsOf(filter));
    return toPage(rows, request, timeline.timelineEntryKey);
  }

  return {
    /** One page of a thread's timeline, of the entry types the filter keeps. */
    listThreadTimeline: (caller: Caller, threadId: string, args: PageArgs, filter: TimelineFilter = null) =>
      list(caller, { threadId }, args, filter),
    /** One page of every timeline entry of a customer, across their threads. */
    listCustomerTimeline: (caller: Caller, customerId: string, args: PageArgs) =>
      list(caller, { customerId }, args),
    /** One entry of a customer's timeline, or null. */
    getTimelineEntry: (caller: Caller, customerId: string, id: string) =>
      timeline.findTimelineEntry(db, caller.workspaceId, customerId, id),
  };
}

/** The timeline service's interface. */
export type TimelineService = ReturnType<typeof createTimelineService>;
