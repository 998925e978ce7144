import type { Db } from '../../storage/db.js';
import type { TimelineEntryRecord } from '../../storage/timeline-repository.js';
import * as timeline from '../../storage/timeline-repository.js';
import type { Caller } from '../caller.js';
import { type Page, type PageArgs, toPage, toPageRequest } from '../pagination.js';

/** Timelines: what happened in a thread, or to a customer, oldest first. */
export function createTimelineService(deps: { db: Db }) {
  const { db } = deps;

  async function list(
    caller: Caller,
    scope: { threadId: string } | { customerId: string },
    args: PageArgs,
  ): Promise<Page<TimelineEntryRecord>> {
    const request = toPageRequest(args, ['timestamptz', 'text']);
    const rows = await timeline.listTimelineEntries(db, caller.workspaceId, scope, request);
    return toPage(rows, request, timeline.timelineEntryKey);
  }

  return {
    /** One page of a thread's timeline. */
    listThreadTimeline: (caller: Caller, threadId: string, args: PageArgs) =>
      list(caller, { threadId }, args),
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
