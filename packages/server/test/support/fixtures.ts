import { expect } from 'vitest';
import type { TestServer } from './test-server.js';

/** A new customer (email `<name>@example.com`) with `threads` threads, made through the official SDK. */
export async function createCustomerWithThreads(t: TestServer, name: string, threads: number) {
  const email = `${name}@example.com`;
  const customer = await t.client.upsertCustomer({
    identifier: { emailAddress: email },
    onCreate: { fullName: 'Test Customer', email: { email, isVerified: true } },
    onUpdate: {},
  });
  const threadIds: string[] = [];
  for (let i = 0; i < threads; i++) {
    const thread = await t.client.createThread({
      title: `Thread ${i}`,
      customerIdentifier: { emailAddress: email },
    });
    threadIds.push(thread.data!.id);
  }
  return { email, customerId: customer.data!.customer.id, threadIds };
}

/** Creates a thread field schema with `key`, STRING unless told (raw GraphQL: the SDK has no schema operations). */
export async function createFieldSchema(
  t: TestServer,
  key: string,
  label = key,
  type: 'STRING' | 'NUMBER' | 'DATE' | 'BOOL' = 'STRING',
): Promise<void> {
  const res = await t.graphql(
    'mutation($input: CreateThreadFieldSchemaInput!) { createThreadFieldSchema(input: $input) { error { message } } }',
    {
      input: {
        key,
        label,
        description: '',
        order: 0,
        type,
        enumValues: [],
        isRequired: false,
        isAiAutoFillEnabled: false,
      },
    },
  );
  expect(res.body.data.createThreadFieldSchema.error).toBeNull();
}
