import type { PageArgs } from '../../domain/pagination.js';
import type { ThreadRecord } from '../../storage/thread-repository.js';
import type { TimelineEntryRecord } from '../../storage/timeline-repository.js';
import { actorOutput, connectionOutput } from '../common/output.js';
import { queryField, rethrowAsQueryError } from '../common/root-field.js';
import type { AuthedContext } from '../context.js';

/** The content of a timeline entry, as the Entry union resolves it. */
type EntryOutput = { typename: string } & Record<string, unknown>;

function entryOutput(entry: TimelineEntryRecord): EntryOutput {
  if (entry.kind === 'custom') {
    const payload = entry.payload as { title: string; components: unknown[] };
    return {
      typename: 'CustomEntry',
      title: payload.title,
      components: payload.components,
      externalId: null,
      type: null,
    };
  }
  const event = entry.event!;
  return {
    typename: entry.kind === 'customer_event' ? 'CustomerEventEntry' : 'ThreadEventEntry',
    timelineEventId: event.id,
    title: event.title,
    components: event.components,
    customerId: entry.customerId,
    externalId: event.externalId,
  };
}

/** Resolvers of timelines. */
export const timelineResolvers = {
  Query: {
    timelineEntries: queryField(['timeline:read'], async (args: PageArgs & { customerId: string }, ctx) =>
      connectionOutput(await ctx.services.timeline.listCustomerTimeline(ctx.caller, args.customerId, args)),
    ),
    timelineEntry: queryField(
      ['timeline:read'],
      (args: { customerId: string; timelineEntryId: string }, { caller, services }) =>
        services.timeline.getTimelineEntry(caller, args.customerId, args.timelineEntryId),
    ),
  },
  Thread: {
    timelineEntries: (thread: ThreadRecord, args: PageArgs, { caller, services }: AuthedContext) =>
      services.timeline
        .listThreadTimeline(caller, thread.id, args)
        .then(connectionOutput, rethrowAsQueryError),
  },
  TimelineEntry: {
    actor: (entry: TimelineEntryRecord) => actorOutput(entry.actor),
    entry: entryOutput,
  },
  Entry: { resolveType: (entry: EntryOutput) => entry.typename },
  TimelineEventEntry: { resolveType: (entry: EntryOutput) => entry.typename },
};
