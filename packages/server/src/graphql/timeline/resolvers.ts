import type { PageArgs } from '../../domain/pagination.js';
import type { ChatPayload } from '../../domain/threads/conversation-service.js';
import type {
  StatusDetailSnapshot,
  StatusTransitionPayload,
} from '../../domain/threads/status-transition.js';
import type { AssignmentTransitionPayload } from '../../domain/threads/thread-edit-service.js';
import type { LabelSnapshot, LabelsChangePayload } from '../../domain/threads/thread-label-service.js';
import type { TimelineFilter } from '../../domain/timeline/timeline-service.js';
import type { LabelRecord, ThreadRecord } from '../../storage/thread-repository.js';
import type { TimelineEntryRecord } from '../../storage/timeline-repository.js';
import { actorOutput, connectionOutput } from '../common/output.js';
import { batchLoader, loadInOrder } from '../common/resolvers.js';
import { queryField, rethrowAsQueryError } from '../common/root-field.js';
import type { AuthedContext } from '../context.js';
import { loadAssignees, statusDetailOutput } from '../threads/resolvers.js';

/** The content of a timeline entry, as the Entry union resolves it. */
type EntryOutput = { typename: string } & Record<string, unknown>;

function detailOutput(detail: StatusDetailSnapshot) {
  return statusDetailOutput({
    type: detail.type,
    statusChangedAt: new Date(detail.statusChangedAt),
    createdAt: new Date(detail.createdAt),
    waitingUntil: detail.waitingUntil ? new Date(detail.waitingUntil) : null,
  });
}

/** The content of the entry kinds that keep it in their payload or in a note. */
function changeOutput(entry: TimelineEntryRecord): EntryOutput | null {
  switch (entry.kind) {
    case 'note':
      return {
        typename: 'NoteEntry',
        noteId: entry.note!.id,
        text: entry.note!.text,
        markdown: entry.note!.markdown,
        isEdited: false,
        editedAt: null,
        editedBy: null,
      };
    case 'chat': {
      const chat = entry.payload as ChatPayload;
      return { typename: 'ChatEntry', chatId: chat.chatId, text: chat.text };
    }
    case 'status_transitioned': {
      const p = entry.payload as StatusTransitionPayload;
      return {
        typename: 'ThreadStatusTransitionedEntry',
        previousStatus: p.previousStatus,
        previousStatusDetail: detailOutput(p.previousStatusDetail),
        nextStatus: p.nextStatus,
        nextStatusDetail: detailOutput(p.nextStatusDetail),
      };
    }
    case 'assignment_transitioned':
      return {
        typename: 'ThreadAssignmentTransitionedEntry',
        ...(entry.payload as AssignmentTransitionPayload),
      };
    case 'labels_changed':
      return { typename: 'ThreadLabelsChangedEntry', ...(entry.payload as LabelsChangePayload) };
    case 'priority_changed':
      return { typename: 'ThreadPriorityChangedEntry', ...(entry.payload as object) };
    default:
      return null;
  }
}

function entryOutput(entry: TimelineEntryRecord): EntryOutput {
  const change = changeOutput(entry);
  if (change) return change;
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
    timelineEntries: (
      thread: ThreadRecord,
      args: PageArgs & { filters?: TimelineFilter },
      { caller, services }: AuthedContext,
    ) =>
      services.timeline
        .listThreadTimeline(caller, thread.id, args, args.filters)
        .then(connectionOutput, rethrowAsQueryError),
  },
  TimelineEntry: {
    actor: (entry: TimelineEntryRecord) => actorOutput(entry.actor),
    entry: entryOutput,
  },
  Entry: { resolveType: (entry: EntryOutput) => entry.typename },
  NoteEntry: { editedBy: () => null },
  TimelineEventEntry: { resolveType: (entry: EntryOutput) => entry.typename },
};

/** Labels of a labels-changed entry, with their label types read in one batch per request. */
function labelsLoader(member: 'previousLabels' | 'nextLabels') {
  return batchLoader<LabelsChangePayload>(async (queries, { caller, services }) => {
    const lists: LabelSnapshot[][] = queries.map((q) => q.obj[member]);
    const labelTypes = await loadInOrder(
      lists.flat().map((l) => l.labelTypeId),
      (ids) => services.labelTypes.getLabelTypes(caller, ids),
    );
    let i = 0;
    return lists.map((list) =>
      list.map(
        (label): LabelRecord => ({
          id: label.id,
          threadId: '',
          labelType: labelTypes[i++]!,
          createdAt: new Date(label.createdAt),
          createdBy: label.createdBy,
          updatedAt: new Date(label.updatedAt),
          updatedBy: label.updatedBy,
        }),
      ),
    );
  });
}

/** Loaders of timeline entry fields that read other entities. */
export const timelineLoaders = {
  ThreadLabelsChangedEntry: {
    previousLabels: labelsLoader('previousLabels'),
    nextLabels: labelsLoader('nextLabels'),
  },
  ThreadAssignmentTransitionedEntry: {
    previousAssignee: batchLoader<AssignmentTransitionPayload>((queries, context) =>
      loadAssignees(
        queries.map((q) => q.obj.previousAssignee),
        context,
      ),
    ),
    nextAssignee: batchLoader<AssignmentTransitionPayload>((queries, context) =>
      loadAssignees(
        queries.map((q) => q.obj.nextAssignee),
        context,
      ),
    ),
  },
};
