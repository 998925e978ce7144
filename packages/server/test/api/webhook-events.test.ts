/**
 * Every event type Threadline sends arrives at a real receiver, signed with the workspace's secret,
 * and passes the official SDK's verifyPlainWebhook (HMAC, JSON schema 2026-02-27, timestamp).
 */
import { verifyPlainWebhook } from '@team-plain/typescript-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SENT_EVENT_TYPES } from '../../src/domain/webhooks/event-types.js';
import { createFieldSchema } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  type ReceivedWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../support/webhook-receiver.js';

let t: TestServer;
let receiver: WebhookReceiver;
let secret: string;
let targetId: string;

const ID = /^[a-zA-Z]+_[0123456789ABCDEFGHJKMNPQRSTVWXYZ]{26}$/;

beforeAll(async () => {
  t = await startTestServer({ THREADLINE_SCHEDULER_INTERVAL_MS: '50' });
  receiver = await startWebhookReceiver();
  const res = await t.graphql('{ webhookSigningSecret { secret } }');
  secret = res.body.data.webhookSigningSecret.secret;
  const created = await t.client.createWebhookTarget({
    url: receiver.url,
    description: 'every event',
    isEnabled: true,
    eventSubscriptions: SENT_EVENT_TYPES.map((eventType) => ({ eventType })),
  });
  expect(created.error).toBeUndefined();
  targetId = created.data!.id;
});

afterAll(async () => {
  await t.close();
  await receiver.close();
});

/** Waits for one delivered event of `type` about `subject` (a thread or customer id in its payload). */
async function eventOf(type: string, subject: string): Promise<ReceivedWebhook> {
  const matches = (w: ReceivedWebhook) => w.body?.type === type && w.raw.includes(subject);
  await receiver.waitFor((all) => all.some(matches));
  return receiver.received.find(matches)!;
}

function verified(webhook: ReceivedWebhook) {
  const result = verifyPlainWebhook(webhook.raw, String(webhook.headers['plain-request-signature']), secret);
  if (result.error) throw result.error;
  return result.data!;
}

describe('webhook events', () => {
  let customerId: string;
  let threadId: string;

  it('customer.customer_created: verified, with Plain headers and envelope', async () => {
    const upserted = await t.client.upsertCustomer({
      identifier: { emailAddress: 'hooked@example.com' },
      onCreate: { fullName: 'Hooked Person', email: { email: 'hooked@example.com', isVerified: true } },
      onUpdate: {},
    });
    customerId = upserted.data!.customer.id;
    const webhook = await eventOf('customer.customer_created', customerId);
    const event = verified(webhook);
    expect(event.type).toBe('customer.customer_created');
    expect(event.id).toMatch(/^pEv_/);
    expect(event.webhookMetadata).toEqual({
      webhookTargetId: targetId,
      webhookTargetVersion: '2026-02-27',
      webhookDeliveryAttemptId: expect.stringMatching(/^whAttempt_/),
      webhookDeliveryAttemptNumber: 1,
      webhookDeliveryAttemptTimestamp: expect.any(String),
    });
    expect(webhook.headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': 'Plain-Webhooks/1.0 (plain.com; help@plain.com)',
      'plain-workspace-id': event.workspaceId,
      'plain-webhook-target-id': targetId,
      'plain-webhook-target-version': '2026-02-27',
      'plain-webhook-delivery-attempt-id': event.webhookMetadata.webhookDeliveryAttemptId,
      'plain-webhook-delivery-attempt-number': '1',
      'plain-event-type': 'customer.customer_created',
      'plain-event-id': event.id,
    });
    expect(webhook.body.payload.customer).toMatchObject({
      id: customerId,
      fullName: 'Hooked Person',
      email: { email: 'hooked@example.com', isVerified: true },
      createdBy: { actorType: 'machineUser', machineUserId: expect.stringMatching(ID) },
    });
  });

  it('customer.customer_updated carries the customer before and after', async () => {
    await t.client.upsertCustomer({
      identifier: { customerId },
      onCreate: { fullName: 'x', email: { email: 'hooked@example.com', isVerified: true } },
      onUpdate: { fullName: { value: 'Hooked Renamed' } },
    });
    const event = verified(await eventOf('customer.customer_updated', customerId));
    const payload = event.payload as any;
    expect(payload.customer.fullName).toBe('Hooked Renamed');
    expect(payload.previousCustomer.fullName).toBe('Hooked Person');
  });

  it('thread.thread_created', async () => {
    const created = await t.client.createThread({
      title: 'Webhooks please',
      customerIdentifier: { customerId },
      components: [{ componentText: { text: 'It broke' } }],
    });
    threadId = created.data!.id;
    const payload = verified(await eventOf('thread.thread_created', threadId)).payload as any;
    expect(payload.thread).toMatchObject({
      id: threadId,
      title: 'Webhooks please',
      status: 'TODO',
      statusDetail: { type: 'CREATED' },
      priority: 2,
      customer: { id: customerId, fullName: 'Hooked Renamed' },
      labels: [],
    });
  });

  it('thread.thread_status_transitioned, for a person and for the snooze timer', async () => {
    await t.client.snoozeThread({ threadId, durationSeconds: 1 });
    const snoozed = verified(await eventOf('thread.thread_status_transitioned', threadId)).payload as any;
    expect(snoozed.previousThread.status).toBe('TODO');
    expect(snoozed.thread.status).toBe('SNOOZED');
    expect(snoozed.thread.statusDetail).toMatchObject({ type: 'WAITING_FOR_DURATION', durationSeconds: 1 });

    await receiver.waitFor((all) =>
      all.some(
        (w) =>
          w.body?.type === 'thread.thread_status_transitioned' && w.body.payload.thread.status === 'TODO',
      ),
    );
    const woken = receiver.received.find(
      (w) => w.body?.type === 'thread.thread_status_transitioned' && w.body.payload.thread.status === 'TODO',
    )!;
    expect(verified(woken).payload).toMatchObject({
      thread: { statusChangedBy: { actorType: 'system', system: 'snooze_timer' } },
      previousThread: { status: 'SNOOZED' },
    });
  });

  it('thread.thread_assignment_transitioned', async () => {
    const me = await t.graphql('{ users(first: 1) { edges { node { id } } } }');
    const userId = me.body.data.users.edges[0].node.id;
    await t.client.assignThread({ threadId, userId });
    const payload = verified(await eventOf('thread.thread_assignment_transitioned', threadId)).payload as any;
    expect(payload.previousThread.assignee).toBeNull();
    expect(payload.thread.assignee).toMatchObject({ id: userId, email: 'admin@localhost' });
  });

  it('thread.thread_labels_changed, ADDED and REMOVED', async () => {
    const labelType = await t.client.createLabelType({ name: 'Hooked' });
    const added = await t.client.addLabels({ threadId, labelTypeIds: [labelType.data!.id] });
    await receiver.waitFor((all) => all.some((w) => w.body?.type === 'thread.thread_labels_changed'));
    await t.client.removeLabels({ labelIds: [added.data![0]!.id] });
    await receiver.waitFor(
      (all) => all.filter((w) => w.body?.type === 'thread.thread_labels_changed').length === 2,
    );
    const [add, remove] = receiver.received
      .filter((w) => w.body?.type === 'thread.thread_labels_changed')
      .map((w) => verified(w).payload as any);
    expect(add.changeType).toBe('ADDED');
    expect(add.thread.labels.map((l: any) => l.labelType.name)).toEqual(['Hooked']);
    expect(add.previousThread.labels).toEqual([]);
    expect(remove.changeType).toBe('REMOVED');
    expect(remove.thread.labels).toEqual([]);
  });

  it('thread.thread_priority_changed', async () => {
    await t.client.changeThreadPriority({ threadId, priority: 0 });
    const payload = verified(await eventOf('thread.thread_priority_changed', threadId)).payload as any;
    expect([payload.previousThread.priority, payload.thread.priority]).toEqual([2, 0]);
  });

  it('thread.thread_field_created, _updated and _deleted', async () => {
    await createFieldSchema(t, 'plan', 'Plan');
    const field = (stringValue: string) =>
      t.client.upsertThreadField({
        identifier: { threadId, key: 'plan' },
        type: 'STRING' as any,
        stringValue,
      });
    expect((await field('pro')).error).toBeUndefined();
    expect((await field('team')).error).toBeUndefined();
    expect(
      (await t.client.deleteThreadField({ identifier: { threadId, key: 'plan' } })).error,
    ).toBeUndefined();
    const created = verified(await eventOf('thread.thread_field_created', threadId)).payload as any;
    const updated = verified(await eventOf('thread.thread_field_updated', threadId)).payload as any;
    const deleted = verified(await eventOf('thread.thread_field_deleted', threadId)).payload as any;
    expect(created.threadField).toMatchObject({ key: 'plan', type: 'STRING', stringValue: 'pro', threadId });
    expect([updated.previousThreadField.stringValue, updated.threadField.stringValue]).toEqual([
      'pro',
      'team',
    ]);
    expect(deleted.previousThreadField.stringValue).toBe('team');
    expect(deleted.thread.id).toBe(threadId);
  });

  it('thread.note_created and its timeline.timeline_entry_changed', async () => {
    const note = await t.client.createNote({
      customerId,
      threadId,
      text: 'Internal: refund',
      markdown: '**refund**',
    });
    const payload = verified(await eventOf('thread.note_created', note.data!.id)).payload as any;
    expect(payload.note).toMatchObject({
      id: note.data!.id,
      text: 'Internal: refund',
      markdown: '**refund**',
    });
    const entry = verified(await eventOf('timeline.timeline_entry_changed', note.data!.id)).payload as any;
    expect(entry).toMatchObject({
      changeType: 'ADDED',
      previousTimelineEntry: null,
      timelineEntry: {
        id: payload.note.timelineEntryId,
        threadId,
        customerId,
        entry: { entryType: 'note', noteId: note.data!.id, text: 'Internal: refund' },
      },
    });
  });

  it('thread.chat_sent and thread.chat_received for replies', async () => {
    await t.client.replyToThread({ threadId, textContent: 'We are on it' });
    const sent = verified(await eventOf('thread.chat_sent', 'We are on it')).payload as any;
    expect(sent.chat).toMatchObject({ text: 'We are on it', createdBy: { actorType: 'machineUser' } });
    await t.client.replyToThread({
      threadId,
      textContent: 'Thanks!',
      impersonation: { asCustomer: { customerIdentifier: { customerId } } },
    });
    const received = verified(await eventOf('thread.chat_received', 'Thanks!')).payload as any;
    expect(received.chat.createdBy).toEqual({ actorType: 'customer', customerId });
  });

  it('timeline.timeline_entry_changed for customer and thread events, components as webhook JSON', async () => {
    const event = await t.client.createThreadEvent({
      threadId,
      title: 'API key generated',
      components: [
        { componentText: { text: 'Key **abc** made' } },
        { componentSpacer: { spacerSize: 'M' as any } },
        { componentLinkButton: { linkButtonLabel: 'Open', linkButtonUrl: 'https://example.com/keys' } },
      ],
    });
    const payload = verified(await eventOf('timeline.timeline_entry_changed', 'API key generated'))
      .payload as any;
    expect(payload.timelineEntry.entry).toEqual({
      entryType: 'custom',
      externalId: null,
      title: 'API key generated',
      type: null,
      components: [
        { type: 'text', text: 'Key **abc** made', textSize: null, textColor: null },
        { type: 'spacer', spacerSize: 'M' },
        { type: 'linkButton', linkButtonLabel: 'Open', linkButtonUrl: 'https://example.com/keys' },
      ],
      attachments: [],
    });
    expect(event.data!.id).toMatch(/^tev_/);
  });

  it('customer.customer_deleted', async () => {
    await t.client.deleteCustomer({ customerId });
    const payload = verified(await eventOf('customer.customer_deleted', customerId)).payload as any;
    expect(payload.previousCustomer).toMatchObject({ id: customerId, fullName: 'Hooked Renamed' });
  });

  it('sends every event type once, each on its first attempt, and logs each attempt', async () => {
    const types = new Set(receiver.received.map((w) => w.body.type));
    expect([...types].sort()).toEqual([...SENT_EVENT_TYPES].sort());
    const ids = receiver.received.map((w) => w.body.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(receiver.received.every((w) => w.body.webhookMetadata.webhookDeliveryAttemptNumber === 1)).toBe(
      true,
    );

    const log = await t.graphql(
      `query ($id: ID!) { webhookDeliveryAttempts(webhookTargetId: $id, first: 100) { edges { node {
         publicEventId publicEventEventType attemptNumber responseBodyExcerpt
         result { __typename ... on WebhookDeliveryAttemptSuccessfulResult { status httpStatusCode } } } } } }`,
      { id: targetId },
    );
    const nodes = log.body.data.webhookDeliveryAttempts.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(receiver.received.length);
    expect(nodes[0].result).toEqual({
      __typename: 'WebhookDeliveryAttemptSuccessfulResult',
      status: 'SUCCESSFUL_RESPONSE',
      httpStatusCode: 200,
    });
    expect(nodes[0].responseBodyExcerpt).toBe('ok');
  });
});
