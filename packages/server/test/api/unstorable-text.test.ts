/** What the database cannot take (NUL text, hand-made cursors) is bad input with a clear answer, never a 500. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerWithThreads } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;
let customer: Awaited<ReturnType<typeof createCustomerWithThreads>>;
beforeAll(async () => {
  t = await startTestServer();
  customer = await createCustomerWithThreads(t, 'nul-text', 1);
});
afterAll(() => t.close());

const nulField = (field: string) => [
  { field, message: 'Must not contain the NUL character.', type: 'VALIDATION' },
];

describe('a NUL character', () => {
  it('in a thread title is refused, naming the field, and creates nothing', async () => {
    const res = await t.client.createThread({
      title: 'bad\u0000title',
      customerIdentifier: { customerId: customer.customerId },
    });
    expect(res.error).toMatchObject({
      errorDetails: { code: 'input_validation', fields: nulField('title') },
    });
  });

  it('in an event component is refused, naming the component', async () => {
    const res = await t.client.createThreadEvent({
      title: 'x',
      threadId: customer.threadIds[0]!,
      components: [{ componentText: { text: 'a\u0000b' } }],
    });
    expect(res.error).toMatchObject({
      errorDetails: { fields: nulField('components.0.componentText.text') },
    });
  });

  it('in a customer name is refused', async () => {
    const res = await t.client.upsertCustomer({
      identifier: { emailAddress: 'nul@example.com' },
      onCreate: { fullName: 'Nul\u0000', email: { email: 'nul@example.com', isVerified: false } },
      onUpdate: {},
    });
    expect(res.error).toMatchObject({ errorDetails: { fields: nulField('onCreate.fullName') } });
  });

  it('in a mutation input the domain does not parse is still a MutationError', async () => {
    const { status, body } = await t.graphql(
      'mutation($id: ID!) { archiveLabelType(input: { labelTypeId: $id }) { error { type code } } }',
      { id: 'lt_\u0000' },
    );
    expect(status).toBe(200);
    expect(body.data.archiveLabelType.error).toEqual({ type: 'VALIDATION', code: 'input_validation' });
  });

  it('in a query argument answers 400 BAD_USER_INPUT', async () => {
    const { status, body } = await t.graphql('query($id: ID!) { thread(threadId: $id) { id } }', {
      id: 'th_\u0000',
    });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('a hand-made cursor', () => {
  const cursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

  it.each([
    [
      'a time that is not one',
      'query($c: ID!, $a: String) { timelineEntries(customerId: $c, after: $a) { edges { cursor } } }',
      ['notadate', 'x'],
    ],
    [
      'an order out of range',
      'query($a: String) { threadFieldSchemas(after: $a) { edges { cursor } } }',
      [1e20, 'x'],
    ],
  ])('with %s answers 400 BAD_USER_INPUT', async (_what, query, key) => {
    const { status, body } = await t.graphql(query, { c: customer.customerId, a: cursor(key) });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
