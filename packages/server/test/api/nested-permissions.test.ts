/**
 * What a selection reaches below its root needs the read permission of each type it reaches, and the
 * permission lists on Plain's seed pages are enough for the official SDK's calls on those pages.
 */
import { PlainClient, uiComponent } from '@team-plain/typescript-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerWithThreads } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;
let jane: Awaited<ReturnType<typeof createCustomerWithThreads>>;
let machineUserId: string;
beforeAll(async () => {
  t = await startTestServer();
  jane = await createCustomerWithThreads(t, 'nested-permissions', 1);
  const { body } = await t.graphql(
    'mutation { createMachineUser(input: { fullName: "Scoped", publicName: "Scoped" }) { machineUser { id } } }',
  );
  machineUserId = body.data.createMachineUser.machineUser.id;
});
afterAll(() => t.close());

/** A client whose key holds exactly `permissions`. */
async function clientWith(permissions: string[]) {
  const { body } = await t.graphql(
    'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKeySecret error { message } } }',
    { input: { machineUserId, permissions } },
  );
  const apiKey = body.data.createApiKey.apiKeySecret as string;
  return { apiKey, client: new PlainClient({ apiKey, apiUrl: t.apiUrl }) };
}

async function threadCount(): Promise<number> {
  return (await t.server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM threads'))[0]!.n;
}

describe('a selection below the root', () => {
  it('needs customer:read to read a thread’s customer, and timeline:read for its timeline', async () => {
    const { apiKey } = await clientWith(['thread:read']);
    const query = (selection: string) =>
      t.graphql(
        `query($id: ID!) { thread(threadId: $id) { ${selection} } }`,
        { id: jane.threadIds[0] },
        apiKey,
      );
    expect((await query('id title')).status).toBe(200);
    const customer = await query('customer { email { email } }');
    expect(customer.status).toBe(403);
    expect(customer.body.errors[0]).toMatchObject({
      message: 'Insufficient permissions, missing "customer:read".',
      extensions: { code: 'FORBIDDEN' },
    });
    const timeline = await query('timelineEntries { edges { node { id } } }');
    expect(timeline.body.errors[0].message).toBe('Insufficient permissions, missing "timeline:read".');
  });

  it('refuses a createThread whose selection needs a permission the key lacks, before creating anything', async () => {
    const { client } = await clientWith(['thread:create', 'thread:read']);
    const before = await threadCount();
    const res = await client.createThread({
      title: 'Not allowed',
      customerIdentifier: { customerId: jane.customerId },
    });
    expect(res.error).toMatchObject({
      type: 'forbidden',
      message: 'Insufficient permissions, missing "customer:read".',
    });
    expect(await threadCount()).toBe(before);
  });
});

describe('the permissions Plain’s pages list', () => {
  it('suffice for createThread through the SDK (seed 004)', async () => {
    const { client } = await clientWith([
      'label:create',
      'label:read',
      'labelType:read',
      'machineUser:read',
      'customer:read',
      'user:read',
      'thread:create',
      'thread:edit',
      'thread:read',
      'threadField:create',
      'threadField:update',
      'threadField:read',
    ]);
    const res = await client.createThread({
      title: 'Allowed',
      customerIdentifier: { emailAddress: jane.email },
    });
    expect(res.error).toBeUndefined();
    expect(res.data?.title).toBe('Allowed');
  });

  it('suffice for createCustomerEvent through the SDK (seed 001: customerEvent:create)', async () => {
    const { client } = await clientWith(['customerEvent:create']);
    const res = await client.createCustomerEvent({
      title: 'Allowed',
      customerIdentifier: { emailAddress: jane.email },
      components: [uiComponent.text({ text: 'ok' })],
    });
    expect(res.error).toBeUndefined();
  });

  it('suffice for createThreadEvent through the SDK (seed 002)', async () => {
    const { client } = await clientWith([
      'threadEvent:create',
      'threadEvent:read',
      'thread:read',
      'customer:read',
    ]);
    const res = await client.createThreadEvent({
      title: 'Allowed',
      threadId: jane.threadIds[0]!,
      components: [],
    });
    expect(res.error).toBeUndefined();
  });

  it('suffice for upsertCustomer through the SDK (customer:create, customer:edit)', async () => {
    const { client } = await clientWith(['customer:create', 'customer:edit']);
    const res = await client.upsertCustomer({
      identifier: { emailAddress: 'scoped@example.com' },
      onCreate: { fullName: 'Scoped', email: { email: 'scoped@example.com', isVerified: false } },
      onUpdate: {},
    });
    expect(res.data?.result).toBe('CREATED');
  });
});
