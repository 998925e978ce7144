/** createThread: identifiers, priority, labels, thread fields against their schemas, and failures that create nothing. */
import { ThreadFieldSchemaType } from '@team-plain/typescript-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;
let customerId: string;
let labelTypeId: string;
let archivedLabelTypeId: string;
const email = 'threads@example.com';

async function createSchema(input: Record<string, unknown>) {
  const { body } = await t.graphql(
    'mutation($input: CreateThreadFieldSchemaInput!) { createThreadFieldSchema(input: $input) { threadFieldSchema { id } error { code fields { field } } } }',
    {
      input: {
        description: '',
        order: 0,
        enumValues: [],
        isRequired: false,
        isAiAutoFillEnabled: false,
        ...input,
      },
    },
  );
  expect(body.data.createThreadFieldSchema.error).toBeNull();
}

beforeAll(async () => {
  t = await startTestServer();
  const customer = await t.client.upsertCustomer({
    identifier: { emailAddress: email },
    onCreate: { fullName: 'Thread Tester', email: { email, isVerified: false }, externalId: 'cust-ext-1' },
    onUpdate: {},
  });
  customerId = customer.data!.customer.id;
  labelTypeId = (await t.client.createLabelType({ name: 'Billing' })).data!.id;
  archivedLabelTypeId = (await t.client.createLabelType({ name: 'Old' })).data!.id;
  await t.graphql('mutation($id: ID!) { archiveLabelType(input: { labelTypeId: $id }) { error { code } } }', {
    id: archivedLabelTypeId,
  });
  await createSchema({
    key: 'product_area',
    label: 'Product area',
    type: 'ENUM',
    enumValues: ['billing', 'security'],
  });
  await createSchema({ key: 'seats', label: 'Seats', type: 'NUMBER' });
  await createSchema({ key: 'renewal', label: 'Renewal', type: 'DATE' });
  await createSchema({ key: 'vip', label: 'VIP', type: 'BOOL' });
  await createSchema({ key: 'region', label: 'Region', type: 'STRING', defaultStringValue: 'EU' });
});
afterAll(() => t.close());

async function threadCount(): Promise<number> {
  const rows = await t.server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM threads');
  return rows[0]!.n;
}

/** Creates a thread through the SDK and returns its MutationError details (or fails if it was created). */
async function failingCreate(input: Parameters<TestServer['client']['createThread']>[0]) {
  const before = await threadCount();
  const res = await t.client.createThread(input);
  expect(res.data).toBeUndefined();
  expect(await threadCount()).toBe(before);
  expect(res.error?.type).toBe('mutation_error');
  return (res.error as { errorDetails: { code: string; fields: unknown[] } }).errorDetails;
}

describe('customer identifiers', () => {
  it.each([
    ['customerId', () => ({ customerId })],
    ['emailAddress, case-insensitively', () => ({ emailAddress: email.toUpperCase() })],
    ['externalId', () => ({ externalId: 'cust-ext-1' })],
  ])('finds the customer by %s', async (_how, identifier) => {
    const res = await t.client.createThread({ title: 'Hello', customerIdentifier: identifier() });
    expect(res.data?.customer.id).toBe(customerId);
  });

  it('answers not_found naming customerIdentifier.customerId for an unknown customer, creating nothing', async () => {
    const details = await failingCreate({
      title: 'x',
      customerIdentifier: { customerId: 'c_01H14DFQ4PDYBH398J1E99TWSS' },
    });
    expect(details).toMatchObject({
      code: 'not_found',
      fields: [{ field: 'customerIdentifier.customerId', message: 'Customer not found.', type: 'NOT_FOUND' }],
    });
  });

  it('refuses an identifier with two fields set', async () => {
    const details = await failingCreate({
      title: 'x',
      customerIdentifier: { customerId, emailAddress: email },
    });
    expect(details).toMatchObject({
      code: 'input_validation',
      fields: [{ field: 'customerIdentifier', type: 'VALIDATION' }],
    });
  });
});

describe('what a new thread is', () => {
  it('starts TODO with detail CREATED, priority 2, ref T-<n>, API channel', async () => {
    const a = await t.client.createThread({ title: 'A', customerIdentifier: { customerId } });
    const b = await t.client.createThread({ title: 'B', customerIdentifier: { customerId } });
    expect(a.data).toMatchObject({
      status: 'TODO',
      statusDetail: { __typename: 'ThreadStatusDetailCreated' },
      priority: 2,
    });
    const refOf = (ref: string) => Number(ref.slice(2));
    expect(refOf(b.data!.ref)).toBe(refOf(a.data!.ref) + 1);
  });

  it('takes priority 0 to 3 and refuses 4', async () => {
    expect(
      (await t.client.createThread({ title: 'urgent', customerIdentifier: { customerId }, priority: 0 })).data
        ?.priority,
    ).toBe(0);
    const details = await failingCreate({ title: 'x', customerIdentifier: { customerId }, priority: 4 });
    expect(details).toMatchObject({
      code: 'input_validation',
      fields: [{ field: 'priority', message: 'Must be at most 3.' }],
    });
  });

  it('requires a title of at most 500 characters', async () => {
    expect((await failingCreate({ customerIdentifier: { customerId } })).fields).toEqual([
      { field: 'title', message: 'Required', type: 'REQUIRED' },
    ]);
    expect(
      (await failingCreate({ title: 't'.repeat(501), customerIdentifier: { customerId } })).fields,
    ).toEqual([{ field: 'title', message: 'Must have at most 500 character(s).', type: 'VALIDATION' }]);
  });

  it('refuses an empty components list', async () => {
    const details = await failingCreate({ title: 'x', customerIdentifier: { customerId }, components: [] });
    expect(details.fields).toEqual([
      { field: 'components', message: 'Must have at least 1 item(s).', type: 'VALIDATION' },
    ]);
  });

  it('makes the first message from its components, containers included, and previews its text', async () => {
    const res = await t.client.createThread({
      title: 'Contact form',
      customerIdentifier: { customerId },
      components: [
        { componentText: { text: 'I was charged **twice** for [my plan](https://example.com).' } },
        { componentContainer: { containerContent: [{ componentPlainText: { plainText: 'Order 42' } }] } },
      ],
    });
    expect(res.data?.previewText).toBe('I was charged twice for my plan. Order 42');
    const { body } = await t.graphql(
      `query($id: ID!) { thread(threadId: $id) { timelineEntries { edges { node { actor { __typename }
         entry { __typename ... on CustomEntry { title components { __typename } } } } } } } }`,
      { id: res.data!.id },
    );
    expect(body.data.thread.timelineEntries.edges).toEqual([
      {
        node: {
          actor: { __typename: 'MachineUserActor' },
          entry: {
            __typename: 'CustomEntry',
            title: 'Contact form',
            components: [{ __typename: 'ComponentText' }, { __typename: 'ComponentContainer' }],
          },
        },
      },
    ]);
  });

  it('assigns to a machine user when asked', async () => {
    const me = await t.graphql('{ myMachineUser { id } }');
    const machineUserId = me.body.data.myMachineUser.id;
    const res = await t.client.createThread({
      title: 'x',
      customerIdentifier: { customerId },
      assignedTo: { machineUserId },
    });
    expect(res.data?.assignedTo).toMatchObject({ __typename: 'MachineUser', id: machineUserId });
    expect(res.data?.assignedAt).not.toBeNull();
    const missing = await failingCreate({
      title: 'x',
      customerIdentifier: { customerId },
      assignedTo: { userId: 'u_01H14DFQ4PDYBH398J1E99TWSS' },
    });
    expect(missing.fields).toEqual([
      { field: 'assignedTo.userId', message: 'Assignee not found.', type: 'NOT_FOUND' },
    ]);
  });
});

describe('externalId', () => {
  it('is unique per customer, not per workspace', async () => {
    const other = await t.client.upsertCustomer({
      identifier: { emailAddress: 'other-threads@example.com' },
      onCreate: { fullName: 'Other', email: { email: 'other-threads@example.com', isVerified: false } },
      onUpdate: {},
    });
    expect(
      (
        await t.client.createThread({
          title: 'x',
          customerIdentifier: { customerId },
          externalId: 'ticket-1',
        })
      ).data,
    ).toBeDefined();
    const details = await failingCreate({
      title: 'y',
      customerIdentifier: { customerId },
      externalId: 'ticket-1',
    });
    expect(details).toMatchObject({
      code: 'thread_already_exists_with_external_id',
      fields: [{ field: 'externalId' }],
    });
    const forOther = await t.client.createThread({
      title: 'z',
      customerIdentifier: { customerId: other.data!.customer.id },
      externalId: 'ticket-1',
    });
    expect(forOther.data?.externalId).toBe('ticket-1');
  });
});

describe('labels', () => {
  it('adds a label per label type, once each', async () => {
    const res = await t.client.createThread({
      title: 'x',
      customerIdentifier: { customerId },
      labelTypeIds: [labelTypeId, labelTypeId],
    });
    expect(res.data?.labels.map((l) => l.labelType.id)).toEqual([labelTypeId]);
  });

  it('answers not_found naming labelTypeIds.<i> for an unknown label type', async () => {
    const details = await failingCreate({
      title: 'x',
      customerIdentifier: { customerId },
      labelTypeIds: [labelTypeId, 'lt_01HB924PME9C0YWKW1N4AK3BZA'],
    });
    expect(details).toEqual({
      __typename: 'MutationError',
      message: expect.any(String),
      type: 'VALIDATION',
      code: 'not_found',
      fields: [{ field: 'labelTypeIds.1', message: 'Label type not found.', type: 'NOT_FOUND' }],
    });
  });

  it('refuses an archived label type with cannot_add_label_using_archived_label_type', async () => {
    const details = await failingCreate({
      title: 'x',
      customerIdentifier: { customerId },
      labelTypeIds: [archivedLabelTypeId],
    });
    expect(details).toMatchObject({
      code: 'cannot_add_label_using_archived_label_type',
      fields: [{ field: 'labelTypeIds.0', type: 'VALIDATION' }],
    });
  });
});

describe('thread fields', () => {
  it('stores each type and applies schema defaults', async () => {
    const res = await t.client.createThread({
      title: 'x',
      customerIdentifier: { customerId },
      threadFields: [
        { key: 'product_area', type: ThreadFieldSchemaType.Enum, stringValue: 'billing' },
        { key: 'seats', type: ThreadFieldSchemaType.Number, numberValue: 12.5 },
        { key: 'renewal', type: ThreadFieldSchemaType.Date, dateValue: '2027-01-31T00:00:00Z' },
        { key: 'vip', type: ThreadFieldSchemaType.Bool, booleanValue: false },
      ],
    });
    expect(res.error).toBeUndefined();
    const { body } = await t.graphql(
      'query($id: ID!) { thread(threadId: $id) { threadFields { key type stringValue booleanValue numberValue dateValue { iso8601 } } } }',
      { id: res.data!.id },
    );
    expect(body.data.thread.threadFields).toEqual([
      {
        key: 'product_area',
        type: 'ENUM',
        stringValue: 'billing',
        booleanValue: null,
        numberValue: null,
        dateValue: null,
      },
      {
        key: 'region',
        type: 'STRING',
        stringValue: 'EU',
        booleanValue: null,
        numberValue: null,
        dateValue: null,
      },
      {
        key: 'renewal',
        type: 'DATE',
        stringValue: null,
        booleanValue: null,
        numberValue: null,
        dateValue: { iso8601: '2027-01-31T00:00:00.000Z' },
      },
      {
        key: 'seats',
        type: 'NUMBER',
        stringValue: null,
        booleanValue: null,
        numberValue: 12.5,
        dateValue: null,
      },
      {
        key: 'vip',
        type: 'BOOL',
        stringValue: null,
        booleanValue: false,
        numberValue: null,
        dateValue: null,
      },
    ]);
  });

  it('refuses an enum value outside its schema, listing the allowed ones', async () => {
    const details = await failingCreate({
      title: 'x',
      customerIdentifier: { customerId },
      threadFields: [{ key: 'product_area', type: ThreadFieldSchemaType.Enum, stringValue: 'shipping' }],
    });
    expect(details).toMatchObject({
      code: 'input_validation',
      fields: [
        {
          field: 'threadFields.0.stringValue',
          message: 'Must be one of: billing, security.',
          type: 'VALIDATION',
        },
      ],
    });
  });

  it('refuses a type that is not the schema’s, a missing value, and an unknown key', async () => {
    const details = await failingCreate({
      title: 'x',
      customerIdentifier: { customerId },
      threadFields: [
        { key: 'seats', type: ThreadFieldSchemaType.String, stringValue: '3' },
        { key: 'vip', type: ThreadFieldSchemaType.Bool },
        { key: 'no_such_field', type: ThreadFieldSchemaType.String, stringValue: 'a' },
        { key: 'renewal', type: ThreadFieldSchemaType.Date, dateValue: 'next tuesday' },
      ],
    });
    expect(details.fields).toEqual([
      {
        field: 'threadFields.0.type',
        message: 'The field "seats" is of type NUMBER, not STRING.',
        type: 'VALIDATION',
      },
      { field: 'threadFields.1.booleanValue', message: 'Required', type: 'REQUIRED' },
      {
        field: 'threadFields.2.key',
        message: 'No thread field schema has the key "no_such_field".',
        type: 'NOT_FOUND',
      },
      {
        field: 'threadFields.3.dateValue',
        message: 'Must be an ISO 8601 date-time, such as 2024-10-28T18:30:00Z.',
        type: 'VALIDATION',
      },
    ]);
  });

  it('refuses the same key twice', async () => {
    const details = await failingCreate({
      title: 'x',
      customerIdentifier: { customerId },
      threadFields: [
        { key: 'vip', type: ThreadFieldSchemaType.Bool, booleanValue: true },
        { key: 'vip', type: ThreadFieldSchemaType.Bool, booleanValue: false },
      ],
    });
    expect(details.fields).toEqual([
      { field: 'threadFields.1.key', message: 'The key "vip" is given twice.', type: 'VALIDATION' },
    ]);
  });
});
