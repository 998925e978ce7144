/**
 * ThreadlineClient's webhook target methods against a live server, and verifyAndParseWebhook on what
 * that server really sends: every event type Threadline sends, signed with the workspace's secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SENT_EVENT_TYPES } from '../../server/src/domain/webhooks/event-types.js';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../server/test/support/webhook-receiver.js';
import { ThreadlineClient, verifyAndParseWebhook, type WebhookEvent } from '../src/index.js';

let t: TestServer;
let receiver: WebhookReceiver;
let client: ThreadlineClient;
let secret: string;

beforeAll(async () => {
  t = await startTestServer({ THREADLINE_SCHEDULER_INTERVAL_MS: '50' });
  receiver = await startWebhookReceiver();
  client = new ThreadlineClient({ apiKey: t.apiKey, apiUrl: t.apiUrl });
  const res = await client.rawRequest({ query: '{ webhookSigningSecret { secret } }' });
  secret = (res.data as any).webhookSigningSecret.secret;
});

afterAll(async () => {
  await t.close();
  await receiver.close();
});

describe('webhook targets through ThreadlineClient', () => {
  it('creates, reads, lists, updates and deletes a target', async () => {
    const created = await client.createWebhookTarget({
      url: receiver.url,
      description: 'sdk',
      isEnabled: true,
      eventSubscriptions: SENT_EVENT_TYPES.map((eventType) => ({ eventType })),
    });
    expect(created.error).toBeUndefined();
    const id = created.data!.id;
    expect((await client.getWebhookTargetById({ id })).data?.url).toBe(receiver.url);
    expect((await client.getWebhookTargets({})).data?.webhookTargets.map((w) => w.id)).toEqual([id]);
    const updated = await client.updateWebhookTarget({
      webhookTargetId: id,
      description: { value: 'renamed' },
    });
    expect(updated.data?.description).toBe('renamed');

    const tooMany = await Promise.all(
      Array.from({ length: 25 }, () =>
        client.createWebhookTarget({
          url: 'https://x.example.com',
          description: '',
          isEnabled: false,
          eventSubscriptions: [],
        }),
      ),
    );
    const refused = tooMany.find((r) => r.error);
    expect(refused?.error).toMatchObject({
      type: 'mutation_error',
      errorDetails: { code: 'too_many_webhook_targets' },
    });
    for (const r of tooMany) if (r.data) await client.deleteWebhookTarget({ webhookTargetId: r.data.id });
  });
});

describe('verifyAndParseWebhook on live deliveries', () => {
  it('accepts every event type the server sends, typed by its type', async () => {
    const customer = await client.upsertCustomer({
      identifier: { emailAddress: 'sdk-hooks@example.com' },
      onCreate: { fullName: 'Sdk Hooks', email: { email: 'sdk-hooks@example.com', isVerified: true } },
      onUpdate: { fullName: { value: 'Sdk Hooks 2' } },
    });
    const customerId = customer.data!.customer.id;
    await client.upsertCustomer({
      identifier: { customerId },
      onCreate: { fullName: 'x', email: { email: 'sdk-hooks@example.com', isVerified: true } },
      onUpdate: { fullName: { value: 'Sdk Hooks 2' } },
    });
    const thread = await client.createThread({ title: 'Hooked', customerIdentifier: { customerId } });
    const threadId = thread.data!.id;
    await client.replyToThread({ threadId, textContent: 'Hello' });
    await client.createNote({ customerId, threadId, text: 'A note' });
    await client.changeThreadPriority({ threadId, priority: 1 });
    await client.markThreadAsDone({ threadId });
    await receiver.waitFor((all) => all.some((w) => w.body?.type === 'thread.thread_status_transitioned'));
    await receiver.waitFor(() => false, 300).catch(() => {});

    const events: WebhookEvent[] = [];
    for (const webhook of receiver.received) {
      const result = await verifyAndParseWebhook(
        webhook.raw,
        String(webhook.headers['plain-request-signature']),
        secret,
      );
      expect(result.error, webhook.body?.type).toBeUndefined();
      events.push(result.data!);
    }
    expect(new Set(events.map((e) => e.type))).toEqual(
      new Set([
        'customer.customer_created',
        'customer.customer_updated',
        'thread.thread_created',
        'thread.chat_sent',
        'thread.note_created',
        'timeline.timeline_entry_changed',
        'thread.thread_priority_changed',
        'thread.thread_status_transitioned',
      ]),
    );
    for (const event of events) {
      // The union narrows by type: each branch reads fields only its payload has.
      switch (event.type) {
        case 'thread.chat_sent':
          expect(event.payload.chat.text).toBe('Hello');
          break;
        case 'thread.note_created':
          expect(event.payload.note.text).toBe('A note');
          break;
        case 'thread.thread_status_transitioned':
          expect([event.payload.previousThread.status, event.payload.thread.status]).toEqual([
            'TODO',
            'DONE',
          ]);
          break;
        case 'customer.customer_updated':
          expect(event.payload.customer.fullName).toBe('Sdk Hooks 2');
          break;
      }
    }
    const tampered = receiver.received[0]!.raw.replace('Sdk Hooks', 'Sdk Hookz');
    const refused = await verifyAndParseWebhook(
      tampered,
      String(receiver.received[0]!.headers['plain-request-signature']),
      secret,
    );
    expect(refused.error?.type).toBe('invalid_signature');
  });
});
