import { expect } from 'vitest';
import type { TestServer } from './test-server.js';

/**
 * Makes a machine user with an API key holding only `permissions`, through the API, and returns the
 * key's secret: what a restricted integration would use.
 */
export async function createRestrictedKey(t: TestServer, permissions: string[]): Promise<string> {
  const user = await t.graphql(
    'mutation($input: CreateMachineUserInput!) { createMachineUser(input: $input) { machineUser { id } error { message } } }',
    { input: { fullName: 'Restricted', publicName: 'Restricted' } },
  );
  expect(user.body.data.createMachineUser.error).toBeNull();
  const key = await t.graphql(
    'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKeySecret error { message } } }',
    { input: { machineUserId: user.body.data.createMachineUser.machineUser.id, permissions } },
  );
  expect(key.body.data.createApiKey.error).toBeNull();
  return key.body.data.createApiKey.apiKeySecret as string;
}
