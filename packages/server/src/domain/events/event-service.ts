import { z } from 'zod';
import type { CustomerRecord } from '../../storage/customer-repository.js';
import { findCustomer } from '../../storage/customer-repository.js';
import { type Db, UniqueViolation } from '../../storage/db.js';
import type { EventRecord } from '../../storage/event-repository.js';
import * as events from '../../storage/event-repository.js';
import { findThreads } from '../../storage/thread-repository.js';
import type { Caller } from '../caller.js';
import type { Clock } from '../clock.js';
import type { EventComponent } from '../components/component.js';
import { eventComponentsInput } from '../components/component-input.js';
import { customerIdentifierInput, customerKeyField } from '../customers/customer-identifier.js';
import { DomainError, notFoundError } from '../errors.js';
import { newId } from '../ids.js';
import type { LiveChange } from '../live/live-feed.js';
import { isoDateTime, optionalString, parseInput, requiredString } from '../validation.js';
import type { WebhookOutbox } from '../webhooks/outbox.js';
import { timelineEntryJson } from '../webhooks/webhook-json.js';

/** Limits of events, in one place. */
export const EVENT_LIMITS = { title: 500, externalId: 500 } as const;

/** An event with its components typed. */
export type Event = Omit<EventRecord, 'components'> & { components: EventComponent[] };

const common = {
  title: requiredString(EVENT_LIMITS.title),
  components: eventComponentsInput,
  externalId: optionalString(EVENT_LIMITS.externalId),
  timestamp: isoDateTime.nullish(),
};
const customerEventInput = z.object({
  customerIdentifier: customerIdentifierInput,
  threadId: z.string().nullish(),
  ...common,
});
const threadEventInput = z.object({ threadId: z.string(), ...common });

/** Customer and thread events: what a product posts into threads' timelines. */
export function createEventService(deps: { db: Db; clock: Clock; outbox: WebhookOutbox }) {
  const { db, clock, outbox } = deps;

  async function insert(
    caller: Caller,
    kind: EventRecord['kind'],
    customer: Pick<CustomerRecord, 'id'>,
    threadId: string | null,
    data: {
      title: string;
      components: EventComponent[];
      externalId?: string | null;
      timestamp?: string | null;
    },
  ): Promise<Event> {
    const now = clock();
    // A timestamp backdates the event (for backfilling), placing it in the timeline at that time.
    const at = data.timestamp ? new Date(data.timestamp) : now;
    const event: Event = {
      workspaceId: caller.workspaceId,
      id: newId('tev'),
      kind,
      customerId: customer.id,
      threadId,
      title: data.title,
      components: data.components,
      externalId: data.externalId ?? null,
      createdAt: at,
      createdBy: caller.actor,
      updatedAt: now,
      updatedBy: caller.actor,
    };
    try {
      await outbox.record(
        caller.workspaceId,
        ['timeline.timeline_entry_changed'],
        (q) => events.insertEvent(q, event),
        async (entries) =>
          entries.map((entry) => ({
            type: 'timeline.timeline_entry_changed',
            payload: {
              changeType: 'ADDED',
              previousTimelineEntry: null,
              timelineEntry: timelineEntryJson({
                id: entry.id,
                customerId: event.customerId,
                threadId: entry.threadId,
                timestamp: event.createdAt,
                actor: event.createdBy,
                content: {
                  entryType: 'custom',
                  externalId: event.externalId,
                  title: event.title,
                  components: event.components,
                },
              }),
            },
          })),
        (entries) => [
          ...entries.map(
            (entry): LiveChange => ({
              kind: 'thread',
              workspaceId: event.workspaceId,
              threadId: entry.threadId,
              type: 'timeline.timeline_entry_changed',
            }),
          ),
          ...(kind === 'customer'
            ? [
                {
                  kind: 'customer' as const,
                  workspaceId: event.workspaceId,
                  customerId: event.customerId,
                  type: 'timeline.timeline_entry_changed',
                },
              ]
            : []),
        ],
      );
    } catch (error) {
      if (error instanceof UniqueViolation && error.constraint === 'events_external_id_key') {
        throw new DomainError(
          'event_already_exists_with_external_id',
          `An event with the externalId "${event.externalId}" already exists.`,
          [
            {
              field: 'externalId',
              message: 'Already used by another event; nothing was created.',
              type: 'VALIDATION',
            },
          ],
        );
      }
      throw error;
    }
    return event;
  }

  return {
    /**
     * Creates a customer event, shown in every thread of the customer, or with `threadId` in that one
     * thread only. A second create with the same externalId fails and creates nothing.
     */
    async createCustomerEvent(caller: Caller, rawInput: unknown): Promise<Event> {
      const input = parseInput(customerEventInput, rawInput);
      const customer = await findCustomer(db, caller.workspaceId, input.customerIdentifier);
      if (!customer)
        throw notFoundError(customerKeyField('customerIdentifier', input.customerIdentifier), 'Customer');
      if (input.threadId) {
        const [thread] = await findThreads(db, caller.workspaceId, [input.threadId]);
        if (!thread || thread.customerId !== customer.id)
          throw notFoundError('threadId', 'Thread of this customer');
      }
      return insert(caller, 'customer', customer, input.threadId ?? null, input);
    },

    /** Creates a thread event, shown in that thread only. */
    async createThreadEvent(caller: Caller, rawInput: unknown): Promise<Event> {
      const input = parseInput(threadEventInput, rawInput);
      const [thread] = await findThreads(db, caller.workspaceId, [input.threadId]);
      if (!thread) throw notFoundError('threadId', 'Thread');
      return insert(caller, 'thread', { id: thread.customerId }, thread.id, input);
    },
  };
}

/** The event service's interface. */
export type EventService = ReturnType<typeof createEventService>;
