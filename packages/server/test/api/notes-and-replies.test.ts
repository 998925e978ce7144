/** createNote and replyToThread through the official SDK, and the entries they leave. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestrictedKey } from '../support/api-keys.js';
import { createCustomerWithThreads } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { entriesAfter, readTimeline } from '../support/timeline.js';

let t: TestServer;
let customerId: string;
let threadIds: string[];
let otherCustomerId: string;

beforeAll(async () => {
  t = await startTestServer();
  ({ customerId, threadIds } = await createCustomerWithThreads(t, 'notes', 4));
  otherCustomerId = (await createCustomerWithThreads(t, 'other', 0)).customerId;
});

afterAll(() => t.close());

describe('createNote', () => {
  it('adds a note to a thread: the note is answered and its NoteEntry shows in the timeline', async () => {
    const threadId = threadIds[0]!;
    const before = (await readTimeline(t, threadId)).length;

    const result = await t.client.createNote({
      customerId,
      threadId,
      text: 'Called them, refund approved',
      markdown: 'Called them, **refund approved**',
    });

    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({
      __typename: 'Note',
      id: expect.stringMatching(/^n_[0-9A-HJKMNP-TV-Z]{26}$/),
      text: 'Called them, refund approved',
      markdown: 'Called them, **refund approved**',
    });
    expect(await entriesAfter(t, threadId, before)).toEqual([
      expect.objectContaining({
        actor: { __typename: 'MachineUserActor', machineUserId: expect.stringMatching(/^mu_/) },
        entry: {
          __typename: 'NoteEntry',
          noteId: result.data!.id,
          text: 'Called them, refund approved',
          markdown: 'Called them, **refund approved**',
          isEdited: false,
        },
      }),
    ]);
  });

  it('keeps a note without a thread with the customer, in no thread timeline', async () => {
    const before = (await readTimeline(t, threadIds[1]!)).length;
    const { body } = await t.graphql(
      `mutation($input: CreateNoteInput!) { createNote(input: $input) {
        note { id text customer { id } createdBy { __typename } isDeleted } error { code }
      } }`,
      { input: { customerId, text: 'VIP, be nice' } },
    );
    expect(body.data.createNote).toEqual({
      note: {
        id: expect.stringMatching(/^n_/),
        text: 'VIP, be nice',
        customer: { id: customerId },
        createdBy: { __typename: 'MachineUserActor' },
        isDeleted: false,
      },
      error: null,
    });
    expect(await entriesAfter(t, threadIds[1]!, before)).toEqual([]);
  });

  it('refuses a blank text, a missing customer, and a thread of another customer', async () => {
    const blank = await t.client.createNote({ customerId, threadId: threadIds[0]!, text: ' ' });
    expect(blank.error).toMatchObject({
      errorDetails: { code: 'input_validation', fields: [{ field: 'text', type: 'REQUIRED' }] },
    });
    const missing = await t.client.createNote({ customerId: 'c_01HB924RWAW8H3Q8KZDFWYBJZZ', text: 'x' });
    expect(missing.error).toMatchObject({
      errorDetails: { code: 'not_found', fields: [{ field: 'customerId' }] },
    });
    const other = await t.client.createNote({
      customerId: otherCustomerId,
      threadId: threadIds[0]!,
      text: 'x',
    });
    expect(other.error).toMatchObject({
      errorDetails: { code: 'input_validation', fields: [{ field: 'threadId' }] },
    });
  });
});

describe('replyToThread', () => {
  it('stores an outbound reply as a ChatEntry by the caller, without changing the status', async () => {
    const threadId = threadIds[2]!;
    await t.client.markThreadAsDone({ threadId });
    const before = (await readTimeline(t, threadId)).length;

    const result = await t.client.replyToThread({ threadId, textContent: 'We have refunded you.' });

    expect(result).toEqual({ data: null });
    expect(await entriesAfter(t, threadId, before)).toEqual([
      expect.objectContaining({
        actor: { __typename: 'MachineUserActor', machineUserId: expect.stringMatching(/^mu_/) },
        entry: {
          __typename: 'ChatEntry',
          chatId: expect.stringMatching(/^ch_/),
          chatText: 'We have refunded you.',
        },
      }),
    ]);
    expect((await t.client.getThread({ threadId })).data?.status).toBe('DONE');
  });

  it('stores an impersonated reply as the customer and reopens a DONE thread', async () => {
    const threadId = threadIds[2]!;
    const before = (await readTimeline(t, threadId)).length;

    const result = await t.client.replyToThread({
      threadId,
      textContent: 'Thanks! One more thing…',
      impersonation: { asCustomer: { customerIdentifier: { emailAddress: 'notes@example.com' } } },
    });

    expect(result).toEqual({ data: null });
    const entries = await entriesAfter(t, threadId, before);
    expect(entries.map((e) => e.entry)).toEqual([
      { __typename: 'ChatEntry', chatId: expect.any(String), chatText: 'Thanks! One more thing…' },
      expect.objectContaining({
        __typename: 'ThreadStatusTransitionedEntry',
        previousStatus: 'DONE',
        nextStatus: 'TODO',
        nextStatusDetail: { __typename: 'ThreadStatusDetailNewReply' },
      }),
    ]);
    expect(entries.every((e) => e.actor.customerId === customerId)).toBe(true);
  });

  it("refuses to impersonate someone who is not the thread's customer", async () => {
    const result = await t.client.replyToThread({
      threadId: threadIds[3]!,
      textContent: 'hi',
      impersonation: { asCustomer: { customerIdentifier: { customerId: otherCustomerId } } },
    });
    expect(result.error).toMatchObject({
      errorDetails: {
        code: 'input_validation',
        fields: [{ field: 'impersonation.asCustomer.customerIdentifier.customerId' }],
      },
    });
  });

  it('needs customer:impersonate to impersonate, and thread:reply to reply', async () => {
    const replier = await createRestrictedKey(t, ['thread:reply']);
    const REPLY = `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { error { type code message } } }`;
    const impersonating = await t.graphql(
      REPLY,
      {
        input: {
          threadId: threadIds[3]!,
          textContent: 'hi',
          impersonation: { asCustomer: { customerIdentifier: { customerId } } },
        },
      },
      replier,
    );
    expect(impersonating.body.data.replyToThread.error).toEqual({
      type: 'FORBIDDEN',
      code: 'forbidden',
      message: 'Insufficient permissions, missing "customer:impersonate".',
    });
    const before = (await readTimeline(t, threadIds[3]!)).length;
    expect(await entriesAfter(t, threadIds[3]!, before)).toEqual([]);

    const reader = await createRestrictedKey(t, ['thread:read']);
    const reply = await t.graphql(REPLY, { input: { threadId: threadIds[3]!, textContent: 'hi' } }, reader);
    expect(reply.body.data.replyToThread.error.message).toBe(
      'Insufficient permissions, missing "thread:reply".',
    );
  });

  it('needs note:create to add a note', async () => {
    const reader = await createRestrictedKey(t, ['thread:read', 'note:read']);
    const { body } = await t.graphql(
      'mutation($input: CreateNoteInput!) { createNote(input: $input) { note { id } error { code message } } }',
      { input: { customerId, text: 'x' } },
      reader,
    );
    expect(body.data.createNote).toEqual({
      note: null,
      error: { code: 'forbidden', message: 'Insufficient permissions, missing "note:create".' },
    });
  });
});

describe('Thread.timelineEntries(filters)', () => {
  const FILTERED = `query($id: ID!, $filters: ThreadTimelineEntriesFilter) {
    thread(threadId: $id) { timelineEntries(filters: $filters) { edges { node { entry { __typename } } } } }
  }`;
  const typesOf = async (filters: unknown) => {
    const { status, body } = await t.graphql(FILTERED, { id: threadIds[2]!, filters });
    expect(status).toBe(200);
    return body.data.thread.timelineEntries.edges.map((e: any) => e.node.entry.__typename);
  };

  it('keeps only messages with isMessage, and only the rest with isMessage: false', async () => {
    // Thread 2 has a status change, an outbound reply, an inbound reply and the status change it caused.
    expect(await typesOf({ isMessage: true })).toEqual(['ChatEntry', 'ChatEntry']);
    expect(await typesOf({ isMessage: false })).toEqual([
      'ThreadStatusTransitionedEntry',
      'ThreadStatusTransitionedEntry',
    ]);
  });

  it('keeps the entryTypes given, which take precedence over isMessage', async () => {
    expect(await typesOf({ isMessage: true, entryTypes: ['THREAD_STATUS_TRANSITIONED'] })).toEqual([
      'ThreadStatusTransitionedEntry',
      'ThreadStatusTransitionedEntry',
    ]);
    expect(await typesOf({})).toHaveLength(4);
  });
});
