/** markThreadAsDone, markThreadAsTodo and snoozeThread through the official SDK, with the timeline entries they leave. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestrictedKey } from '../support/api-keys.js';
import { createCustomerWithThreads } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { entriesAfter, readTimeline } from '../support/timeline.js';

let t: TestServer;
let customerId: string;
let threadIds: string[];

beforeAll(async () => {
  t = await startTestServer({ THREADLINE_SCHEDULER_INTERVAL_MS: '50' });
  ({ customerId, threadIds } = await createCustomerWithThreads(t, 'status', 8));
});

afterAll(() => t.close());

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('markThreadAsDone', () => {
  it('marks a thread DONE (DONE_MANUALLY_SET) and leaves one status entry', async () => {
    const threadId = threadIds[0]!;
    const before = (await readTimeline(t, threadId)).length;

    const result = await t.client.markThreadAsDone({ threadId });

    expect(result.error).toBeUndefined();
    expect(result.data).toMatchObject({
      id: threadId,
      status: 'DONE',
      statusDetail: { __typename: 'ThreadStatusDetailDoneManuallySet' },
    });
    const entries = await entriesAfter(t, threadId, before);
    expect(entries).toEqual([
      expect.objectContaining({
        actor: { __typename: 'MachineUserActor', machineUserId: expect.stringMatching(/^mu_/) },
        entry: {
          __typename: 'ThreadStatusTransitionedEntry',
          previousStatus: 'TODO',
          nextStatus: 'DONE',
          previousStatusDetail: { __typename: 'ThreadStatusDetailCreated' },
          nextStatusDetail: { __typename: 'ThreadStatusDetailDoneManuallySet' },
        },
      }),
    ]);
  });

  it('writes nothing when the thread is already there', async () => {
    const threadId = threadIds[0]!;
    const before = (await readTimeline(t, threadId)).length;
    const result = await t.client.markThreadAsDone({ threadId });
    expect(result.data?.status).toBe('DONE');
    expect(await entriesAfter(t, threadId, before)).toEqual([]);
  });

  it('maps the deprecated TIMER_EXPIRED to DONE_AUTOMATICALLY_SET and takes IGNORED', async () => {
    const expired = await t.client.markThreadAsDone({
      threadId: threadIds[1]!,
      statusDetail: 'TIMER_EXPIRED' as any,
    });
    expect(expired.data?.statusDetail).toEqual({
      __typename: 'ThreadStatusDetailDoneAutomaticallySet',
      statusChangedAt: expect.anything(),
      afterSeconds: null,
    });
    const ignored = await t.client.markThreadAsDone({
      threadId: threadIds[1]!,
      statusDetail: 'IGNORED' as any,
    });
    expect(ignored.data?.statusDetail?.__typename).toBe('ThreadStatusDetailIgnored');
  });

  it('answers not_found on threadId for a thread that does not exist', async () => {
    const result = await t.client.markThreadAsDone({ threadId: 'th_01HB924RWAW8H3Q8KZDFWYBJZZ' });
    expect(result.error).toMatchObject({
      type: 'mutation_error',
      errorDetails: { code: 'not_found', fields: [{ field: 'threadId', type: 'NOT_FOUND' }] },
    });
  });

  it('is refused while a required field that applies is unset, and allowed once it is set', async () => {
    const { body } = await t.graphql(
      'mutation($input: CreateThreadFieldSchemaInput!) { createThreadFieldSchema(input: $input) { error { message } } }',
      {
        input: {
          key: 'resolution',
          label: 'Resolution',
          description: '',
          order: 0,
          type: 'ENUM',
          enumValues: ['fixed', 'wont_fix'],
          isRequired: true,
          isAiAutoFillEnabled: false,
        },
      },
    );
    expect(body.data.createThreadFieldSchema.error).toBeNull();
    const threadId = threadIds[2]!;
    const before = (await readTimeline(t, threadId)).length;

    const refused = await t.client.markThreadAsDone({ threadId });
    expect(refused.error).toMatchObject({
      type: 'mutation_error',
      errorDetails: {
        type: 'VALIDATION',
        code: 'required_thread_fields_missing',
        fields: [{ field: 'threadId', message: 'Required thread fields are not set: resolution.' }],
      },
    });
    expect((await t.client.getThread({ threadId })).data?.status).toBe('TODO');
    expect(await entriesAfter(t, threadId, before)).toEqual([]);

    await t.client.upsertThreadField({
      identifier: { threadId, key: 'resolution' },
      type: 'ENUM' as any,
      stringValue: 'fixed',
    });
    expect((await t.client.markThreadAsDone({ threadId })).data?.status).toBe('DONE');
    await t.graphql(
      'mutation($id: ID!) { deleteThreadFieldSchema(input: { threadFieldSchemaId: $id }) { error { message } } }',
      {
        id: (
          await t.graphql('{ threadFieldSchemas { edges { node { id key } } } }')
        ).body.data.threadFieldSchemas.edges.find((e: any) => e.node.key === 'resolution').node.id,
      },
    );
  });
});

describe('markThreadAsTodo', () => {
  it('reopens a DONE thread as IN_PROGRESS unless a detail is given', async () => {
    const threadId = threadIds[0]!;
    const before = (await readTimeline(t, threadId)).length;
    const result = await t.client.markThreadAsTodo({ threadId });
    expect(result.data).toMatchObject({
      status: 'TODO',
      statusDetail: { __typename: 'ThreadStatusDetailInProgress' },
    });
    expect((await entriesAfter(t, threadId, before)).map((e) => e.entry)).toEqual([
      expect.objectContaining({ previousStatus: 'DONE', nextStatus: 'TODO' }),
    ]);
    const reply = await t.client.markThreadAsTodo({ threadId, statusDetail: 'NEW_REPLY' as any });
    expect(reply.data?.statusDetail?.__typename).toBe('ThreadStatusDetailNewReply');
  });
});

describe('snoozeThread', () => {
  it('snoozes WAITING_FOR_CUSTOMER without a duration', async () => {
    const result = await t.client.snoozeThread({ threadId: threadIds[3]! });
    expect(result.data).toMatchObject({
      status: 'SNOOZED',
      statusDetail: { __typename: 'ThreadStatusDetailWaitingForCustomer' },
    });
  });

  it('snoozes WAITING_FOR_DURATION with a duration, showing when it ends', async () => {
    const start = Date.now();
    const result = await t.client.snoozeThread({ threadId: threadIds[4]!, durationSeconds: 3600 });
    const detail = result.data?.statusDetail as any;
    expect(detail.__typename).toBe('ThreadStatusDetailWaitingForDuration');
    const until = Date.parse(detail.waitingUntil.iso8601);
    expect(until - start).toBeGreaterThanOrEqual(3600_000 - 1000);
    expect(until - start).toBeLessThanOrEqual(3600_000 + 5000);
  });

  it('requires durationSeconds for WAITING_FOR_DURATION and refuses one out of range', async () => {
    const missing = await t.client.snoozeThread({
      threadId: threadIds[5]!,
      statusDetail: 'WAITING_FOR_DURATION' as any,
    });
    expect(missing.error).toMatchObject({
      type: 'mutation_error',
      errorDetails: { code: 'input_validation', fields: [{ field: 'durationSeconds', type: 'REQUIRED' }] },
    });
    const zero = await t.client.snoozeThread({ threadId: threadIds[5]!, durationSeconds: 0 });
    expect(zero.error).toMatchObject({
      errorDetails: {
        code: 'input_validation',
        fields: [{ field: 'durationSeconds', message: 'Must be at least 1.' }],
      },
    });
    expect((await t.client.getThread({ threadId: threadIds[5]! })).data?.status).toBe('TODO');
  });

  it('ends by itself: the thread returns to TODO, by the system, when the time has passed', async () => {
    const threadId = threadIds[6]!;
    await t.client.snoozeThread({ threadId, durationSeconds: 1 });
    const before = (await readTimeline(t, threadId)).length;

    const thread = await waitFor(
      async () => (await t.client.getThread({ threadId })).data,
      (th) => th?.status === 'TODO',
    );

    expect(thread).toMatchObject({
      status: 'TODO',
      statusDetail: { __typename: 'ThreadStatusDetailInProgress' },
    });
    expect(await entriesAfter(t, threadId, before)).toEqual([
      expect.objectContaining({
        actor: { __typename: 'SystemActor', systemId: 'snooze_timer' },
        entry: expect.objectContaining({
          previousStatus: 'SNOOZED',
          nextStatus: 'TODO',
          previousStatusDetail: { __typename: 'ThreadStatusDetailWaitingForDuration' },
        }),
      }),
    ]);
  });

  it('is ended early by a reply from the customer, as NEW_REPLY', async () => {
    const threadId = threadIds[7]!;
    await t.client.snoozeThread({ threadId, durationSeconds: 3600 });
    const before = (await readTimeline(t, threadId)).length;

    const reply = await t.client.replyToThread({
      threadId,
      textContent: 'Any news?',
      impersonation: { asCustomer: { customerIdentifier: { customerId } } },
    });

    expect(reply.error).toBeUndefined();
    expect((await t.client.getThread({ threadId })).data).toMatchObject({
      status: 'TODO',
      statusDetail: { __typename: 'ThreadStatusDetailNewReply' },
    });
    const entries = await entriesAfter(t, threadId, before);
    expect(entries.map((e) => [e.actor, e.entry.__typename])).toEqual([
      [{ __typename: 'CustomerActor', customerId }, 'ChatEntry'],
      [{ __typename: 'CustomerActor', customerId }, 'ThreadStatusTransitionedEntry'],
    ]);
  });
});

describe('permissions', () => {
  it.each([
    ['markThreadAsDone', 'MarkThreadAsDoneInput'],
    ['markThreadAsTodo', 'MarkThreadAsTodoInput'],
    ['snoozeThread', 'SnoozeThreadInput'],
  ])('%s needs thread:edit', async (name, inputType) => {
    const key = await createRestrictedKey(t, ['thread:read']);
    const { body } = await t.graphql(
      `mutation($input: ${inputType}!) { ${name}(input: $input) { thread { id } error { type code message } } }`,
      { input: { threadId: threadIds[5]! } },
      key,
    );
    expect(body.data[name]).toEqual({
      thread: null,
      error: {
        type: 'FORBIDDEN',
        code: 'forbidden',
        message: 'Insufficient permissions, missing "thread:edit".',
      },
    });
  });
});
