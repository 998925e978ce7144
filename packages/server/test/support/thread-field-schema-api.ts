/** GraphQL documents and helpers for the thread field schema tests (raw GraphQL: the SDK has no schema operations). */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestServer } from './test-server.js';

const SCHEMA = `id label key description order type enumValues
  defaultStringValue defaultBooleanValue defaultNumberValue defaultDateValue { iso8601 }
  isRequired isAiAutoFillEnabled isClientReadonly
  dependsOnThreadField { threadFieldSchemaId threadFieldSchemaValue } dependsOnLabels { labelTypeId }
  createdBy { __typename ... on MachineUserActor { machineUserId } }`;
const ERROR = 'error { message type code fields { field message type } }';

export const CREATE = `mutation($input: CreateThreadFieldSchemaInput!) {
  createThreadFieldSchema(input: $input) { threadFieldSchema { ${SCHEMA} } ${ERROR} }
}`;
export const UPDATE = `mutation($input: UpdateThreadFieldSchemaInput!) {
  updateThreadFieldSchema(input: $input) { threadFieldSchema { ${SCHEMA} } ${ERROR} }
}`;
export const DELETE = `mutation($input: DeleteThreadFieldSchemaInput!) { deleteThreadFieldSchema(input: $input) { ${ERROR} } }`;
export const GET = `query($id: ID!) { threadFieldSchema(threadFieldSchemaId: $id) { ${SCHEMA} } }`;
const LIST = `query($first: Int, $after: String) {
  threadFieldSchemas(first: $first, after: $after) {
    edges { cursor node { id key order } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

/** A key no other test uses. */
export function uniqueKey(name: string): string {
  return `${name}_${randomBytes(4).toString('hex')}`;
}

/** A valid CreateThreadFieldSchemaInput of a STRING field, with `overrides`. */
export function schemaInput(overrides: Record<string, unknown> = {}) {
  return {
    label: 'Product area',
    key: uniqueKey('product_area'),
    description: 'Which part of the product',
    order: 1,
    type: 'STRING',
    enumValues: [],
    isRequired: false,
    isAiAutoFillEnabled: false,
    ...overrides,
  };
}

/** Creates a schema and returns the mutation's output. */
export async function createSchema(t: TestServer, overrides: Record<string, unknown> = {}) {
  const { status, body } = await t.graphql(CREATE, { input: schemaInput(overrides) });
  expect(status).toBe(200);
  return body.data.createThreadFieldSchema;
}

/** Creates a customer for field tests and returns its email. */
export async function createFieldTestCustomer(t: TestServer): Promise<string> {
  const email = `fields.${randomBytes(4).toString('hex')}@example.com`;
  const res = await t.client.upsertCustomer({
    identifier: { emailAddress: email },
    onCreate: { fullName: 'Field Tester', email: { email, isVerified: false } },
    onUpdate: {},
  });
  expect(res.error).toBeUndefined();
  return email;
}

/** Creates a thread of the customer with `threadFields` through the SDK. */
export async function createThreadWithFields(
  t: TestServer,
  customerEmail: string,
  threadFields: Parameters<TestServer['client']['createThread']>[0]['threadFields'],
) {
  const res = await t.client.createThread({
    title: 'Field test',
    customerIdentifier: { emailAddress: customerEmail },
    components: [{ componentText: { text: 'Hello' } }],
    threadFields,
  });
  expect(res.error).toBeUndefined();
  return res.data!;
}

/** One page of threadFieldSchemas; fails the test unless the server answers 200. */
export async function listSchemas(
  t: TestServer,
  args: { first: number; after?: string },
): Promise<{
  edges: { cursor: string; node: { id: string; key: string; order: number } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}> {
  const { status, body } = await t.graphql(LIST, args);
  expect(status).toBe(200);
  return body.data.threadFieldSchemas;
}

/** The validation error a create or update answers with, for `fields`. */
export function validationError(fields: { field: string; type?: string }[]) {
  return {
    message: expect.any(String),
    type: 'VALIDATION',
    code: 'input_validation',
    fields: fields.map((f) => ({
      field: f.field,
      message: expect.any(String),
      type: f.type ?? 'VALIDATION',
    })),
  };
}
