/**
 * The seeds' SDK examples (Plain's docs on customer events, thread events and thread creation), run
 * through ThreadlineClient against a live server: each example as written, with only the import, the
 * class name, and the API URL and key changed. The raw GraphQL seeds go through rawRequest.
 */
import { describe, expect, it } from 'vitest';
import { DOCS } from '../../server/test/support/docs-fixtures.js';
import { dateTime, machineUserActor, prefixedUlid } from '../../server/test/support/expectations.js';
import { serverWithDocsFixtures } from '../../server/test/support/seed-servers.js';
import { ThreadFieldSchemaType, ThreadlineClient, uiComponent } from '../src/index.js';

describe('seed 001: createCustomerEvent', () => {
  const server = serverWithDocsFixtures();

  it('returns the event the page prints', async () => {
    const client = new ThreadlineClient({ apiKey: server().apiKey, apiUrl: server().apiUrl });

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
  });

  it('answers a second create with the same externalId with a mutation_error, not a second event', async () => {
    const client = new ThreadlineClient({ apiKey: server().apiKey, apiUrl: server().apiUrl });
    const input = {
      title: 'API key generated',
      customerIdentifier: { emailAddress: 'jane@acme.com' },
      components: [uiComponent.text({ text: 'once' })],
      externalId: 'seed-001-twice',
    };
    expect((await client.createCustomerEvent(input)).error).toBeUndefined();
    const second = await client.createCustomerEvent(input);
    expect(second.error).toMatchObject({ type: 'mutation_error', errorDetails: { type: 'VALIDATION' } });
  });
});

describe('seed 000: createCustomerEvent as raw GraphQL, through rawRequest', () => {
  const server = serverWithDocsFixtures();

  it('creates the event scoped to the thread, with the variables as written', async () => {
    const client = new ThreadlineClient({ apiKey: server().apiKey, apiUrl: server().apiUrl });
    const res = await client.rawRequest({
      query: `mutation createCustomerEvent($input: CreateCustomerEventInput!) {
        createCustomerEvent(input: $input) {
          customerEvent { id title createdAt { iso8601 unixTimestamp } }
          error { message type code fields { field message type } }
        }
      }`,
      variables: {
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
          threadId: DOCS.threadId,
        },
      },
    });
    expect(res.error).toBeUndefined();
    expect(res.data).toEqual({
      createCustomerEvent: {
        customerEvent: {
          id: prefixedUlid('tev'),
          title: 'API key generated',
          createdAt: { iso8601: expect.any(String), unixTimestamp: expect.stringMatching(/^\d{13}$/) },
        },
        error: null,
      },
    });
  });
});

describe('seed 002: createThreadEvent', () => {
  const server = serverWithDocsFixtures();

  it('returns the event the page prints', async () => {
    const client = new ThreadlineClient({ apiKey: server().apiKey, apiUrl: server().apiUrl });

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
    expect(res.data).toEqual({
      id: prefixedUlid('tev'),
      threadId: DOCS.threadId,
      title: 'API key generated',
      customerId: DOCS.customerId,
      createdAt: dateTime(),
      createdBy: machineUserActor(),
      updatedAt: dateTime(),
      updatedBy: machineUserActor(),
    });
  });
});

describe('seed 004: createThread', () => {
  const server = serverWithDocsFixtures();

  it('returns the full Thread the page prints', async () => {
    const client = new ThreadlineClient({ apiKey: server().apiKey, apiUrl: server().apiUrl });

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

    if (res.error) throw new Error(`createThread failed: ${JSON.stringify(res.error)}`);
    // The page's own check: res.data is the thread.
    expect(`Thread created with id=${res.data.id}`).toMatch(/^Thread created with id=th_/);
    expect(res.data).toMatchObject({
      __typename: 'Thread',
      id: prefixedUlid('th'),
      ref: expect.stringMatching(/^T-\d+$/),
      externalId: null,
      customer: { id: DOCS.customerId },
      status: 'TODO',
      statusDetail: { __typename: 'ThreadStatusDetailCreated', createdAt: dateTime() },
      title: 'Bug Report',
      previewText: "The login button is not working, it doesn't do anything.",
      priority: 2,
      assignedAt: null,
      assignedTo: null,
      createdBy: machineUserActor(),
      labels: [
        {
          __typename: 'Label',
          labelType: {
            __typename: 'LabelType',
            id: DOCS.labelTypeId,
            name: 'Bug report',
            icon: 'bug',
            isArchived: false,
            createdBy: { __typename: 'SystemActor', systemId: 'job' },
          },
        },
      ],
      threadFields: [
        { __typename: 'ThreadField', key: 'my_string_field', type: 'STRING', stringValue: 'any value' },
      ],
    });
  });

  it.each([
    ['enum', { key: 'my_enum_field', type: ThreadFieldSchemaType.Enum, stringValue: 'any specified value' }],
    ['bool', { key: 'my_bool_field', type: ThreadFieldSchemaType.Bool, booleanValue: true }],
  ] as const)('takes the %s thread field the page shows in comments', async (_kind, field) => {
    const client = new ThreadlineClient({ apiKey: server().apiKey, apiUrl: server().apiUrl });
    const res = await client.createThread({
      title: 'Bug Report',
      customerIdentifier: { emailAddress: 'jane@acme.com' },
      components: [{ componentText: { text: "The login button is not working, it doesn't do anything." } }],
      labelTypeIds: ['lt_01HB924PME9C0YWKW1N4AK3BZA'],
      threadFields: [field],
    });
    expect(res.data?.threadFields).toEqual([expect.objectContaining(field)]);
  });
});
