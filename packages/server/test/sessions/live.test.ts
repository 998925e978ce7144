/** GET /live: the web app's server-sent events, by session cookie or API key, one workspace only. */
import { PlainClient } from '@team-plain/typescript-sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRestrictedKey } from '../support/api-keys.js';
import { SIGN_IN_ENV, signIn } from '../support/session.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;
let cookie: string;
let otherClient: PlainClient;
beforeAll(async () => {
  t = await startTestServer(SIGN_IN_ENV, { live: { heartbeatMs: 200, maxConnections: 2 } });
  cookie = await signIn(t);
  const other = await t.server.services.identity.createWorkspace({
    name: 'Other desk',
    adminEmail: 'other-owner@example.com',
  });
  otherClient = new PlainClient({ apiKey: other.generatedApiKeySecret!, apiUrl: t.apiUrl });
  for (const client of [t.client, otherClient]) {
    await client.upsertCustomer({
      identifier: { emailAddress: 'live@example.com' },
      onCreate: { fullName: 'Live Customer', email: { email: 'live@example.com', isVerified: true } },
      onUpdate: {},
    });
  }
});
afterAll(() => t.close());

/** An open /live stream whose frames are collected as they arrive. */
async function openStream(headers: Record<string, string>) {
  const controller = new AbortController();
  const res = await fetch(`${t.server.url}/live`, { headers, signal: controller.signal });
  const frames: string[] = [];
  const waiters: (() => void)[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        frames.push(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
      for (const wake of waiters.splice(0)) wake();
    }
  })();
  /** The event frames (not comments) once there are `count` of them, or as many as came in `ms`. */
  async function events(count: number, ms: number): Promise<string[]> {
    const until = Date.now() + ms;
    for (;;) {
      const found = frames.filter((f) => !f.startsWith(':'));
      const left = until - Date.now();
      if (found.length >= count || left <= 0) return found;
      await new Promise<void>((wake) => {
        waiters.push(wake);
        setTimeout(wake, left);
      });
    }
  }
  return {
    res,
    frames,
    /** Resolves with the first event frame (not a comment) within `ms`, or null. */
    async nextEvent(ms: number): Promise<string | null> {
      return (await events(1, ms))[0] ?? null;
    },
    events,
    close: () => controller.abort(),
  };
}

describe('GET /live', () => {
  it("sends a thread event within a second of a change made with an API key, and nothing of another workspace's", async () => {
    const stream = await openStream({ cookie });
    try {
      expect(stream.res.status).toBe(200);
      expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const other = await otherClient.createThread({
        title: 'Elsewhere',
        customerIdentifier: { emailAddress: 'live@example.com' },
      });
      expect(other.error).toBeUndefined();
      const started = Date.now();
      const mine = await t.client.createThread({
        title: 'Here',
        customerIdentifier: { emailAddress: 'live@example.com' },
      });
      const frame = await stream.nextEvent(1000);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(frame).toBe(
        `event: thread\ndata: ${JSON.stringify({ threadId: mine.data!.id, type: 'thread.thread_created' })}`,
      );
      expect(stream.frames.join('\n')).not.toContain(other.data!.id);
    } finally {
      stream.close();
    }
  });

  it('tells of status changes, new titles and customer changes', async () => {
    // The stream opens first: on PostgreSQL a change reaches even its own process through
    // LISTEN, so a stream opened just after a write can still hear that write.
    const stream = await openStream({ authorization: `Bearer ${t.apiKey}` });
    try {
      const thread = await t.client.createThread({
        title: 'Before',
        customerIdentifier: { emailAddress: 'live@example.com' },
      });
      const threadId = thread.data!.id;
      expect(await stream.nextEvent(1000)).toBe(
        `event: thread\ndata: {"threadId":"${threadId}","type":"thread.thread_created"}`,
      );
      await t.client.markThreadAsDone({ threadId });
      await t.graphql(
        'mutation($input: UpdateThreadTitleInput!) { updateThreadTitle(input: $input) { error { message } } }',
        { input: { threadId, title: 'After' } },
      );
      const customer = await t.client.upsertCustomer({
        identifier: { emailAddress: 'live@example.com' },
        onCreate: { fullName: 'x', email: { email: 'live@example.com', isVerified: true } },
        onUpdate: { fullName: { value: 'Renamed Customer' } },
      });
      await stream.events(4, 3000);
      await new Promise((r) => setTimeout(r, 100)); // room for an unexpected extra event
      expect(stream.frames.filter((f) => !f.startsWith(':'))).toEqual([
        `event: thread\ndata: {"threadId":"${threadId}","type":"thread.thread_created"}`,
        `event: thread\ndata: {"threadId":"${threadId}","type":"thread.thread_status_transitioned"}`,
        `event: thread\ndata: {"threadId":"${threadId}","type":"thread.thread_updated"}`,
        `event: customer\ndata: {"customerId":"${customer.data!.customer.id}","type":"customer.customer_updated"}`,
      ]);
    } finally {
      stream.close();
    }
  });

  it('answers 401 without a valid session or key', async () => {
    const cases: Record<string, string>[] = [
      {},
      { cookie: 'threadline_session=nope' },
      { authorization: 'Bearer nope' },
    ];
    for (const headers of cases) {
      const res = await fetch(`${t.server.url}/live`, { headers });
      expect(res.status).toBe(401);
      await res.body?.cancel();
    }
  });

  it('answers 403 to a key that may read neither threads nor customers', async () => {
    const secret = await createRestrictedKey(t, ['labelType:create']);
    const res = await fetch(`${t.server.url}/live`, { headers: { authorization: `Bearer ${secret}` } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it("follows a key's permissions as they change, not those it had when the stream opened", async () => {
    const user = await t.graphql(
      'mutation($input: CreateMachineUserInput!) { createMachineUser(input: $input) { machineUser { id } } }',
      { input: { fullName: 'Watcher', publicName: 'Watcher' } },
    );
    const made = await t.graphql(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } apiKeySecret } }',
      {
        input: {
          machineUserId: user.body.data.createMachineUser.machineUser.id,
          permissions: ['thread:read', 'customer:read'],
        },
      },
    );
    const { apiKey, apiKeySecret } = made.body.data.createApiKey;
    const stream = await openStream({ authorization: `Bearer ${apiKeySecret}` });
    try {
      const update = await t.graphql(
        'mutation($input: UpdateApiKeyInput!) { updateApiKey(input: $input) { error { message } } }',
        { input: { apiKeyId: apiKey.id, permissions: ['customer:read'] } },
      );
      expect(update.body.data.updateApiKey.error).toBeNull();
      // The next heartbeat (200 ms here) reads the key again.
      await new Promise((r) => setTimeout(r, 500));
      await t.client.createThread({
        title: 'Unseen',
        customerIdentifier: { emailAddress: 'live@example.com' },
      });
      const customer = await t.client.upsertCustomer({
        identifier: { emailAddress: 'watched@example.com' },
        onCreate: { fullName: 'Watched', email: { email: 'watched@example.com', isVerified: true } },
        onUpdate: {},
      });
      // Waits for a second event that must not come (the thread's), then checks there was one.
      expect(await stream.events(2, 1500)).toEqual([
        `event: customer\ndata: {"customerId":"${customer.data!.customer.id}","type":"customer.customer_created"}`,
      ]);
    } finally {
      stream.close();
    }
  });

  it('pings every heartbeat, and ends the stream of a session signed out meanwhile', async () => {
    const own = await signIn(t);
    const stream = await openStream({ cookie: own });
    await new Promise((r) => setTimeout(r, 500));
    expect(stream.frames.filter((f) => f === ': ping').length).toBeGreaterThanOrEqual(1);
    await fetch(`${t.server.url}/auth/sign-out`, { method: 'POST', headers: { cookie: own } });
    await new Promise((r) => setTimeout(r, 500));
    const count = stream.frames.length;
    await new Promise((r) => setTimeout(r, 500));
    expect(stream.frames.length).toBe(count);
    stream.close();
  });

  it('answers 503 beyond the cap on open streams', async () => {
    const open = [await openStream({ cookie }), await openStream({ cookie })];
    try {
      const refused = await fetch(`${t.server.url}/live`, { headers: { cookie } });
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as any).error.code).toBe('too_many_streams');
    } finally {
      for (const stream of open) stream.close();
    }
  });

  it('stops counting a stream once its client goes away', async () => {
    await new Promise((r) => setTimeout(r, 200)); // the streams of the tests before close
    const before = t.server.services.live.subscriberCount;
    const stream = await openStream({ cookie });
    await stream.nextEvent(50);
    expect(t.server.services.live.subscriberCount).toBe(before + 1);
    stream.close();
    await vi.waitFor(() => expect(t.server.services.live.subscriberCount).toBe(before), { timeout: 2000 });
  });
});
