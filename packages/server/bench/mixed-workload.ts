/**
 * The mixed workload of `npm run bench`: 70% reads of thread lists, threads and timelines, 30% writes
 * (createThread, createThreadEvent, upsertCustomer of a new customer), as the official SDK sends them.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { LoadSpec } from './load.js';
import { sdkWireQuery } from './sdk-documents.js';

const PATH = '/graphql/v1';

/** What the mix reads and writes to: a customer with a thread that has a timeline. */
export interface MixedFixtures {
  customerId: string;
  threadId: string;
}

async function call<T>(url: string, apiKey: string, query: string, variables: unknown): Promise<T> {
  const res = await fetch(url + PATH, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown };
  if (!res.ok || body.errors) throw new Error(`fixture call failed: ${JSON.stringify(body).slice(0, 300)}`);
  return body.data;
}

/** A customer, 50 threads, and 20 events in the first thread's timeline. */
export async function createMixedFixtures(url: string, apiKey: string): Promise<MixedFixtures> {
  const email = `mixed-${randomBytes(4).toString('hex')}@example.com`;
  const upsert = await call<{ upsertCustomer: { customer: { id: string } } }>(
    url,
    apiKey,
    sdkWireQuery('UpsertCustomer'),
    {
      input: {
        identifier: { emailAddress: email },
        onCreate: { fullName: 'Mixed', email: { email, isVerified: true } },
        onUpdate: {},
      },
    },
  );
  const customerId = upsert.upsertCustomer.customer.id;
  let threadId = '';
  for (let i = 0; i < 50; i++) {
    const made = await call<{ createThread: { thread: { id: string } } }>(
      url,
      apiKey,
      sdkWireQuery('CreateThread'),
      {
        input: {
          customerIdentifier: { customerId },
          title: `Mixed ${i}`,
          components: [{ componentText: { text: 'Hello' } }],
        },
      },
    );
    threadId ||= made.createThread.thread.id;
  }
  for (let i = 0; i < 20; i++) {
    await call(url, apiKey, sdkWireQuery('CreateThreadEvent'), {
      input: {
        threadId,
        title: `Event ${i}`,
        components: [{ componentText: { text: 'Something happened' } }],
      },
    });
  }
  return { customerId, threadId };
}

const TIMELINE = `query Timeline($threadId: ID!) { thread(threadId: $threadId) { id timelineEntries(first: 25) {
  edges { cursor node { id timestamp { iso8601 } actor { __typename } entry { __typename
    ... on ThreadEventEntry { title components { __typename } } } } } pageInfo { hasNextPage endCursor } } } }`;

/** Seven reads and three writes, which every connection sends in turn. */
export function mixedLoad(url: string, apiKey: string, fixtures: MixedFixtures): LoadSpec[] {
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const isData = (body: string) => body.startsWith('{"data":') && !body.includes('"errors":[');
  const isMutation = (body: string) => body.includes('"error":null') && !body.includes('"errors":[');
  const spec = (body: string | (() => string), isSuccess: (b: string) => boolean): LoadSpec => ({
    url,
    method: 'POST',
    path: PATH,
    headers,
    body,
    isSuccess,
  });
  const list = spec(JSON.stringify({ query: sdkWireQuery('Threads'), variables: { first: 25 } }), isData);
  const thread = spec(
    JSON.stringify({ query: sdkWireQuery('Thread'), variables: { threadId: fixtures.threadId } }),
    isData,
  );
  const timeline = spec(
    JSON.stringify({ query: TIMELINE, variables: { threadId: fixtures.threadId } }),
    isData,
  );
  const createThread = spec(
    JSON.stringify({
      query: sdkWireQuery('CreateThread'),
      variables: {
        input: {
          customerIdentifier: { customerId: fixtures.customerId },
          title: 'Mixed load',
          components: [{ componentText: { text: 'Hi' } }],
        },
      },
    }),
    isMutation,
  );
  const event = spec(
    JSON.stringify({
      query: sdkWireQuery('CreateThreadEvent'),
      variables: {
        input: {
          threadId: fixtures.threadId,
          title: 'Load event',
          components: [{ componentText: { text: 'x' } }],
        },
      },
    }),
    isMutation,
  );
  const run = randomBytes(4).toString('hex');
  let customers = 0;
  const customer = spec(() => {
    const email = `load-${run}-${customers++}@example.com`;
    return JSON.stringify({
      query: sdkWireQuery('UpsertCustomer'),
      variables: {
        input: {
          identifier: { emailAddress: email },
          onCreate: { fullName: 'Load', email: { email, isVerified: false } },
          onUpdate: {},
        },
      },
    });
  }, isMutation);
  return [list, thread, timeline, list, timeline, createThread, thread, list, event, customer];
}

/** A process's resident memory in MiB (Linux), or NaN where /proc is not there. */
export async function residentMiB(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kib = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
    return kib / 1024;
  } catch {
    return Number.NaN;
  }
}
