/** user, userByEmail (the official SDK's getUserById, getUserByEmail), users and myUser. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids.js';
import { createRestrictedKey } from '../support/api-keys.js';
import { dateTime, prefixedUlid } from '../support/expectations.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;
let ownerId: string;
let colleagueId: string;
let formerId: string;

const USERS = `query($filters: UsersFilter, $first: Int, $after: String, $last: Int, $before: String) {
  users(filters: $filters, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id email isDeleted } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

async function users(variables: Record<string, unknown> = {}) {
  const { status, body } = await t.graphql(USERS, variables);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.data.users;
}

const emailsOf = (connection: { edges: { node: { email: string } }[] }) =>
  connection.edges.map((e) => e.node.email);

beforeAll(async () => {
  t = await startTestServer({ THREADLINE_ADMIN_EMAIL: 'owner@example.com' });
  const [owner] = await t.testDb.db.query<{ id: string; workspace_id: string }>(
    'SELECT id, workspace_id FROM users',
  );
  ownerId = owner!.id;
  colleagueId = newId('u');
  formerId = newId('u');
  // Threadline makes no users but the owner yet (no invitations), so two more are written directly: a
  // colleague, and a former colleague whose account was deleted.
  for (const [id, email, deleted] of [
    [colleagueId, 'Colleague@Example.com', false],
    [formerId, 'former@example.com', true],
  ] as const) {
    await t.testDb.db.query(
      `INSERT INTO users (workspace_id, id, email, full_name, public_name, created_at, created_by, updated_at,
         updated_by, deleted_at, deleted_by)
       VALUES ($1, $2, $3, 'A Colleague', 'Colleague', now(), 'system:test', now(), 'system:test', $4, $5)`,
      [owner!.workspace_id, id, email, deleted ? new Date() : null, deleted ? 'system:test' : null],
    );
  }
});
afterAll(() => t.close());

describe('getUserByEmail and getUserById', () => {
  it('find the owner the bootstrap made, by the email THREADLINE_ADMIN_EMAIL gave, in any case', async () => {
    const byEmail = await t.client.getUserByEmail({ email: 'OWNER@example.COM' });
    expect(byEmail.error).toBeUndefined();
    expect(byEmail.data).toEqual({
      __typename: 'User',
      id: prefixedUlid('u'),
      fullName: expect.any(String),
      publicName: expect.any(String),
      email: 'owner@example.com',
      slackIdentities: [],
      updatedAt: dateTime(),
    });
    const byId = await t.client.getUserById({ id: byEmail.data!.id });
    expect(byId.data).toEqual(byEmail.data);
  });

  it('answer null for a user that does not exist', async () => {
    expect(await t.client.getUserByEmail({ email: 'nobody@example.com' })).toEqual({ data: null });
    expect(await t.client.getUserById({ id: 'u_01HB924RWAW8H3Q8KZDFWYBJZZ' })).toEqual({ data: null });
  });

  it('find a deleted user by id (they still appear as actors), but not by email', async () => {
    const { body } = await t.graphql(
      'query($id: ID!) { user(userId: $id) { email isDeleted deletedAt { iso8601 } } }',
      {
        id: formerId,
      },
    );
    expect(body.data.user).toEqual({
      email: 'former@example.com',
      isDeleted: true,
      deletedAt: { iso8601: expect.any(String) },
    });
    expect(await t.client.getUserByEmail({ email: 'former@example.com' })).toEqual({ data: null });
    expect((await t.client.getUserByEmail({ email: 'colleague@example.com' })).data?.id).toBe(colleagueId);
  });
});

describe('users', () => {
  it('lists the live users in creation order, forward and backward', async () => {
    const all = await users();
    expect(all.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ownerId, colleagueId]);
    expect(all.edges.every((e: { node: { isDeleted: boolean } }) => !e.node.isDeleted)).toBe(true);
    const first = await users({ first: 1 });
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await users({ first: 1, after: first.pageInfo.endCursor });
    expect([...emailsOf(first), ...emailsOf(second)]).toEqual(emailsOf(all));
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const last = await users({ last: 1 });
    expect(emailsOf(last)).toEqual(['Colleague@Example.com']);
    expect(emailsOf(await users({ last: 1, before: last.pageInfo.startCursor }))).toEqual([
      'owner@example.com',
    ]);
  });

  it('filters by isAssignableToThread: everyone can be assigned threads', async () => {
    expect(emailsOf(await users({ filters: { isAssignableToThread: true } }))).toEqual(
      emailsOf(await users()),
    );
    expect((await users({ filters: { isAssignableToThread: false } })).edges).toEqual([]);
  });

  it('answers 400 for a bad cursor', async () => {
    const { status, body } = await t.graphql(USERS, { after: 'nonsense' });
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({
      message: expect.stringMatching(/cursor "nonsense" is not valid/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('myUser', () => {
  it('is null for an API key, which acts as a machine user (myMachineUser)', async () => {
    const { body } = await t.graphql('{ myUser { id } myMachineUser { id } }');
    expect(body.data).toEqual({ myUser: null, myMachineUser: { id: prefixedUlid('mu') } });
  });
});

describe('permissions', () => {
  it.each([
    ['users', '{ users { edges { cursor } } }'],
    ['user', '{ user(userId: "u_x") { id } }'],
    ['userByEmail', '{ userByEmail(email: "a@b.c") { id } }'],
    ['myUser', '{ myUser { id } }'],
  ])('%s needs user:read', async (_name, query) => {
    const denied = await t.graphql(query, {}, await createRestrictedKey(t, ['customer:read']));
    expect(denied.status).toBe(403);
    expect(denied.body.errors[0].message).toBe('Insufficient permissions, missing "user:read".');
    const allowed = await t.graphql(query, {}, await createRestrictedKey(t, ['user:read']));
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(200);
  });
});
