/** assignThread, unassignThread, changeThreadPriority, updateThreadTitle, addLabels, removeLabels, upsertThreadField, deleteThreadField. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestrictedKey } from '../support/api-keys.js';
import { createCustomerWithThreads } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { entriesAfter, readTimeline } from '../support/timeline.js';

let t: TestServer;
let threadIds: string[];
let ownerUserId: string;
let machineUserId: string;
let billing: string;
let bug: string;
let archived: string;

beforeAll(async () => {
  t = await startTestServer({ THREADLINE_ADMIN_EMAIL: 'owner@example.com' });
  ({ threadIds } = await createCustomerWithThreads(t, 'edits', 8));
  // The bootstrap's owner user, found by the email THREADLINE_ADMIN_EMAIL gave it.
  ownerUserId = (await t.client.getUserByEmail({ email: 'owner@example.com' })).data!.id;
  machineUserId = (await t.graphql('{ myMachineUser { id } }')).body.data.myMachineUser.id;
  billing = (await t.client.createLabelType({ name: 'Billing' })).data!.id;
  bug = (await t.client.createLabelType({ name: 'Bug' })).data!.id;
  archived = (await t.client.createLabelType({ name: 'Old' })).data!.id;
  await t.client.archiveLabelType({ labelTypeId: archived });
  const schema = await t.graphql(
    'mutation($input: CreateThreadFieldSchemaInput!) { createThreadFieldSchema(input: $input) { error { message } } }',
    {
      input: {
        key: 'tier',
        label: 'Tier',
        description: '',
        order: 0,
        type: 'ENUM',
        enumValues: ['free', 'pro'],
        isRequired: false,
        isAiAutoFillEnabled: false,
      },
    },
  );
  expect(schema.body.data.createThreadFieldSchema.error).toBeNull();
});

afterAll(() => t.close());

describe('assignThread and unassignThread', () => {
  it('assigns to the owner user, then to a machine user, then unassigns, leaving an entry each time', async () => {
    const threadId = threadIds[0]!;
    const before = (await readTimeline(t, threadId)).length;

    const toUser = await t.client.assignThread({ threadId, userId: ownerUserId });
    expect(toUser.data).toMatchObject({
      assignedTo: { __typename: 'User', id: ownerUserId, email: 'owner@example.com' },
      assignedAt: expect.objectContaining({ iso8601: expect.any(String) }),
    });
    const toMachine = await t.client.assignThread({ threadId, machineUserId });
    expect(toMachine.data?.assignedTo).toMatchObject({ __typename: 'MachineUser', id: machineUserId });
    const unassigned = await t.client.unassignThread({ threadId });
    expect(unassigned.data).toMatchObject({ assignedTo: null, assignedAt: null });

    expect((await entriesAfter(t, threadId, before)).map((e) => e.entry)).toEqual([
      {
        __typename: 'ThreadAssignmentTransitionedEntry',
        previousAssignee: null,
        nextAssignee: { __typename: 'User', id: ownerUserId },
      },
      {
        __typename: 'ThreadAssignmentTransitionedEntry',
        previousAssignee: { __typename: 'User', id: ownerUserId },
        nextAssignee: { __typename: 'MachineUser', id: machineUserId },
      },
      {
        __typename: 'ThreadAssignmentTransitionedEntry',
        previousAssignee: { __typename: 'MachineUser', id: machineUserId },
        nextAssignee: null,
      },
    ]);
  });

  it('writes nothing when unassigning an unassigned thread', async () => {
    const threadId = threadIds[0]!;
    const before = (await readTimeline(t, threadId)).length;
    expect((await t.client.unassignThread({ threadId })).data?.assignedTo).toBeNull();
    expect(await entriesAfter(t, threadId, before)).toEqual([]);
  });

  it('refuses both or neither assignee, and a user that does not exist', async () => {
    const both = await t.client.assignThread({ threadId: threadIds[1]!, userId: ownerUserId, machineUserId });
    expect(both.error).toMatchObject({
      errorDetails: { code: 'input_validation', fields: [{ field: 'userId' }, { field: 'machineUserId' }] },
    });
    const missing = await t.client.assignThread({
      threadId: threadIds[1]!,
      userId: 'u_01HB924RWAW8H3Q8KZDFWYBJZZ',
    });
    expect(missing.error).toMatchObject({
      errorDetails: { code: 'not_found', fields: [{ field: 'userId', type: 'NOT_FOUND' }] },
    });
    expect((await t.client.getThread({ threadId: threadIds[1]! })).data?.assignedTo).toBeNull();
  });
});

describe('changeThreadPriority', () => {
  it('sets the priority and leaves a ThreadPriorityChangedEntry', async () => {
    const threadId = threadIds[1]!;
    const before = (await readTimeline(t, threadId)).length;
    const result = await t.client.changeThreadPriority({ threadId, priority: 0 });
    expect(result.data?.priority).toBe(0);
    expect((await entriesAfter(t, threadId, before)).map((e) => e.entry)).toEqual([
      { __typename: 'ThreadPriorityChangedEntry', previousPriority: 2, nextPriority: 0 },
    ]);
  });

  it('refuses a priority outside 0 to 3', async () => {
    const result = await t.client.changeThreadPriority({ threadId: threadIds[1]!, priority: 4 });
    expect(result.error).toMatchObject({
      errorDetails: {
        code: 'input_validation',
        fields: [{ field: 'priority', message: 'Must be at most 3.' }],
      },
    });
  });
});

describe('updateThreadTitle', () => {
  const UPDATE = `mutation($input: UpdateThreadTitleInput!) {
    updateThreadTitle(input: $input) { thread { id title } error { code fields { field type } } }
  }`;

  it('renames a thread', async () => {
    const { body } = await t.graphql(UPDATE, {
      input: { threadId: threadIds[2]!, title: 'Refund for March' },
    });
    expect(body.data.updateThreadTitle).toEqual({
      thread: { id: threadIds[2], title: 'Refund for March' },
      error: null,
    });
    expect((await t.client.getThread({ threadId: threadIds[2]! })).data?.title).toBe('Refund for March');
  });

  it('refuses a blank title', async () => {
    const { body } = await t.graphql(UPDATE, { input: { threadId: threadIds[2]!, title: '  ' } });
    expect(body.data.updateThreadTitle.error).toEqual({
      code: 'input_validation',
      fields: [{ field: 'title', type: 'REQUIRED' }],
    });
  });
});

describe('addLabels and removeLabels', () => {
  it('adds labels, answering them with their types, and leaves a ThreadLabelsChangedEntry', async () => {
    const threadId = threadIds[3]!;
    const before = (await readTimeline(t, threadId)).length;

    const added = await t.client.addLabels({ threadId, labelTypeIds: [billing, bug] });

    expect(added.error).toBeUndefined();
    expect(added.data?.map((l) => l.labelType.id)).toEqual([billing, bug]);
    expect(added.data?.[0]?.id).toMatch(/^l_/);
    const thread = (await t.client.getThread({ threadId })).data!;
    expect(thread.labels.map((l) => l.labelType.name).sort()).toEqual(['Billing', 'Bug']);
    expect((await entriesAfter(t, threadId, before)).map((e) => e.entry)).toEqual([
      {
        __typename: 'ThreadLabelsChangedEntry',
        previousLabels: [],
        nextLabels: added.data!.map((l) => ({ id: l.id, labelType: { id: l.labelType.id } })),
      },
    ]);
  });

  it('answers label_with_given_type_already_added_to_thread and adds nothing', async () => {
    const threadId = threadIds[3]!;
    const result = await t.client.addLabels({ threadId, labelTypeIds: [billing] });
    expect(result.error).toMatchObject({
      errorDetails: {
        code: 'label_with_given_type_already_added_to_thread',
        fields: [{ field: 'labelTypeIds.0' }],
      },
    });
    expect((await t.client.getThread({ threadId })).data?.labels).toHaveLength(2);
  });

  it('answers cannot_add_label_using_archived_label_type, and not_found for a missing type', async () => {
    const archivedResult = await t.client.addLabels({ threadId: threadIds[4]!, labelTypeIds: [archived] });
    expect(archivedResult.error).toMatchObject({
      errorDetails: {
        code: 'cannot_add_label_using_archived_label_type',
        fields: [{ field: 'labelTypeIds.0' }],
      },
    });
    const missing = await t.client.addLabels({
      threadId: threadIds[4]!,
      labelTypeIds: [billing, 'lt_01HB924RWAW8H3Q8KZDFWYBJZZ'],
    });
    expect(missing.error).toMatchObject({
      errorDetails: { code: 'not_found', fields: [{ field: 'labelTypeIds.1', type: 'NOT_FOUND' }] },
    });
    expect((await t.client.getThread({ threadId: threadIds[4]! })).data?.labels).toEqual([]);
  });

  it('answers labels: [] with an error, as the non-null list requires', async () => {
    const { body } = await t.graphql(
      'mutation($input: AddLabelsInput!) { addLabels(input: $input) { labels { id } error { code } } }',
      { input: { threadId: threadIds[4]!, labelTypeIds: [archived] } },
    );
    expect(body.data.addLabels).toEqual({
      labels: [],
      error: { code: 'cannot_add_label_using_archived_label_type' },
    });
  });

  it('adds one label of a type when 20 requests race for it', async () => {
    const threadId = threadIds[5]!;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.client.addLabels({ threadId, labelTypeIds: [bug] })),
    );
    expect(results.filter((r) => r.data).length).toBe(1);
    for (const r of results.filter((r) => r.error)) {
      expect(r.error).toMatchObject({
        errorDetails: { code: 'label_with_given_type_already_added_to_thread' },
      });
    }
    expect((await t.client.getThread({ threadId })).data?.labels).toHaveLength(1);
  });

  it('removes labels by label id and leaves an entry; a missing id is not_found', async () => {
    const threadId = threadIds[3]!;
    const labels = (await t.client.getThread({ threadId })).data!.labels;
    const billingLabel = labels.find((l) => l.labelType.id === billing)!;
    const before = (await readTimeline(t, threadId)).length;

    const removed = await t.client.removeLabels({ labelIds: [billingLabel.id] });

    expect(removed).toEqual({ data: null });
    expect((await t.client.getThread({ threadId })).data?.labels.map((l) => l.labelType.id)).toEqual([bug]);
    const [entry] = await entriesAfter(t, threadId, before);
    expect(entry?.entry).toMatchObject({
      __typename: 'ThreadLabelsChangedEntry',
      previousLabels: expect.arrayContaining([{ id: billingLabel.id, labelType: { id: billing } }]),
      nextLabels: [{ id: expect.any(String), labelType: { id: bug } }],
    });
    const missing = await t.client.removeLabels({ labelIds: [billingLabel.id] });
    expect(missing.error).toMatchObject({
      errorDetails: { code: 'not_found', fields: [{ field: 'labelIds.0', type: 'NOT_FOUND' }] },
    });
  });
});

describe('upsertThreadField and deleteThreadField', () => {
  const identifier = () => ({ threadId: threadIds[6]!, key: 'tier' });
  const RESULT = `mutation($input: UpsertThreadFieldInput!) {
    upsertThreadField(input: $input) { result threadField { key stringValue } error { code fields { field message } } }
  }`;

  it('answers CREATED, UPDATED and NOOP as the value is new, changed and the same', async () => {
    const upsert = (stringValue: string) =>
      t.graphql(RESULT, { input: { identifier: identifier(), type: 'ENUM', stringValue } });
    expect((await upsert('free')).body.data.upsertThreadField).toEqual({
      result: 'CREATED',
      threadField: { key: 'tier', stringValue: 'free' },
      error: null,
    });
    expect((await upsert('pro')).body.data.upsertThreadField.result).toBe('UPDATED');
    expect((await upsert('pro')).body.data.upsertThreadField.result).toBe('NOOP');

    const sdk = await t.client.upsertThreadField({
      identifier: identifier(),
      type: 'ENUM' as any,
      stringValue: 'free',
    });
    expect(sdk.data).toMatchObject({
      key: 'tier',
      type: 'ENUM',
      stringValue: 'free',
      threadId: threadIds[6],
    });
  });

  it('checks the value against the schema', async () => {
    const { body } = await t.graphql(RESULT, {
      input: { identifier: identifier(), type: 'ENUM', stringValue: 'gold' },
    });
    expect(body.data.upsertThreadField.error).toEqual({
      code: 'input_validation',
      fields: [{ field: 'stringValue', message: 'Must be one of: free, pro.' }],
    });
    const unknown = await t.graphql(RESULT, {
      input: { identifier: { ...identifier(), key: 'nope' }, type: 'STRING', stringValue: 'x' },
    });
    expect(unknown.body.data.upsertThreadField.error).toMatchObject({
      code: 'not_found',
      fields: [{ field: 'identifier.key' }],
    });
    const wrongType = await t.graphql(RESULT, {
      input: { identifier: identifier(), type: 'BOOL', booleanValue: true },
    });
    expect(wrongType.body.data.upsertThreadField.error.fields[0].field).toBe('type');
  });

  it('deletes a field, and answers not_found when there is none', async () => {
    expect(await t.client.deleteThreadField({ identifier: identifier() })).toEqual({ data: null });
    expect((await t.client.getThread({ threadId: threadIds[6]! })).data?.threadFields).toEqual([]);
    const again = await t.client.deleteThreadField({ identifier: identifier() });
    expect(again.error).toMatchObject({
      errorDetails: { code: 'not_found', fields: [{ field: 'identifier.key' }] },
    });
  });
});

describe('permissions', () => {
  it.each([
    ['assignThread', 'AssignThreadInput', { threadId: 'th_x', userId: 'u_x' }, 'thread:assign'],
    ['unassignThread', 'UnassignThreadInput', { threadId: 'th_x' }, 'thread:unassign'],
    ['changeThreadPriority', 'ChangeThreadPriorityInput', { threadId: 'th_x', priority: 1 }, 'thread:edit'],
    ['updateThreadTitle', 'UpdateThreadTitleInput', { threadId: 'th_x', title: 'x' }, 'thread:edit'],
    ['addLabels', 'AddLabelsInput', { threadId: 'th_x', labelTypeIds: ['lt_x'] }, 'label:create'],
    ['removeLabels', 'RemoveLabelsInput', { labelIds: ['l_x'] }, 'label:delete'],
    [
      'upsertThreadField',
      'UpsertThreadFieldInput',
      { identifier: { threadId: 'th_x', key: 'k' }, type: 'STRING', stringValue: 'x' },
      'threadField:create',
    ],
    [
      'deleteThreadField',
      'DeleteThreadFieldInput',
      { identifier: { threadId: 'th_x', key: 'k' } },
      'threadField:delete',
    ],
  ])('%s needs %s', async (name, inputType, input, permission) => {
    const key = await createRestrictedKey(t, ['thread:read']);
    const { body } = await t.graphql(
      `mutation($input: ${inputType}!) { ${name}(input: $input) { error { type code message } } }`,
      { input },
      key,
    );
    expect(body.data[name].error).toEqual({
      type: 'FORBIDDEN',
      code: 'forbidden',
      message: `Insufficient permissions, missing "${permission}".`,
    });
  });
});
