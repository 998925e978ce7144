/**
 * The seed documents, run as written against a live server through Plain's official SDK
 * (@team-plain/typescript-sdk 5.12.1) and raw fetch. Only apiUrl and apiKey differ from the docs;
 * the entities the docs refer to by id exist with those ids (support/docs-fixtures.ts).
 * This file: seeds 000 to 002, customer and thread events.
 */
import { PlainClient, uiComponent } from '@team-plain/typescript-sdk';
import { describe, expect, it } from 'vitest';
import { DOCS } from '../support/docs-fixtures.js';
import {
  dateTime,
  expectConsistentDateTime,
  machineUserActor,
  prefixedUlid,
} from '../support/expectations.js';
import { serverWithDocsFixtures, timelineOf } from '../support/seed-servers.js';

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
