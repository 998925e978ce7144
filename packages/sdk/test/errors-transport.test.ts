/**
 * Rate limits, server failures, unreadable answers and network failures, and the retries around them.
 * Threadline's server has no rate limiter yet (issue 7) and fails only by accident, so these run
 * against a tiny real HTTP server on 127.0.0.1 that answers as Plain does (support/fake-plain-server.ts)
 * and counts the requests; a network failure is a closed port. Real sockets, no mocked fetch.
 */
import { PlainClient } from '@team-plain/typescript-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { ThreadlineClient } from '../src/index.js';
import {
  closedPortUrl,
  type FakeAnswer,
  type FakeServer,
  rateLimitedAnswer,
  startFakeServer,
} from './support/fake-plain-server.js';

const THREAD_ID = 'th_01HB924RWAW8H3Q8KZDFWYBJHZ';
const fastRetries = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 };
const serverError: FakeAnswer = {
  status: 500,
  body: { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
};
const noThread: FakeAnswer = { status: 200, body: { data: { thread: null } } };

let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function clientAnswering(answer: (n: number) => FakeAnswer) {
  fake = await startFakeServer(answer);
  return new ThreadlineClient({ apiKey: 'k', apiUrl: fake.url, retry: fastRetries });
}

describe('429 rate limited', () => {
  it('returns rate_limited with the reset time, limit and request id, and does not retry', async () => {
    const resetAt = new Date('2030-01-01T00:01:00.000Z');
    const client = await clientAnswering(() => rateLimitedAnswer(resetAt));
    const res = await client.getThread({ threadId: THREAD_ID });
    expect(res.error).toEqual({
      type: 'rate_limited',
      message: 'Too Many Requests - Rate limit exceeded',
      resetAt,
      limit: 450,
      remaining: 0,
      requestId: 'req-1',
    });
    expect(fake?.requests).toHaveLength(1);
  });

  it('is where Plain 5.12.1 throws a TypeError instead', async () => {
    await clientAnswering(() => rateLimitedAnswer(new Date()));
    const plain = new PlainClient({ apiKey: 'k', apiUrl: fake!.url });
    await expect(plain.getThread({ threadId: THREAD_ID })).rejects.toThrow(TypeError);
  });
});

describe('5xx', () => {
  it('retries a query and returns its data once the server recovers', async () => {
    const client = await clientAnswering((n) => (n < 2 ? serverError : noThread));
    expect(await client.getThread({ threadId: THREAD_ID })).toEqual({ data: null });
    expect(fake?.requests).toHaveLength(3);
  });

  it('gives up after maxAttempts with internal_server_error', async () => {
    const client = await clientAnswering(() => serverError);
    const res = await client.getThread({ threadId: THREAD_ID });
    expect(res.error).toMatchObject({ type: 'internal_server_error', status: 500, requestId: 'req-3' });
    expect(fake?.requests).toHaveLength(3);
  });

  it('does not retry a mutation without an externalId: it may have been applied', async () => {
    const client = await clientAnswering(() => serverError);
    const res = await client.createThread({ title: 'x', customerIdentifier: { customerId: 'c_1' } });
    expect(res.error?.type).toBe('internal_server_error');
    expect(fake?.requests).toHaveLength(1);
  });

  it('retries a mutation with an externalId: the server refuses a second one', async () => {
    const client = await clientAnswering(() => serverError);
    await client.createThread({ title: 'x', customerIdentifier: { customerId: 'c_1' }, externalId: 'ext-1' });
    expect(fake?.requests).toHaveLength(3);
    expect(fake?.requests.map((r) => r.body.variables)).toEqual(
      Array(3).fill({
        input: { title: 'x', customerIdentifier: { customerId: 'c_1' }, externalId: 'ext-1' },
      }),
    );
  });

  it('reads a 502 with an HTML body as internal_server_error (Plain 5.12.1 says unknown)', async () => {
    const client = await clientAnswering(() => ({ status: 502, body: '<html>Bad Gateway</html>' }));
    const res = await client.getThread({ threadId: THREAD_ID });
    expect(res.error).toMatchObject({ type: 'internal_server_error', status: 502 });
  });

  it('retries nothing when retry is false', async () => {
    fake = await startFakeServer(() => serverError);
    const client = new ThreadlineClient({ apiKey: 'k', apiUrl: fake.url, retry: false });
    await client.getThread({ threadId: THREAD_ID });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('answers that are not data', () => {
  it('returns unknown with the GraphQL errors for a 200 with data: null (Plain 5.12.1 throws)', async () => {
    const answer = { status: 200, body: { data: null, errors: [{ message: 'boom' }] } };
    const client = await clientAnswering(() => answer);
    const res = await client.getThread({ threadId: THREAD_ID });
    expect(res.error).toMatchObject({
      type: 'unknown',
      message: 'boom',
      graphqlErrors: [{ message: 'boom' }],
    });
    const plain = new PlainClient({ apiKey: 'k', apiUrl: fake!.url });
    await expect(plain.getThread({ threadId: THREAD_ID })).rejects.toThrow(TypeError);
  });

  it('returns unknown with the status for a 404', async () => {
    const client = await clientAnswering(() => ({ status: 404, body: { message: 'Route not found' } }));
    expect((await client.getThread({ threadId: THREAD_ID })).error).toMatchObject({
      type: 'unknown',
      status: 404,
    });
  });

  it('returns unknown when a mutation answers neither its entity nor an error', async () => {
    const client = await clientAnswering(() => ({
      status: 200,
      body: { data: { createThread: { thread: null, error: null } } },
    }));
    const res = await client.createThread({ title: 'x', customerIdentifier: { customerId: 'c_1' } });
    expect(res.error).toMatchObject({ type: 'unknown', message: expect.stringMatching(/createThread/) });
  });
});

describe('network', () => {
  it('returns network for a closed port, after retrying a query', async () => {
    let calls = 0;
    const countingFetch: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const client = new ThreadlineClient({
      apiKey: 'k',
      apiUrl: await closedPortUrl(),
      retry: fastRetries,
      fetch: countingFetch,
    });
    const res = await client.getThread({ threadId: THREAD_ID });
    expect(res.error).toMatchObject({
      type: 'network',
      message: expect.stringMatching(/ECONNREFUSED|fetch failed/),
    });
    expect(calls).toBe(3);

    calls = 0;
    await client.createNote({ threadId: THREAD_ID, customerId: 'c_1', text: 'x' });
    expect(calls).toBe(1);
  });

  it('returns network when the server does not answer within timeoutMs', async () => {
    fake = await startFakeServer(() => noThread);
    const client = new ThreadlineClient({
      apiKey: 'k',
      apiUrl: fake.url,
      retry: false,
      timeoutMs: 50,
      // A fetch that never settles unless aborted, standing in for a server that hangs.
      fetch: (_input, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
    });
    expect((await client.getThread({ threadId: THREAD_ID })).error).toMatchObject({
      type: 'network',
      message: 'The request timed out.',
    });
  });
});

describe('the request itself', () => {
  it('sends the bearer key, JSON, and a mutation input as { input }', async () => {
    const client = await clientAnswering(() => noThread);
    await client.getThread({ threadId: THREAD_ID });
    await client.getMyWorkspace();
    expect(fake?.requests[0]?.headers).toMatchObject({
      authorization: 'Bearer k',
      'content-type': 'application/json',
    });
    expect(fake?.requests[0]?.body).toEqual({
      query: expect.stringMatching(/^\s*query thread\(\$threadId: ?ID!\)/),
      variables: { threadId: THREAD_ID },
    });
    expect(fake?.requests[1]?.body.variables).toBeNull();
  });

  it('sends no Authorization header without an API key (the web app authenticates by its cookie)', async () => {
    fake = await startFakeServer(() => noThread);
    const client = new ThreadlineClient({ apiUrl: fake.url, retry: fastRetries });
    await client.getThread({ threadId: THREAD_ID });
    expect(fake.requests[0]?.headers).not.toHaveProperty('authorization');
  });
});
