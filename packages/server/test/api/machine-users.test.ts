/** machineUser, machineUsers and MachineUser.apiKeys: what the web app's API-key settings page reads. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestrictedKey } from '../support/api-keys.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;
let integrationId: string;
let keptKeyId: string;
beforeAll(async () => {
  t = await startTestServer();
  const made = await t.graphql(
    'mutation($input: CreateMachineUserInput!) { createMachineUser(input: $input) { machineUser { id } } }',
    { input: { fullName: 'Integration', publicName: 'Integration', type: 'AI_AGENT' } },
  );
  integrationId = made.body.data.createMachineUser.machineUser.id;
  const keys: string[] = [];
  for (const description of ['kept', 'deleted']) {
    const key = await t.graphql(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }',
      { input: { machineUserId: integrationId, description, permissions: ['thread:read'] } },
    );
    keys.push(key.body.data.createApiKey.apiKey.id);
  }
  keptKeyId = keys[0]!;
  await t.graphql('mutation($id: ID!) { deleteApiKey(input: { apiKeyId: $id }) { error { message } } }', {
    id: keys[1],
  });
});
afterAll(() => t.close());

const KEYS =
  'apiKeys(first: 10) { edges { node { id description permissions isDeleted } } pageInfo { hasNextPage } }';

describe('machine users and their API keys', () => {
  it('reads one machine user with its live keys', async () => {
    const res = await t.graphql(
      `query($id: ID!) { machineUser(machineUserId: $id) { id fullName type ${KEYS} } }`,
      {
        id: integrationId,
      },
    );
    expect(res.body.data.machineUser).toEqual({
      id: integrationId,
      fullName: 'Integration',
      type: 'AI_AGENT',
      apiKeys: {
        edges: [
          { node: { id: keptKeyId, description: 'kept', permissions: ['thread:read'], isDeleted: false } },
        ],
        pageInfo: { hasNextPage: false },
      },
    });
    const missing = await t.graphql('{ machineUser(machineUserId: "mu_01ARZ3NDEKTSV4RRFFQ69G5FAV") { id } }');
    expect(missing.body.data.machineUser).toBeNull();
  });

  it('lists machine users in creation order, filtered by type and paged', async () => {
    const all = await t.graphql('{ machineUsers(first: 10) { edges { node { fullName type } } } }');
    expect(all.body.data.machineUsers.edges.map((e: any) => e.node)).toEqual([
      { fullName: 'Bootstrap API user', type: 'API_USER' },
      { fullName: 'Integration', type: 'AI_AGENT' },
    ]);
    const agents = await t.graphql('{ machineUsers(filters: { type: AI_AGENT }) { edges { node { id } } } }');
    expect(agents.body.data.machineUsers.edges).toEqual([{ node: { id: integrationId } }]);
    const first = await t.graphql(
      '{ machineUsers(first: 1) { edges { cursor } pageInfo { hasNextPage endCursor } } }',
    );
    expect(first.body.data.machineUsers.pageInfo.hasNextPage).toBe(true);
    const next = await t.graphql(
      'query($after: String) { machineUsers(first: 1, after: $after) { edges { node { id } } } }',
      {
        after: first.body.data.machineUsers.pageInfo.endCursor,
      },
    );
    expect(next.body.data.machineUsers.edges).toEqual([{ node: { id: integrationId } }]);
  });

  it('needs machineUser:read, and apiKey:read to select keys', async () => {
    const onlyMachineUsers = await createRestrictedKey(t, ['machineUser:read']);
    const names = await t.graphql('{ machineUsers { edges { node { id } } } }', undefined, onlyMachineUsers);
    expect(names.status).toBe(200);
    const withKeys = await t.graphql(
      `{ machineUsers { edges { node { ${KEYS} } } } }`,
      undefined,
      onlyMachineUsers,
    );
    expect(withKeys.status).toBe(403);
    expect(withKeys.body.errors[0].message).toBe('Insufficient permissions, missing "apiKey:read".');
    const none = await createRestrictedKey(t, ['thread:read']);
    expect((await t.graphql('{ machineUsers { edges { node { id } } } }', undefined, none)).status).toBe(403);
  });
});
