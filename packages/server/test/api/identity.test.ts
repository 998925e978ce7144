/**
 * Machine users, API keys and permissions over HTTP: raw GraphQL for the identity mutations, the
 * official SDK for what an integration sees with a key that lacks a permission.
 */
import { randomBytes } from 'node:crypto';
import { PlainClient } from '@team-plain/typescript-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateTime, machineUserActor, prefixedUlid } from '../support/expectations.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;
let machineUserId: string;
beforeAll(async () => {
  t = await startTestServer();
  machineUserId = (await createMachineUser('Integration')).id;
});
afterAll(() => t.close());

const ERROR = 'error { message type code fields { field message type } }';

const CREATE_MACHINE_USER = `mutation($input: CreateMachineUserInput!) {
  createMachineUser(input: $input) {
    machineUser { id fullName publicName description type isDeleted createdBy { __typename ... on MachineUserActor { machineUserId } } }
    ${ERROR}
  }
}`;

const CREATE_API_KEY = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    apiKey { id description permissions isDeleted createdAt { iso8601 unixTimestamp } }
    apiKeySecret
    ${ERROR}
  }
}`;

const UPDATE_API_KEY = `mutation($input: UpdateApiKeyInput!) {
  updateApiKey(input: $input) { apiKey { id description permissions } ${ERROR} }
}`;

const DELETE_API_KEY = `mutation($input: DeleteApiKeyInput!) {
  deleteApiKey(input: $input) { apiKey { id isDeleted deletedAt { iso8601 } } ${ERROR} }
}`;

const MY_PERMISSIONS = '{ myPermissions { permissions } }';

async function createMachineUser(fullName: string) {
  const { body } = await t.graphql(CREATE_MACHINE_USER, { input: { fullName, publicName: fullName } });
  expect(body.data.createMachineUser.error).toBeNull();
  return body.data.createMachineUser.machineUser as { id: string };
}

/** Creates an API key with `permissions` (with the bootstrap key unless `asKey`) and returns its id and secret. */
async function createApiKey(permissions: string[], asKey?: string) {
  const { body } = await t.graphql(CREATE_API_KEY, { input: { machineUserId, permissions } }, asKey);
  expect(body.data.createApiKey.error).toBeNull();
  return {
    id: body.data.createApiKey.apiKey.id as string,
    secret: body.data.createApiKey.apiKeySecret as string,
  };
}

async function permissionsOf(secret: string): Promise<string[]> {
  const { status, body } = await t.graphql(MY_PERMISSIONS, {}, secret);
  expect(status).toBe(200);
  return body.data.myPermissions.permissions;
}

describe('createMachineUser', () => {
  it('creates an API_USER machine user made by the calling key', async () => {
    const { status, body } = await t.graphql(CREATE_MACHINE_USER, {
      input: { fullName: 'Billing sync', publicName: 'Billing', description: 'Posts invoices' },
    });

    expect(status).toBe(200);
    expect(body.data.createMachineUser).toEqual({
      machineUser: {
        id: prefixedUlid('mu'),
        fullName: 'Billing sync',
        publicName: 'Billing',
        description: 'Posts invoices',
        type: 'API_USER',
        isDeleted: false,
        createdBy: machineUserActor(),
      },
      error: null,
    });
  });

  it('returns VALIDATION on fullName when it is blank', async () => {
    const { body } = await t.graphql(CREATE_MACHINE_USER, { input: { fullName: '  ', publicName: 'Blank' } });

    expect(body.data.createMachineUser).toEqual({
      machineUser: null,
      error: {
        message: expect.any(String),
        type: 'VALIDATION',
        code: 'input_validation',
        fields: [{ field: 'fullName', message: 'Required', type: 'REQUIRED' }],
      },
    });
  });
});

describe('createApiKey', () => {
  it('returns the secret once, and a client with it holds exactly the granted permissions', async () => {
    const granted = ['customer:read', 'customer:create', 'workspace:read'];
    const { status, body } = await t.graphql(CREATE_API_KEY, {
      input: { machineUserId, description: 'Read-mostly key', permissions: granted },
    });

    expect(status).toBe(200);
    expect(body.data.createApiKey).toEqual({
      apiKey: {
        id: prefixedUlid('ak'),
        description: 'Read-mostly key',
        permissions: expect.arrayContaining(granted),
        isDeleted: false,
        createdAt: { iso8601: expect.any(String), unixTimestamp: expect.stringMatching(/^\d{13}$/) },
      },
      apiKeySecret: expect.any(String),
      error: null,
    });
    expect(body.data.createApiKey.apiKey.permissions).toHaveLength(granted.length);
    const secret: string = body.data.createApiKey.apiKeySecret;
    expect(secret).not.toBe(t.apiKey);

    const client = new PlainClient({ apiKey: secret, apiUrl: t.apiUrl });
    const workspace = await client.getMyWorkspace();
    expect(workspace.data?.id).toBe(t.server.bootstrap.workspace.id);
    expect([...(await permissionsOf(secret))].sort()).toEqual([...granted].sort());
  });

  it('refuses to grant a permission the calling key lacks, naming it', async () => {
    const limited = await createApiKey(['apiKey:create', 'customer:read']);

    const { status, body } = await t.graphql(
      CREATE_API_KEY,
      { input: { machineUserId, permissions: ['customer:read', 'thread:read'] } },
      limited.secret,
    );

    expect(status).toBe(200);
    expect(body.data.createApiKey).toEqual({
      apiKey: null,
      apiKeySecret: null,
      error: {
        message: 'Insufficient permissions, missing "thread:read".',
        type: 'FORBIDDEN',
        code: 'forbidden',
        fields: [],
      },
    });
  });

  it('lets a key grant a subset of its own permissions', async () => {
    const limited = await createApiKey(['apiKey:create', 'customer:read']);

    const child = await createApiKey(['customer:read'], limited.secret);

    expect(await permissionsOf(child.secret)).toEqual(['customer:read']);
  });

  it('returns VALIDATION on permissions.<index> for an unknown permission', async () => {
    const { body } = await t.graphql(CREATE_API_KEY, {
      input: { machineUserId, permissions: ['customer:read', 'customer:fly'] },
    });

    expect(body.data.createApiKey).toEqual({
      apiKey: null,
      apiKeySecret: null,
      error: {
        message: expect.any(String),
        type: 'VALIDATION',
        code: 'input_validation',
        fields: [
          { field: 'permissions.1', message: 'Unknown permission "customer:fly".', type: 'VALIDATION' },
        ],
      },
    });
  });

  it('returns not_found on machineUserId for an unknown machine user', async () => {
    const { body } = await t.graphql(CREATE_API_KEY, {
      input: { machineUserId: 'mu_01H14DFQ4PDYBH398J1E99TWSS', permissions: ['customer:read'] },
    });

    expect(body.data.createApiKey.error).toEqual({
      message: expect.any(String),
      type: 'VALIDATION',
      code: 'not_found',
      fields: [{ field: 'machineUserId', message: expect.any(String), type: 'NOT_FOUND' }],
    });
  });
});

describe('updateApiKey', () => {
  it('replaces the permissions with immediate effect for requests with that key', async () => {
    const key = await createApiKey(['customer:read']);
    const lookup = '{ customerByEmail(email: "nobody@example.com") { id } }';
    expect((await t.graphql(lookup, {}, key.secret)).status).toBe(200);

    const { body } = await t.graphql(UPDATE_API_KEY, {
      input: { apiKeyId: key.id, description: 'Now thread-only', permissions: ['thread:read'] },
    });

    expect(body.data.updateApiKey).toEqual({
      apiKey: { id: key.id, description: 'Now thread-only', permissions: ['thread:read'] },
      error: null,
    });
    expect(await permissionsOf(key.secret)).toEqual(['thread:read']);
    const refused = await t.graphql(lookup, {}, key.secret);
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0]).toMatchObject({
      message: 'Insufficient permissions, missing "customer:read".',
      extensions: { code: 'FORBIDDEN' },
    });
  });
});

describe('deleteApiKey', () => {
  it('deletes the key, after which requests with it answer 401 UNAUTHENTICATED', async () => {
    const key = await createApiKey(['customer:read']);
    expect((await t.graphql(MY_PERMISSIONS, {}, key.secret)).status).toBe(200);

    const { body } = await t.graphql(DELETE_API_KEY, { input: { apiKeyId: key.id } });

    expect(body.data.deleteApiKey).toEqual({
      apiKey: { id: key.id, isDeleted: true, deletedAt: { iso8601: expect.any(String) } },
      error: null,
    });
    const after = await t.graphql(MY_PERMISSIONS, {}, key.secret);
    expect(after.status).toBe(401);
    expect(after.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
  });

  it('returns not_found on apiKeyId for a key that does not exist', async () => {
    const { body } = await t.graphql(DELETE_API_KEY, {
      input: { apiKeyId: 'ak_01H14DFQ4PDYBH398J1E99TWSS' },
    });

    expect(body.data.deleteApiKey).toEqual({
      apiKey: null,
      error: {
        message: expect.any(String),
        type: 'VALIDATION',
        code: 'not_found',
        fields: [{ field: 'apiKeyId', message: expect.any(String), type: 'NOT_FOUND' }],
      },
    });
  });
});

describe('who the key is', () => {
  it('answers myMachineUser with the machine user that owns the calling key', async () => {
    const owner = await createMachineUser(`Owner ${randomBytes(3).toString('hex')}`);
    const { body: created } = await t.graphql(CREATE_API_KEY, {
      input: { machineUserId: owner.id, permissions: ['customer:read'] },
    });
    const secret = created.data.createApiKey.apiKeySecret;

    const { status, body } = await t.graphql('{ myMachineUser { id fullName type } }', {}, secret);

    expect(status).toBe(200);
    expect(body.data.myMachineUser).toEqual({ id: owner.id, fullName: expect.any(String), type: 'API_USER' });
  });

  it('answers getMyWorkspace through the SDK with the bootstrap workspace', async () => {
    const res = await t.client.getMyWorkspace();

    expect(res.error).toBeUndefined();
    expect(res.data).toEqual({
      __typename: 'Workspace',
      id: t.server.bootstrap.workspace.id,
      name: 'Threadline',
      publicName: 'Threadline',
      isDemoWorkspace: false,
      createdAt: dateTime(),
      createdBy: { __typename: 'SystemActor', systemId: 'bootstrap' },
      updatedAt: dateTime(),
      updatedBy: { __typename: 'SystemActor', systemId: 'bootstrap' },
    });
  });
});

describe('a key without the permission an SDK call needs', () => {
  let secret: string;
  let client: PlainClient;
  beforeAll(async () => {
    secret = (await createApiKey(['customer:read'])).secret;
    client = new PlainClient({ apiKey: secret, apiUrl: t.apiUrl });
  });

  it('gets forbidden naming thread:read from getThread, from an HTTP 403', async () => {
    const threadId = 'th_01HB924RWAW8H3Q8KZDFWYBJHZ';

    const res = await client.getThread({ threadId });

    expect(res.error).toMatchObject({
      type: 'forbidden',
      message: 'Insufficient permissions, missing "thread:read".',
    });
    const raw = await t.graphql(
      'query($threadId: ID!) { thread(threadId: $threadId) { id } }',
      { threadId },
      secret,
    );
    expect(raw.status).toBe(403);
    expect(raw.body.errors).toEqual([
      expect.objectContaining({
        message: 'Insufficient permissions, missing "thread:read".',
        extensions: { code: 'FORBIDDEN' },
      }),
    ]);
  });

  it('gets forbidden from createThread and no thread is created', async () => {
    const before = await t.server.db.query('SELECT count(*)::int AS n FROM threads');

    const res = await client.createThread({
      title: 'Should not exist',
      customerIdentifier: { emailAddress: 'nobody@example.com' },
      components: [{ componentText: { text: 'Hello' } }],
    });

    expect(res.error).toMatchObject({
      type: 'forbidden',
      message: 'Insufficient permissions, missing "thread:create".',
    });
    expect(await t.server.db.query('SELECT count(*)::int AS n FROM threads')).toEqual(before);
  });
});
