/** customers, searchCustomers and deleteCustomer through the official SDK and raw GraphQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestrictedKey } from '../support/api-keys.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { readTimeline } from '../support/timeline.js';

let t: TestServer;
const ids: Record<string, string> = {};

async function customer(fullName: string, email: string, externalId?: string) {
  const result = await t.client.upsertCustomer({
    identifier: { emailAddress: email },
    onCreate: { fullName, email: { email, isVerified: true }, externalId },
    onUpdate: {},
  });
  ids[email] = result.data!.customer.id;
  return result.data!.customer.id;
}

beforeAll(async () => {
  t = await startTestServer();
  await customer('zoe Quinn', 'zoe@example.com');
  await customer('Ada Lovelace', 'ada@analytical.example', 'crm-ada');
  await customer('bob Marley', 'bob@example.com');
  await customer('Same Name', 'same1@example.com');
  await customer('Same Name', 'same2@example.com');
});

afterAll(() => t.close());

const names = async (args: Parameters<TestServer['client']['getCustomers']>[0]) =>
  (await t.client.getCustomers(args)).data!.customers.map((c) => c.email.email);

describe('customers', () => {
  it('lists by full name A to Z, case-insensitively, ties by id, with totalCount', async () => {
    const result = await t.client.getCustomers({});
    expect(result.data!.customers.map((c) => c.fullName)).toEqual([
      'Ada Lovelace',
      'bob Marley',
      'Same Name',
      'Same Name',
      'zoe Quinn',
    ]);
    expect(result.data!.customers.slice(2, 4).map((c) => c.id)).toEqual([
      ids['same1@example.com'],
      ids['same2@example.com'],
    ]);
    expect(result.data!.totalCount).toBe(5);
  });

  it('sorts Z to A with sortBy FULL_NAME DESC', async () => {
    const desc = await names({ sortBy: { field: 'FULL_NAME' as any, direction: 'DESC' as any } });
    expect(desc).toEqual([...(await names({}))].reverse());
  });

  it('pages forward and backward without duplicates or gaps while customers are created', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let round = 0; ; round++) {
      const page = await t.client.getCustomers({ first: 2, after });
      seen.push(...page.data!.customers.map((c) => c.email.email));
      // Sorts after everyone read so far: it must show up on a later page.
      if (round === 0) await customer('Zz Late', 'late@example.com');
      if (!page.data!.pageInfo.hasNextPage) break;
      after = page.data!.pageInfo.endCursor!;
    }
    expect(seen).toEqual(await names({ first: 100 }));
    expect(seen.at(-1)).toBe('late@example.com');
    expect(new Set(seen).size).toBe(seen.length);

    const back: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await t.client.getCustomers({ last: 4, before });
      back.unshift(...page.data!.customers.map((c) => c.email.email));
      if (!page.data!.pageInfo.hasPreviousPage) break;
      before = page.data!.pageInfo.startCursor!;
    }
    expect(back).toEqual(seen);
  });

  it('filters by updatedAt, and counts what matches', async () => {
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await t.client.upsertCustomer({
      identifier: { emailAddress: 'bob@example.com' },
      onCreate: { fullName: 'x', email: { email: 'bob@example.com', isVerified: true } },
      onUpdate: { fullName: { value: 'Bob Marley' } },
    });
    const result = await t.client.getCustomers({ filters: { updatedAt: { after: since } } });
    expect(result.data!.customers.map((c) => c.fullName)).toEqual(['Bob Marley']);
    expect(result.data!.totalCount).toBe(1);
  });

  it('answers 400 for a bad date', async () => {
    const { status, body } = await t.graphql(
      '{ customers(filters: { updatedAt: { after: "soon" } }) { totalCount } }',
    );
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('searchCustomers', () => {
  const SEARCH = `query($q: CustomersSearchQuery!) { searchCustomers(searchQuery: $q) { edges { node { email { email } } } } }`;
  const search = async (q: unknown) => {
    const { status, body } = await t.graphql(SEARCH, { q });
    expect(status, JSON.stringify(body)).toBe(200);
    return body.data.searchCustomers.edges.map((e: any) => e.node.email.email);
  };

  it('finds by name, email or externalId, case-insensitively, any condition matching', async () => {
    expect(await search({ or: [{ fullName: { caseInsensitiveContains: 'LOVE' } }] })).toEqual([
      'ada@analytical.example',
    ]);
    expect(await search({ or: [{ email: { caseInsensitiveContains: 'analytical.ex' } }] })).toEqual([
      'ada@analytical.example',
    ]);
    expect(await search({ or: [{ externalId: { caseInsensitiveContains: 'crm-ada' } }] })).toEqual([
      'ada@analytical.example',
    ]);
    expect(
      await search({
        or: [
          { fullName: { caseInsensitiveContains: 'zoe' } },
          { email: { caseInsensitiveContains: 'bob@' } },
        ],
      }),
    ).toEqual(['bob@example.com', 'zoe@example.com']);
  });

  it('needs the text in the searched field itself', async () => {
    // "ada" is in Ada's email too, but the condition names the full name only.
    expect(await search({ or: [{ fullName: { caseInsensitiveContains: 'analytical' } }] })).toEqual([]);
  });

  it('refuses a text under 2 characters with its path', async () => {
    const { status, body } = await t.graphql(SEARCH, {
      q: { or: [{ email: { caseInsensitiveContains: 'a' } }] },
    });
    expect(status).toBe(400);
    expect(body.errors[0].message).toMatch(/^searchQuery\.or\.0\.email\.caseInsensitiveContains: /);
  });
});

describe('deleteCustomer', () => {
  it("deletes the customer with their threads, events and notes, and leaves others' alone", async () => {
    const gone = await customer('Gone Soon', 'gone@example.com');
    const kept = await customer('Kept', 'kept@example.com');
    const goneThread = (
      await t.client.createThread({ title: 'Bye', customerIdentifier: { customerId: gone } })
    ).data!;
    const keptThread = (
      await t.client.createThread({ title: 'Hi', customerIdentifier: { customerId: kept } })
    ).data!;
    await t.client.createCustomerEvent({
      customerIdentifier: { customerId: gone },
      title: 'Signed up',
      components: [{ componentText: { text: 'x' } }],
    });
    await t.client.createNote({ customerId: gone, threadId: goneThread.id, text: 'note' });
    await t.client.createNote({ customerId: kept, threadId: keptThread.id, text: 'note' });
    const keptEntries = await readTimeline(t, keptThread.id);

    expect(await t.client.deleteCustomer({ customerId: gone })).toEqual({ data: null });

    expect((await t.client.getCustomerById({ customerId: gone })).data).toBeNull();
    expect((await t.client.getThread({ threadId: goneThread.id })).data).toBeNull();
    const { body } = await t.graphql(
      'query($id: ID!) { timelineEntries(customerId: $id) { edges { cursor } } }',
      { id: gone },
    );
    expect(body.data.timelineEntries.edges).toEqual([]);
    expect((await t.client.getThread({ threadId: keptThread.id })).data?.id).toBe(keptThread.id);
    expect(await readTimeline(t, keptThread.id)).toEqual(keptEntries);
  });

  it('answers not_found on customerId for a customer that does not exist', async () => {
    const result = await t.client.deleteCustomer({ customerId: 'c_01HB924RWAW8H3Q8KZDFWYBJZZ' });
    expect(result.error).toMatchObject({
      type: 'mutation_error',
      errorDetails: { code: 'not_found', fields: [{ field: 'customerId', type: 'NOT_FOUND' }] },
    });
  });
});

describe('users', () => {
  it('finds the bootstrap owner by id and by email, case-insensitively', async () => {
    const byEmail = await t.client.getUserByEmail({ email: 'ADMIN@localhost' });
    expect(byEmail.data).toMatchObject({
      __typename: 'User',
      id: expect.stringMatching(/^u_/),
      email: 'admin@localhost',
      slackIdentities: [],
    });
    const byId = await t.client.getUserById({ id: byEmail.data!.id });
    expect(byId.data?.email).toBe('admin@localhost');
    expect((await t.client.getUserByEmail({ email: 'nobody@example.com' })).data).toBeNull();
  });

  it('lists users, and answers myUser null for an API key', async () => {
    const { body } = await t.graphql('{ users { edges { node { email } } } myUser { id } }');
    expect(body.data).toEqual({ users: { edges: [{ node: { email: 'admin@localhost' } }] }, myUser: null });
    const none = await t.graphql('{ users(filters: { isAssignableToThread: false }) { edges { cursor } } }');
    expect(none.body.data.users.edges).toEqual([]);
  });
});

describe('permissions', () => {
  it.each([
    ['customers', '{ customers { totalCount } }', 'customer:read'],
    ['searchCustomers', '{ searchCustomers(searchQuery: { or: [] }) { edges { cursor } } }', 'customer:read'],
    ['users', '{ users { edges { cursor } } }', 'user:read'],
    ['user', '{ user(userId: "u_x") { id } }', 'user:read'],
    ['userByEmail', '{ userByEmail(email: "a@b.c") { id } }', 'user:read'],
    ['myUser', '{ myUser { id } }', 'user:read'],
  ])('%s needs %s', async (_name, query, permission) => {
    const key = await createRestrictedKey(t, ['thread:read']);
    const { status, body } = await t.graphql(query, {}, key);
    expect(status).toBe(403);
    expect(body.errors[0].message).toBe(`Insufficient permissions, missing "${permission}".`);
  });

  it('deleteCustomer needs customer:delete', async () => {
    const key = await createRestrictedKey(t, ['customer:read']);
    const { body } = await t.graphql(
      'mutation { deleteCustomer(input: { customerId: "c_x" }) { error { code message } } }',
      {},
      key,
    );
    expect(body.data.deleteCustomer.error).toEqual({
      code: 'forbidden',
      message: 'Insufficient permissions, missing "customer:delete".',
    });
  });
});
