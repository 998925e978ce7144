/**
 * Webhooks across process deaths and processes side by side, with Threadline run as its own process:
 * SIGKILL with deliveries pending loses none, and two processes on one PostgreSQL never send one
 * attempt twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newApiKey, type ServerProcess, spawnServer } from '../support/server-process.js';
import { createTestDbLocation, type TestDbLocation } from '../support/test-db.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const WEBHOOKS = {
  THREADLINE_SCHEDULER_INTERVAL_MS: '50',
  THREADLINE_WEBHOOK_RETRY_SCHEDULE: Array(20).fill('200ms').join(','),
  THREADLINE_WEBHOOK_TIMEOUT: '500ms',
};

let cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => {});
  cleanup = [];
});

async function setUp(answer: (n: number) => number) {
  const location: TestDbLocation = await createTestDbLocation();
  const receiver: WebhookReceiver = await startWebhookReceiver(answer);
  cleanup.push(
    () => location.drop(),
    () => receiver.close(),
  );
  return { location, receiver, apiKey: newApiKey() };
}

async function spawn(env: Record<string, string>, apiKey: string): Promise<ServerProcess> {
  const server = await spawnServer({ ...WEBHOOKS, ...env }, apiKey);
  cleanup.push(() => server.kill());
  return server;
}

async function createCustomers(server: ServerProcess, prefix: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const email = `${prefix}-${i}@example.com`;
    const res = await server.client.upsertCustomer({
      identifier: { emailAddress: email },
      onCreate: { fullName: `${prefix} ${i}`, email: { email, isVerified: false } },
      onUpdate: {},
    });
    expect(res.error).toBeUndefined();
    ids.push(res.data!.customer.id);
  }
  return ids;
}

describe('webhooks and process deaths', () => {
  it('delivers every event after a SIGKILL with deliveries pending', async () => {
    // The receiver fails everything until the first server is dead, so deliveries are pending then.
    let failing = true;
    const { location, receiver, apiKey } = await setUp(() => (failing ? 503 : 200));
    const first = await spawn(location.env, apiKey);
    const target = await first.client.createWebhookTarget({
      url: receiver.url,
      description: 'crash',
      isEnabled: true,
      eventSubscriptions: [{ eventType: 'customer.customer_created' }],
    });
    expect(target.error).toBeUndefined();
    const customerIds = await createCustomers(first, 'crash', 20);
    await receiver.waitFor((all) => all.length >= 20);
    await first.kill();

    failing = false;
    const second = await spawn(location.env, apiKey);
    await receiver.waitFor(
      (all) => new Set(all.filter((w) => w.answered === 200).map((w) => w.body.id)).size === 20,
      20_000,
    );
    const delivered = receiver.delivered();
    expect(new Set(delivered.map((w) => w.body.payload.customer.id))).toEqual(new Set(customerIds));
    expect(receiver.received.some((w) => w.body.webhookMetadata.webhookDeliveryAttemptNumber > 1)).toBe(true);
    await second.stop();
  }, 90_000);
});

describe.runIf(process.env.DATABASE_URL)('two server processes on one PostgreSQL', () => {
  it('send each attempt once between them', async () => {
    const { location, receiver, apiKey } = await setUp(() => 200);
    const [a, b] = [await spawn(location.env, apiKey), await spawn(location.env, apiKey)];
    await a.client.createWebhookTarget({
      url: receiver.url,
      description: 'shared',
      isEnabled: true,
      eventSubscriptions: [{ eventType: 'customer.customer_created' }],
    });
    // Both processes write; both workers claim from one outbox.
    const ids = (await Promise.all([createCustomers(a, 'a', 100), createCustomers(b, 'b', 100)])).flat();
    await receiver.waitFor((all) => all.length >= 200, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 500));

    const attempts = receiver.received.map(
      (w) => `${w.body.id}#${w.body.webhookMetadata.webhookDeliveryAttemptNumber}`,
    );
    expect(attempts).toHaveLength(200);
    expect(new Set(attempts).size).toBe(200);
    expect(new Set(receiver.received.map((w) => w.body.payload.customer.id))).toEqual(new Set(ids));
    await Promise.all([a.stop(), b.stop()]);
  }, 120_000);
});
