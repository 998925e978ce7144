/**
 * The seed documents, run as written against a live server through Plain's official SDK
 * (@team-plain/typescript-sdk 5.12.1) and raw fetch. Only apiUrl and apiKey differ from the docs;
 * the entities the docs refer to by id exist with those ids (support/docs-fixtures.ts).
 * This file: seeds 003 and 004, thread creation.
 */
import { PlainClient, ThreadFieldSchemaType } from '@team-plain/typescript-sdk';
import { describe, expect, it } from 'vitest';
import { DOCS } from '../support/docs-fixtures.js';
import {
  dateTime,
  expectConsistentDateTime,
  machineUserActor,
  prefixedUlid,
} from '../support/expectations.js';
import { serverWithDocsFixtures } from '../support/seed-servers.js';

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
