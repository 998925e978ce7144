/** The GraphQL API with a session cookie instead of an API key: who acts, and when the cookie counts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlWithCookie, SIGN_IN_ENV, signIn } from '../support/session.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { readTimeline } from '../support/timeline.js';

let t: TestServer;
let cookie: string;
let ownerId: string;
beforeAll(async () => {
  t = await startTestServer(SIGN_IN_ENV);
  cookie = await signIn(t);
  ownerId = (await graphqlWithCookie(t, cookie, '{ myUser { id } }')).body.data.myUser.id;
  await t.client.upsertCustomer({
    identifier: { emailAddress: 'session@example.com' },
    onCreate: { fullName: 'Session Customer', email: { email: 'session@example.com', isVerified: true } },
    onUpdate: {},
  });
});
afterAll(() => t.close());

const CREATE_THREAD = `mutation($input: CreateThreadInput!) {
  createThread(input: $input) {
    thread { id createdBy { __typename ... on UserActor { userId } } }
    error { message }
  }
}`;

describe('GraphQL with a session cookie', () => {
  it('acts as the signed-in owner: myUser is them, myMachineUser is null, myWorkspace is theirs', async () => {
    const res = await graphqlWithCookie(
      t,
      cookie,
      '{ myUser { id email } myMachineUser { id } myWorkspace { id } }',
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      myUser: { id: expect.stringMatching(/^u_/), email: 'owner@example.com' },
      myMachineUser: null,
      myWorkspace: { id: t.server.bootstrap.workspace.id },
    });
  });

  it('records the user as the actor of what they change', async () => {
    const created = await graphqlWithCookie(t, cookie, CREATE_THREAD, {
      input: { title: 'From the web app', customerIdentifier: { emailAddress: 'session@example.com' } },
    });
    expect(created.body.data.createThread).toEqual({
      thread: { id: expect.stringMatching(/^th_/), createdBy: { __typename: 'UserActor', userId: ownerId } },
      error: null,
    });
    const threadId = created.body.data.createThread.thread.id;
    const done = await graphqlWithCookie(
      t,
      cookie,
      'mutation($input: MarkThreadAsDoneInput!) { markThreadAsDone(input: $input) { thread { status } error { message } } }',
      { input: { threadId } },
    );
    expect(done.body.data.markThreadAsDone).toEqual({ thread: { status: 'DONE' }, error: null });
    const entries = await readTimeline(t, threadId);
    expect(entries.at(-1)).toMatchObject({
      actor: { __typename: 'UserActor', userId: ownerId },
      entry: { __typename: 'ThreadStatusTransitionedEntry', nextStatus: 'DONE' },
    });
  });

  it('ignores the cookie on a GET and on a POST that is not JSON', async () => {
    const get = await fetch(`${t.apiUrl}?query=${encodeURIComponent('{ myUser { id } }')}`, {
      headers: { cookie },
    });
    expect(get.status).toBe(401);
    for (const contentType of ['application/graphql', 'text/plain', 'application/x-www-form-urlencoded']) {
      const res = await graphqlWithCookie(t, cookie, '{ myUser { id } }', undefined, { contentType });
      expect([401, 415]).toContain(res.status);
      expect(res.body.data?.myUser).toBeUndefined();
    }
    const json = await graphqlWithCookie(t, cookie, '{ myUser { id } }', undefined, {
      contentType: 'application/json; charset=utf-8',
    });
    expect(json.body.data.myUser.id).toBe(ownerId);
  });

  it("counts a person's requests against their own rate-limit bucket", async () => {
    const rows = await t.testDb.db.query<{ bucket: string }>(
      'SELECT bucket FROM rate_limit_windows WHERE bucket = $1',
      [`user:${ownerId}`],
    );
    expect(rows).toEqual([{ bucket: `user:${ownerId}` }]);
  });

  it('answers 401 for an unknown or ended session, and an API key wins over a cookie', async () => {
    const unknown = await graphqlWithCookie(t, 'threadline_session=made-up', '{ myUser { id } }');
    expect(unknown.status).toBe(401);
    expect(unknown.body.errors[0].message).toMatch(/sign in again/);
    const res = await fetch(t.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, authorization: `Bearer ${t.apiKey}` },
      body: JSON.stringify({ query: '{ myUser { id } myMachineUser { id } }' }),
    });
    const body = (await res.json()) as any;
    expect(body.data.myUser).toBeNull();
    expect(body.data.myMachineUser.id).toMatch(/^mu_/);
  });
});
