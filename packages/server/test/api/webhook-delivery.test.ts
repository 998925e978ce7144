/**
 * Delivery rules with a real receiver: retries on the configured schedule until a 2xx, redirects and
 * timeouts as failures, the delivery log, replays, and disabling a target that keeps failing.
 */
import { verifyPlainWebhook } from '@team-plain/typescript-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

let t: TestServer;
let secret: string;

beforeAll(async () => {
  t = await startTestServer({
    THREADLINE_SCHEDULER_INTERVAL_MS: '50',
    THREADLINE_WEBHOOK_RETRY_SCHEDULE: '100ms,100ms,100ms,100ms',
    THREADLINE_WEBHOOK_TIMEOUT: '500ms',
    THREADLINE_WEBHOOK_DISABLE_AFTER: '1500ms',
  });
  secret = (await t.graphql('{ webhookSigningSecret { secret } }')).body.data.webhookSigningSecret.secret;
});

afterAll(() => t.close());

async function target(
  receiver: WebhookReceiver,
  eventTypes = ['customer.customer_created'],
): Promise<string> {
  const created = await t.client.createWebhookTarget({
    url: receiver.url,
    description: 'test',
    isEnabled: true,
    eventSubscriptions: eventTypes.map((eventType) => ({ eventType })),
  });
  expect(created.error).toBeUndefined();
  return created.data!.id;
}

async function newCustomer(name: string): Promise<string> {
  const email = `${name}@example.com`;
  const res = await t.client.upsertCustomer({
    identifier: { emailAddress: email },
    onCreate: { fullName: name, email: { email, isVerified: false } },
    onUpdate: {},
  });
  return res.data!.customer.id;
}

const LOG = `query ($id: ID!, $filters: WebhookDeliveryAttemptFilter) {
  webhookDeliveryAttempts(webhookTargetId: $id, filters: $filters, first: 100) { edges { node {
    id publicEventId attemptNumber durationInMilliseconds responseBodyExcerpt
    result {
      __typename
      ... on WebhookDeliveryAttemptSuccessfulResult { status httpStatusCode }
      ... on WebhookDeliveryAttemptFailedResult { status httpStatusCode }
      ... on WebhookDeliveryAttemptErrorResult { status errorCode errorMessage }
    } } } } }`;

async function log(targetId: string, filters?: unknown) {
  const res = await t.graphql(LOG, { id: targetId, filters });
  return res.body.data.webhookDeliveryAttempts.edges.map((e: any) => e.node);
}

describe('webhook delivery', () => {
  it('retries a failing receiver until it answers 2xx: one event id, attempts 1..N+1, one success', async () => {
    const receiver = await startWebhookReceiver((n) => (n <= 3 ? 500 : 204));
    const targetId = await target(receiver);
    const customerId = await newCustomer('retried');
    await receiver.waitFor((all) => all.some((w) => w.answered === 204));
    await new Promise((resolve) => setTimeout(resolve, 400)); // nothing more may arrive

    expect(receiver.received.map((w) => w.answered)).toEqual([500, 500, 500, 204]);
    expect(receiver.received.map((w) => w.body.webhookMetadata.webhookDeliveryAttemptNumber)).toEqual([
      1, 2, 3, 4,
    ]);
    expect(new Set(receiver.received.map((w) => w.body.id)).size).toBe(1);
    expect(new Set(receiver.received.map((w) => w.body.webhookMetadata.webhookDeliveryAttemptId)).size).toBe(
      4,
    );
    expect(receiver.received[0]!.body.payload.customer.id).toBe(customerId);
    for (const w of receiver.received) {
      expect(
        verifyPlainWebhook(w.raw, String(w.headers['plain-request-signature']), secret).error,
      ).toBeUndefined();
    }

    const attempts = await log(targetId);
    expect(attempts.map((a: any) => [a.attemptNumber, a.result.__typename, a.result.httpStatusCode])).toEqual(
      [
        [4, 'WebhookDeliveryAttemptSuccessfulResult', 204],
        [3, 'WebhookDeliveryAttemptFailedResult', 500],
        [2, 'WebhookDeliveryAttemptFailedResult', 500],
        [1, 'WebhookDeliveryAttemptFailedResult', 500],
      ],
    );
    expect(attempts[1].responseBodyExcerpt).toBe('failing with 500');
    expect(
      (await log(targetId, { resultStatus: 'SUCCESSFUL_RESPONSE' })).map((a: any) => a.attemptNumber),
    ).toEqual([4]);
    expect(await log(targetId, { resultStatus: 'SCHEMA_VALIDATION_FAILED' })).toEqual([]);
    expect(await log(targetId, { eventTypes: ['thread.thread_created'] })).toEqual([]);
    expect(await log(targetId, { publicEventId: receiver.received[0]!.body.id })).toHaveLength(4);
    await receiver.close();
  });

  it('counts a redirect as a failure and does not follow it', async () => {
    const elsewhere = await startWebhookReceiver();
    const receiver = await startWebhookReceiver((n) =>
      n === 1 ? { status: 302, location: elsewhere.url } : 200,
    );
    const targetId = await target(receiver);
    await newCustomer('redirected');
    await receiver.waitFor((all) => all.length === 2);
    expect(receiver.received.map((w) => w.answered)).toEqual([302, 200]);
    expect(elsewhere.received).toEqual([]);
    expect((await log(targetId)).at(-1).result).toEqual({
      __typename: 'WebhookDeliveryAttemptFailedResult',
      status: 'FAILED_RESPONSE',
      httpStatusCode: 302,
    });
    await Promise.all([receiver.close(), elsewhere.close()]);
  });

  it('gives up on an attempt after the timeout (ERROR timeout) and retries', async () => {
    const receiver = await startWebhookReceiver((n) => (n === 1 ? { status: 200, delayMs: 2000 } : 200));
    const targetId = await target(receiver);
    await newCustomer('slow');
    await receiver.waitFor((all) => all.length === 2, 5000);
    await receiver.waitFor(() => false, 300).catch(() => {});
    const attempts = await log(targetId);
    expect(attempts.map((a: any) => a.result.__typename)).toEqual([
      'WebhookDeliveryAttemptSuccessfulResult',
      'WebhookDeliveryAttemptErrorResult',
    ]);
    expect(attempts[1].result.errorCode).toBe('timeout');
    expect(attempts[1].durationInMilliseconds).toBeGreaterThanOrEqual(450);
    expect(attempts[1].durationInMilliseconds).toBeLessThan(1500);
    await receiver.close();
  });

  it('fails a delivery for good after the schedule, then replays it (one event, same id)', async () => {
    const receiver = await startWebhookReceiver(() => 503);
    const targetId = await target(receiver);
    await newCustomer('given-up');
    await receiver.waitFor((all) => all.length === 5); // the first attempt and four retries
    await receiver.waitFor(() => false, 400).catch(() => {});
    expect(receiver.received).toHaveLength(5);
    const eventId = receiver.received[0]!.body.id;

    receiver.answerWith(() => 200);
    const replay = await t.graphql(
      'mutation ($input: ReplayWebhookEventsInput!) { replayWebhookEvents(input: $input) { publicEventIds error { message code } } }',
      { input: { webhookTargetId: targetId, failedSince: new Date(Date.now() - 60_000).toISOString() } },
    );
    expect(replay.body.data.replayWebhookEvents).toEqual({ publicEventIds: [eventId], error: null });
    await receiver.waitFor((all) => all.length === 6);
    expect(receiver.received[5]!.body.id).toBe(eventId);
    expect(receiver.received[5]!.body.webhookMetadata.webhookDeliveryAttemptNumber).toBe(6);

    // One event again by id, though it was delivered.
    const again = await t.graphql(
      'mutation ($input: ReplayWebhookEventsInput!) { replayWebhookEvents(input: $input) { publicEventIds error { code fields { field } } } }',
      { input: { webhookTargetId: targetId, publicEventId: eventId } },
    );
    expect(again.body.data.replayWebhookEvents.publicEventIds).toEqual([eventId]);
    await receiver.waitFor((all) => all.length === 7);
    await receiver.close();
  });

  it('refuses a replay that names neither or both, or an event the target never had', async () => {
    const receiver = await startWebhookReceiver();
    const targetId = await target(receiver);
    const replay = (input: unknown) =>
      t.graphql(
        'mutation ($input: ReplayWebhookEventsInput!) { replayWebhookEvents(input: $input) { publicEventIds error { code fields { field type } } } }',
        { input },
      );
    const neither = (await replay({ webhookTargetId: targetId })).body.data.replayWebhookEvents;
    expect(neither.publicEventIds).toEqual([]);
    expect(neither.error.fields.map((f: any) => f.field)).toEqual(['publicEventId', 'failedSince']);
    const unknown = (
      await replay({ webhookTargetId: targetId, publicEventId: 'pEv_01JABCDEFGHJKMNPQRSTVWXYZ0' })
    ).body.data.replayWebhookEvents;
    expect(unknown.error).toMatchObject({
      code: 'not_found',
      fields: [{ field: 'publicEventId', type: 'NOT_FOUND' }],
    });
    const badTime = (await replay({ webhookTargetId: targetId, failedSince: 'yesterday' })).body.data
      .replayWebhookEvents;
    expect(badTime.error.fields).toEqual([{ field: 'failedSince', type: 'VALIDATION' }]);
    await receiver.close();
  });

  it('disables a target that fails continuously for the configured period, says why, and sends what waited once enabled', async () => {
    const receiver = await startWebhookReceiver(() => 500);
    const targetId = await target(receiver);
    await newCustomer('disabled-one');
    const read = async () =>
      (
        await t.graphql(
          'query ($id: ID!) { webhookTarget(webhookTargetId: $id) { isEnabled disabledReason disabledAt { iso8601 } } }',
          { id: targetId },
        )
      ).body.data.webhookTarget;
    // Failing continuously: events keep coming and every attempt fails, for longer than 1500 ms.
    const deadline = Date.now() + 8000;
    for (let i = 0; (await read()).isEnabled && Date.now() < deadline; i++) {
      await newCustomer(`failing-${i}`);
      await new Promise((r) => setTimeout(r, 150));
    }
    const disabled = await read();
    expect(disabled.isEnabled).toBe(false);
    expect(disabled.disabledReason).toMatch(/every attempt failed since .* \(last: HTTP 500\)/);
    expect(disabled.disabledAt.iso8601).toEqual(expect.any(String));

    // While disabled, nothing is sent and new events for it are not recorded.
    const sent = receiver.received.length;
    await newCustomer('while-disabled');
    await receiver.waitFor(() => false, 400).catch(() => {});
    expect(receiver.received.length).toBe(sent);

    receiver.answerWith(() => 200);
    const enabled = await t.client.updateWebhookTarget({
      webhookTargetId: targetId,
      isEnabled: { value: true },
    });
    expect(enabled.data!.isEnabled).toBe(true);
    expect((await read()).disabledReason).toBeNull();
    await receiver.waitFor((all) => all.some((w) => w.answered === 200));
    // What was pending when it was disabled is sent now; what happened while disabled was never queued.
    await receiver.waitFor(() => false, 500).catch(() => {});
    const names = receiver.delivered().map((w) => w.body.payload.customer.fullName);
    expect(names).not.toContain('while-disabled');
    expect(names.length).toBeGreaterThan(0);
    await receiver.close();
  });
});
