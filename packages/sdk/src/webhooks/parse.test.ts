import { describe, expect, it } from 'vitest';
import { officialWebhookExample } from '../../test/support/official-webhook-examples.js';
import type { WebhookEvent } from './event-types.js';
import { parseWebhook } from './parse.js';

/** What a handler would do: narrow on `type` and read the payload's own fields. */
function describeEvent(event: WebhookEvent): string {
  switch (event.type) {
    case 'thread.thread_created':
      return `created ${event.payload.thread.id} for ${event.payload.thread.customer.email.email}`;
    case 'thread.thread_status_transitioned':
      return `${event.payload.previousThread.status} -> ${event.payload.thread.status}`;
    case 'thread.thread_assignment_transitioned':
      return `assigned ${event.payload.thread.assignee === null ? 'to nobody' : 'to someone'}`;
    case 'customer.customer_created':
      return `customer ${event.payload.customer.fullName}`;
    case 'timeline.timeline_entry_changed':
      return event.payload.changeType === 'REMOVED'
        ? `removed ${event.payload.previousTimelineEntry.id}`
        : `entry ${event.payload.timelineEntry.id}`;
    default:
      return event.type;
  }
}

describe('parseWebhook', () => {
  it.each([
    ['thread-created', 'created th_01HD44FHMCDSSWE38N14FSYV6K for peter@example.com'],
    ['thread-status-transitioned', 'TODO -> DONE'],
    ['thread-assignment-transitioned', 'assigned to someone'],
    ['customer-created', expect.stringMatching(/^customer /)],
  ] as const)("reads Plain SDK's %s example as a typed event", (name, summary) => {
    const res = parseWebhook(JSON.stringify(officialWebhookExample(name)));
    if (res.error) throw new Error(res.error.message);
    expect(describeEvent(res.data)).toEqual(summary);
  });

  it('accepts an object already parsed', () => {
    expect(parseWebhook(officialWebhookExample('thread-created')).data?.id).toBe(
      'pEv_01HD44FHHJ0YABSNGKWMG3CJ5J',
    );
  });

  it("rejects Plain SDK's invalid example (a status transition carrying a user, not its threads)", () => {
    expect(parseWebhook(officialWebhookExample('invalid')).error).toEqual({
      type: 'invalid_payload',
      message: 'The thread.thread_status_transitioned payload has no "thread" object.',
    });
  });

  it('returns unknown_event_type for an event Threadline does not send', () => {
    expect(parseWebhook(officialWebhookExample('email-received')).error?.type).toBe('unknown_event_type');
  });

  it('returns version_mismatch for another webhook schema version', () => {
    const event = officialWebhookExample('thread-created');
    event.webhookMetadata.webhookTargetVersion = '2024-09-18';
    expect(parseWebhook(event).error?.type).toBe('version_mismatch');
  });

  it('returns invalid_payload when payload.eventType and type disagree', () => {
    const event = officialWebhookExample('thread-created');
    event.payload.eventType = 'thread.thread_priority_changed';
    expect(parseWebhook(event).error?.message).toMatch(/differs from type/);
  });

  it.each([
    ['not JSON', '{'],
    ['an array', '[]'],
    [
      'no webhookMetadata',
      JSON.stringify({ ...officialWebhookExample('thread-created'), webhookMetadata: undefined }),
    ],
    ['no id', JSON.stringify({ ...officialWebhookExample('thread-created'), id: 7 })],
  ])('returns invalid_payload for %s', (_case, body) => {
    expect(parseWebhook(body).error?.type).toBe('invalid_payload');
  });

  it('reads a timeline entry removal, where timelineEntry is null', () => {
    const event = {
      ...officialWebhookExample('thread-created'),
      type: 'timeline.timeline_entry_changed',
      payload: {
        eventType: 'timeline.timeline_entry_changed',
        changeType: 'REMOVED',
        timelineEntry: null,
        previousTimelineEntry: {
          id: 't_01HD44FHMCDSSWE38N14FSYV6K',
          customerId: 'c_01HD44FHDPG82VQ4QNHDR4N2T0',
          threadId: null,
          timestamp: '2023-10-19T14:12:25.266Z',
          actor: { actorType: 'system', system: 'job' },
          entry: { entryType: 'note', noteId: 'n_01HD44FHMCDSSWE38N14FSYV6K', text: 'x', markdown: null },
        },
      },
    };
    const res = parseWebhook(event);
    if (res.error) throw new Error(res.error.message);
    expect(describeEvent(res.data)).toBe('removed t_01HD44FHMCDSSWE38N14FSYV6K');
  });
});
