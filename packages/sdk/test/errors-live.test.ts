/**
 * Each error kind a Threadline server produces, through ThreadlineClient against a live server:
 * forbidden (bad key, query without permission, mutation without permission), bad_request and
 * mutation_error, rate_limited. (5xx and network failures, and Plain-shaped 429s, are in
 * errors-transport.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { createRestrictedKey } from '../../server/test/support/api-keys.js';
import { DOCS } from '../../server/test/support/docs-fixtures.js';
import { serverWithDocsFixtures } from '../../server/test/support/seed-servers.js';
import { startTestServer } from '../../server/test/support/test-server.js';
import { ThreadlineClient } from '../src/index.js';

describe('errors from a live server', () => {
  const server = serverWithDocsFixtures();
  const client = () => new ThreadlineClient({ apiKey: server().apiKey, apiUrl: server().apiUrl });

  it('returns forbidden for an unknown API key', async () => {
    const stranger = new ThreadlineClient({ apiKey: 'threadlineApiKey_nope', apiUrl: server().apiUrl });
    const res = await stranger.getThread({ threadId: DOCS.threadId });
    expect(res.error).toMatchObject({ type: 'forbidden', requestId: expect.any(String) });
  });

  it('returns forbidden, naming the permission, for a query the key may not make', async () => {
    const key = await createRestrictedKey(server(), ['customer:read']);
    const restricted = new ThreadlineClient({ apiKey: key, apiUrl: server().apiUrl });
    const res = await restricted.getThread({ threadId: DOCS.threadId });
    expect(res.error).toEqual({
      type: 'forbidden',
      message: 'Insufficient permissions, missing "thread:read".',
      requestId: expect.any(String),
    });
  });

  it('returns forbidden for a mutation the key may not make, and creates nothing', async () => {
    const key = await createRestrictedKey(server(), ['customer:read']);
    const restricted = new ThreadlineClient({ apiKey: key, apiUrl: server().apiUrl });
    const res = await restricted.createThread({
      title: 'Not allowed',
      customerIdentifier: { customerId: DOCS.customerId },
      externalId: 'forbidden-thread',
    });
    expect(res.error).toMatchObject({ type: 'forbidden', message: expect.stringMatching(/thread:create/) });
    const lookup = await client().getThreadByExternalId({
      customerId: DOCS.customerId,
      externalId: 'forbidden-thread',
    });
    expect(lookup).toEqual({ data: null });
  });

  it('returns bad_request with the GraphQL errors for variables that do not fit the document', async () => {
    const res = await client().rawRequest({
      query: 'query thread($threadId: ID!) { thread(threadId: $threadId) { id } }',
      variables: {},
    });
    expect(res.error).toMatchObject({
      type: 'bad_request',
      graphqlErrors: [expect.objectContaining({ message: expect.stringMatching(/threadId/) })],
    });
    if (res.error?.type !== 'bad_request') throw new Error('expected bad_request');
    expect(res.error.graphqlErrors[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });

  it('returns bad_request when a typed method is given a wrongly typed variable', async () => {
    const res = await client().getThreadByRef({ ref: 42 as unknown as string });
    expect(res.error?.type).toBe('bad_request');
  });

  it('returns mutation_error with the failing field for a thread field value the schema does not allow', async () => {
    const res = await client().createThread({
      title: 'Bug Report',
      customerIdentifier: { customerId: DOCS.customerId },
      threadFields: [{ key: 'my_enum_field', type: 'ENUM', stringValue: 'not one of the values' }],
    });
    expect(res.error).toMatchObject({
      type: 'mutation_error',
      errorDetails: {
        __typename: 'MutationError',
        type: 'VALIDATION',
        fields: [expect.objectContaining({ field: 'threadFields.0.stringValue', type: 'VALIDATION' })],
      },
    });
  });

  it('returns mutation_error from archiveLabelType, whose errors Plain 5.12.1 cannot see', async () => {
    const res = await client().archiveLabelType({ labelTypeId: 'lt_01HB924PME9C0YWKW1N4AK3BZZ' });
    expect(res.error).toMatchObject({ type: 'mutation_error', errorDetails: { code: expect.any(String) } });
    // Plain's client selects only error.message here, so it fails on the missing label type instead.
    await expect(
      server().client.archiveLabelType({ labelTypeId: 'lt_01HB924PME9C0YWKW1N4AK3BZZ' }),
    ).rejects.toThrow('Expected value to be non nullable');
  });

  it('returns a mutation error from rawRequest too', async () => {
    const res = await client().rawRequest({
      query: `mutation($input: DeleteCustomerInput!) {
        deleteCustomer(input: $input) { error { message type code fields { field message type } } }
      }`,
      variables: { input: { customerId: 'c_01H14DFQ4PDYBH398J1E99TWZZ' } },
    });
    expect(res.error).toMatchObject({ type: 'mutation_error', errorDetails: { code: expect.any(String) } });
  });
});

describe('rate_limited from a live server', () => {
  it('returns rate_limited with the reset time once the key has used its limit', async () => {
    const limited = await startTestServer({ THREADLINE_RATE_LIMIT_PER_KEY: '3' });
    try {
      const client = new ThreadlineClient({ apiKey: limited.apiKey, apiUrl: limited.apiUrl });
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await client.getLabelTypes({}));
      expect(answers.slice(0, 3).map((a) => a.error)).toEqual([undefined, undefined, undefined]);
      const refused = answers[3]!.error;
      expect(refused).toMatchObject({
        type: 'rate_limited',
        message: 'Too Many Requests - Rate limit exceeded',
        limit: 3,
        remaining: 0,
      });
      const resetAt = (refused as { resetAt: Date }).resetAt;
      expect(resetAt.getTime()).toBeGreaterThan(Date.now());
      expect(resetAt.getTime()).toBeLessThanOrEqual(Date.now() + 61_000);
    } finally {
      await limited.close();
    }
  });
});
