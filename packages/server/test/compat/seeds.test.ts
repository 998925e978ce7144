/**
 * The five seed documents, run as written against a live server through Plain's official SDK
 * (@team-plain/typescript-sdk 5.12.1) and raw fetch. Only apiUrl and apiKey differ from the docs;
 * the entities the docs refer to by id exist with those ids (support/docs-fixtures.ts).
 */
import { PlainClient, ThreadFieldSchemaType, uiComponent } from '@team-plain/typescript-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCS, insertDocsFixtures } from '../support/docs-fixtures.js';
import {
  dateTime,
  expectConsistentDateTime,
  machineUserActor,
  prefixedUlid,
} from '../support/expectations.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Starts a server with the docs' fixtures for one seed, and stops it after. */
function serverWithDocsFixtures(): () => TestServer {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await insertDocsFixtures(t.server.db, t.server.bootstrap.workspace.id);
  });
  afterAll(() => t.close());
  return () => t;
}

/** The ids of the timeline entries of a thread, by entry type. */
async function timelineOf(t: TestServer, threadId: string) {
  const { body } = await t.graphql(
    `query($threadId: ID!) { thread(threadId: $threadId) { timelineEntries(first: 100) { edges { node {
       entry { __typename ... on CustomerEventEntry { timelineEventId } ... on ThreadEventEntry { timelineEventId } }
     } } } } }`,
    { threadId },
  );
  return body.data.thread.timelineEntries.edges.map((e: any) => e.node.entry);
}

describe('seed 000: createCustomerEvent as raw GraphQL', () => {
  const server = serverWithDocsFixtures();
  // The mutation exactly as the document shows it.
  const mutation = `mutation createCustomerEvent($input: CreateCustomerEventInput!) {
  createCustomerEvent(input: $input) {
    customerEvent {
      id
      title
      createdAt {
        iso8601
        unixTimestamp
      }
    }
    error {
      message
      type
      code
      fields {
        field
        message
        type
      }
    }
  }
}`;
  // The variables as the document shows them (its comments removed: JSON has none).
  const variables = {
    input: {
      title: 'API key generated',
      customerIdentifier: { email: 'jane@acme.com' },
      components: [
        {
          componentText: {
            text: 'New API key was added with the fingerprint **3b7896975ee9fd15eeb7** with 4 associated roles.',
          },
        },
        { componentSpacer: { spacerSize: 'M' } },
        {
          componentLinkButton: {
            linkButtonLabel: 'View in admin',
            linkButtonUrl: 'https://admin.your-app.com',
          },
        },
      ],
      externalId: 'XXX',
      threadId: 'th_01HB924RWAW8H3Q8KZDFWYBJHZ',
    },
  };

  it('creates the event, found by the email alias, in the one thread named', async () => {
    const t = server();
    const res = await fetch(t.apiUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${t.apiKey}` },
      body: JSON.stringify({ query: mutation, variables }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body).toEqual({
      data: {
        createCustomerEvent: {
          customerEvent: {
            id: prefixedUlid('tev'),
            title: 'API key generated',
            createdAt: { iso8601: expect.any(String), unixTimestamp: expect.stringMatching(/^\d{13}$/) },
          },
          error: null,
        },
      },
    });
    expectConsistentDateTime(body.data.createCustomerEvent.customerEvent.createdAt);
    const eventId = body.data.createCustomerEvent.customerEvent.id;
    expect(await timelineOf(t, DOCS.threadId)).toContainEqual({
      __typename: 'CustomerEventEntry',
      timelineEventId: eventId,
    });
  });

  it('refuses the same externalId the second time and creates nothing', async () => {
    const t = server();
    const before = await timelineOf(t, DOCS.threadId);
    const { status, body } = await t.graphql(mutation, variables);
    expect(status).toBe(200);
    expect(body.data.createCustomerEvent).toEqual({
      customerEvent: null,
      error: {
        message: 'An event with the externalId "XXX" already exists.',
        type: 'VALIDATION',
        code: 'event_already_exists_with_external_id',
        fields: [{ field: 'externalId', message: expect.any(String), type: 'VALIDATION' }],
      },
    });
    expect(await timelineOf(t, DOCS.threadId)).toEqual(before);
  });
});

describe('seed 001: createCustomerEvent through the SDK', () => {
  const server = serverWithDocsFixtures();

  it('returns the CustomerEvent the document prints', async () => {
    const t = server();
    const client = new PlainClient({ apiKey: t.apiKey, apiUrl: t.apiUrl });

    const res = await client.createCustomerEvent({
      title: 'API key generated',
      customerIdentifier: {
        emailAddress: 'jane@acme.com',
      },
      components: [
        uiComponent.text({
          text: 'New API key was added with the fingerprint **3b7896975ee9fd15eeb7** with 4 associated roles.',
        }),
        uiComponent.spacer({
          size: 'M',
        }),
        uiComponent.linkButton({
          label: 'View in admin',
          url: 'https://admin.your-app.com',
        }),
      ],
      externalId: 'XXX',
    });

    expect(res.error).toBeUndefined();
    // The document's printed result also shows externalId; SDK 5.12.1's CustomerEventParts does not select it.
    expect(res.data).toEqual({
      __typename: 'CustomerEvent',
      id: prefixedUlid('tev'),
      customerId: DOCS.customerId,
      title: 'API key generated',
      createdAt: dateTime(),
      createdBy: machineUserActor(),
      updatedAt: dateTime(),
      updatedBy: machineUserActor(),
    });
    expectConsistentDateTime(res.data!.createdAt);
    // A customer event shows in every thread of the customer.
    expect(await timelineOf(t, DOCS.threadId)).toContainEqual({
      __typename: 'CustomerEventEntry',
      timelineEventId: res.data!.id,
    });
  });
});

describe('seed 002: createThreadEvent through the SDK', () => {
  const server = serverWithDocsFixtures();

  it('returns the ThreadEvent the document prints, in that thread', async () => {
    const t = server();
    const client = new PlainClient({ apiKey: t.apiKey, apiUrl: t.apiUrl });

    const res = await client.createThreadEvent({
      title: 'API key generated',

      threadId: 'th_01HB924RWAW8H3Q8KZDFWYBJHZ',

      components: [
        uiComponent.text({
          text: 'New API key was added with the fingerprint **3b7896975ee9fd15eeb7** with 4 associated roles.',
        }),
        uiComponent.spacer({
          size: 'M',
        }),
        uiComponent.linkButton({
          label: 'View in admin',
          url: 'https://admin.your-app.com',
        }),
      ],
      externalId: 'ex-id-1',
    });

    expect(res.error).toBeUndefined();
    // The document's print also shows __typename and externalId, which ThreadEventParts does not select.
    expect(res.data).toEqual({
      id: prefixedUlid('tev'),
      threadId: DOCS.threadId,
      customerId: DOCS.customerId,
      title: 'API key generated',
      createdAt: dateTime(),
      createdBy: machineUserActor(),
      updatedAt: dateTime(),
      updatedBy: machineUserActor(),
    });
    expect(await timelineOf(t, DOCS.threadId)).toContainEqual({
      __typename: 'ThreadEventEntry',
      timelineEventId: res.data!.id,
    });
  });
});

describe('seed 003: createThread as raw GraphQL', () => {
  const server = serverWithDocsFixtures();
  const mutation = `mutation createThread($input: CreateThreadInput!) {
  createThread(input: $input) {
    thread {
      id
      externalId
      customer {
        id
      }
      status
      statusChangedAt {
        iso8601
        unixTimestamp
      }
      title
      previewText
      priority
      threadFields {
        id
        key
        type
        stringValue
        booleanValue
      }
    }
    error {
      message
      type
      code
      fields {
        field
        message
        type
      }
    }
  }
}`;
  const input = {
    title: 'Bug Report',
    customerIdentifier: { customerId: 'c_01H14DFQ4PDYBH398J1E99TWSS' },
    components: [{ componentText: { text: "The login button is not working, it doesn't do anything." } }],
    labelTypeIds: ['lt_01HB924PME9C0YWKW1N4AK3BZA'],
    threadFields: [{ key: 'my_string_field', type: 'STRING', stringValue: 'any value' }],
  };

  it('creates the thread with its string field', async () => {
    const { status, body } = await server().graphql(mutation, { input });
    expect(status).toBe(200);
    expect(body.data.createThread).toEqual({
      thread: {
        id: prefixedUlid('th'),
        externalId: null,
        customer: { id: DOCS.customerId },
        status: 'TODO',
        statusChangedAt: { iso8601: expect.any(String), unixTimestamp: expect.stringMatching(/^\d{13}$/) },
        title: 'Bug Report',
        previewText: "The login button is not working, it doesn't do anything.",
        priority: 2,
        threadFields: [
          {
            id: prefixedUlid('tf'),
            key: 'my_string_field',
            type: 'STRING',
            stringValue: 'any value',
            booleanValue: null,
          },
        ],
      },
      error: null,
    });
  });

  it('takes the enum and boolean variants the document shows in comments', async () => {
    const enumVariant = await server().graphql(mutation, {
      input: {
        ...input,
        threadFields: [{ key: 'my_enum_field', type: 'ENUM', stringValue: 'any specified value' }],
      },
    });
    expect(enumVariant.body.data.createThread.thread.threadFields).toEqual([
      expect.objectContaining({ key: 'my_enum_field', type: 'ENUM', stringValue: 'any specified value' }),
    ]);
    const boolVariant = await server().graphql(mutation, {
      input: { ...input, threadFields: [{ key: 'my_bool_field', type: 'BOOL', booleanValue: true }] },
    });
    expect(boolVariant.body.data.createThread.thread.threadFields).toEqual([
      expect.objectContaining({ key: 'my_bool_field', type: 'BOOL', booleanValue: true, stringValue: null }),
    ]);
  });
});

describe('seed 004: createThread through the SDK', () => {
  const server = serverWithDocsFixtures();

  it('returns the full Thread the document prints', async () => {
    const t = server();
    const client = new PlainClient({ apiKey: t.apiKey, apiUrl: t.apiUrl });

    const res = await client.createThread({
      title: 'Bug Report',
      customerIdentifier: {
        emailAddress: 'jane@acme.com',
      },
      components: [
        {
          componentText: {
            text: "The login button is not working, it doesn't do anything.",
          },
        },
      ],
      labelTypeIds: ['lt_01HB924PME9C0YWKW1N4AK3BZA'],
      threadFields: [
        {
          key: 'my_string_field',
          type: ThreadFieldSchemaType.String,
          stringValue: 'any value',
        },
      ],
    });

    expect(res.error).toBeUndefined();
    const thread = res.data!;
    expect(thread).toMatchObject({
      __typename: 'Thread',
      id: prefixedUlid('th'),
      ref: expect.stringMatching(/^T-\d+$/),
      externalId: null,
      customer: { id: DOCS.customerId },
      status: 'TODO',
      statusDetail: { __typename: 'ThreadStatusDetailCreated', createdAt: dateTime() },
      statusChangedAt: dateTime(),
      title: 'Bug Report',
      description: null,
      previewText: "The login button is not working, it doesn't do anything.",
      priority: 2,
      tenant: null,
      assignedAt: null,
      assignedTo: null,
      lockedAt: null,
      createdAt: dateTime(),
      createdBy: machineUserActor(),
      updatedAt: dateTime(),
      updatedBy: machineUserActor(),
    });
    expect(thread.labels).toEqual([
      {
        __typename: 'Label',
        id: prefixedUlid('l'),
        labelType: {
          __typename: 'LabelType',
          id: DOCS.labelTypeId,
          name: 'Bug report',
          icon: 'bug',
          isArchived: false,
          archivedAt: null,
          archivedBy: null,
          createdAt: {
            __typename: 'DateTime',
            iso8601: '2023-09-26T15:36:21.390Z',
            unixTimestamp: '1695742581390',
          },
          createdBy: { __typename: 'SystemActor', systemId: 'job' },
          updatedAt: {
            __typename: 'DateTime',
            iso8601: '2023-09-26T15:36:21.390Z',
            unixTimestamp: '1695742581390',
          },
          updatedBy: { __typename: 'SystemActor', systemId: 'job' },
        },
        createdAt: dateTime(),
        createdBy: machineUserActor(),
        updatedAt: dateTime(),
        updatedBy: machineUserActor(),
      },
    ]);
    expect(thread.threadFields).toEqual([
      {
        __typename: 'ThreadField',
        id: prefixedUlid('tf'),
        key: 'my_string_field',
        type: 'STRING',
        threadId: thread.id,
        stringValue: 'any value',
        booleanValue: null,
        isAiGenerated: false,
        createdAt: dateTime(),
        createdBy: machineUserActor(),
        updatedAt: dateTime(),
        updatedBy: machineUserActor(),
      },
    ]);
    expectConsistentDateTime(thread.createdAt);
    // The same thread reads back through getThread.
    const read = await client.getThread({ threadId: thread.id });
    expect(read.data).toEqual(thread);
  });
});
