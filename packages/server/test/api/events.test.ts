/** Customer and thread events: where they appear, idempotency by externalId, components and limits. */
import { uiComponent } from '@team-plain/typescript-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

let counter = 0;
/** A new customer with `threads` threads. */
async function customerWithThreads(threads: number) {
  const email = `events-${++counter}@example.com`;
  const customer = await t.client.upsertCustomer({
    identifier: { emailAddress: email },
    onCreate: { fullName: 'Event Tester', email: { email, isVerified: true } },
    onUpdate: {},
  });
  const ids: string[] = [];
  for (let i = 0; i < threads; i++) {
    const thread = await t.client.createThread({
      title: `Thread ${i}`,
      customerIdentifier: { emailAddress: email },
    });
    ids.push(thread.data!.id);
  }
  return { email, customerId: customer.data!.customer.id, threadIds: ids };
}

/** The event ids shown in a thread's timeline, with their entry type. */
async function eventsIn(threadId: string) {
  const { body } = await t.graphql(
    `query($id: ID!) { thread(threadId: $id) { timelineEntries(first: 100) { edges { node { entry {
       __typename ... on CustomerEventEntry { timelineEventId } ... on ThreadEventEntry { timelineEventId } } } } } } }`,
    { id: threadId },
  );
  return body.data.thread.timelineEntries.edges
    .map((e: any) => e.node.entry)
    .filter((e: any) => e.timelineEventId)
    .map((e: any) => `${e.__typename}:${e.timelineEventId}`);
}

const text = [uiComponent.text({ text: 'Hello' })];

describe('where events appear', () => {
  it('shows a customer event in every thread of its customer and in no other customer’s', async () => {
    const jane = await customerWithThreads(2);
    const other = await customerWithThreads(1);
    const res = await t.client.createCustomerEvent({
      title: 'Logged in',
      customerIdentifier: { customerId: jane.customerId },
      components: text,
    });
    const entry = `CustomerEventEntry:${res.data!.id}`;
    expect(await eventsIn(jane.threadIds[0]!)).toEqual([entry]);
    expect(await eventsIn(jane.threadIds[1]!)).toEqual([entry]);
    expect(await eventsIn(other.threadIds[0]!)).toEqual([]);
  });

  it('shows a customer event created with threadId only in that thread', async () => {
    const jane = await customerWithThreads(2);
    const { body } = await t.graphql(
      'mutation($input: CreateCustomerEventInput!) { createCustomerEvent(input: $input) { customerEvent { id } error { code } } }',
      {
        input: {
          title: 'Scoped',
          customerIdentifier: { customerId: jane.customerId },
          components: [],
          threadId: jane.threadIds[1],
        },
      },
    );
    const id = body.data.createCustomerEvent.customerEvent.id;
    expect(await eventsIn(jane.threadIds[0]!)).toEqual([]);
    expect(await eventsIn(jane.threadIds[1]!)).toEqual([`CustomerEventEntry:${id}`]);
  });

  it('refuses a threadId that belongs to another customer', async () => {
    const jane = await customerWithThreads(0);
    const other = await customerWithThreads(1);
    const { body } = await t.graphql(
      'mutation($input: CreateCustomerEventInput!) { createCustomerEvent(input: $input) { customerEvent { id } error { code fields { field type } } } }',
      {
        input: {
          title: 'x',
          customerIdentifier: { customerId: jane.customerId },
          components: [],
          threadId: other.threadIds[0],
        },
      },
    );
    expect(body.data.createCustomerEvent).toEqual({
      customerEvent: null,
      error: { code: 'not_found', fields: [{ field: 'threadId', type: 'NOT_FOUND' }] },
    });
  });

  it('copies earlier customer events into a thread created later', async () => {
    const jane = await customerWithThreads(0);
    const event = await t.client.createCustomerEvent({
      title: 'Before the thread',
      customerIdentifier: { emailAddress: jane.email },
      components: text,
    });
    const thread = await t.client.createThread({
      title: 'Later',
      customerIdentifier: { emailAddress: jane.email },
    });
    expect(await eventsIn(thread.data!.id)).toEqual([`CustomerEventEntry:${event.data!.id}`]);
  });

  it('shows a thread event only in its thread', async () => {
    const jane = await customerWithThreads(2);
    const res = await t.client.createThreadEvent({
      title: 'Deployed',
      threadId: jane.threadIds[0]!,
      components: text,
    });
    expect(res.data).toMatchObject({ threadId: jane.threadIds[0], customerId: jane.customerId });
    expect(await eventsIn(jane.threadIds[0]!)).toEqual([`ThreadEventEntry:${res.data!.id}`]);
    expect(await eventsIn(jane.threadIds[1]!)).toEqual([]);
  });

  it('places a backdated event at its timestamp', async () => {
    const jane = await customerWithThreads(1);
    const res = await t.client.createThreadEvent({
      title: 'Backfilled',
      threadId: jane.threadIds[0]!,
      components: text,
      timestamp: '2024-10-28T18:30:00Z',
    });
    expect(res.data!.createdAt.iso8601).toBe('2024-10-28T18:30:00.000Z');
    const { body } = await t.graphql(
      'query($id: ID!) { thread(threadId: $id) { timelineEntries(first: 1) { edges { node { timestamp { iso8601 } } } } } }',
      { id: jane.threadIds[0] },
    );
    expect(body.data.thread.timelineEntries.edges[0].node.timestamp.iso8601).toBe('2024-10-28T18:30:00.000Z');
  });
});

describe('externalId is an idempotency key', () => {
  it('fails the second create with the same externalId and creates nothing', async () => {
    const jane = await customerWithThreads(1);
    const input = {
      title: 'Once',
      customerIdentifier: { customerId: jane.customerId },
      components: text,
      externalId: `once-${counter}`,
    };
    const first = await t.client.createCustomerEvent(input);
    const second = await t.client.createCustomerEvent({ ...input, title: 'Twice' });
    expect(first.data?.id).toBeDefined();
    expect(second.error).toMatchObject({
      type: 'mutation_error',
      errorDetails: {
        code: 'event_already_exists_with_external_id',
        fields: [{ field: 'externalId', type: 'VALIDATION' }],
      },
    });
    expect(await eventsIn(jane.threadIds[0]!)).toEqual([`CustomerEventEntry:${first.data!.id}`]);
  });

  it('lets exactly one of 20 concurrent creates with one externalId succeed', async () => {
    const jane = await customerWithThreads(1);
    const externalId = `race-${counter}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.client.createThreadEvent({
          title: `Racer ${i}`,
          threadId: jane.threadIds[0]!,
          components: text,
          externalId,
        }),
      ),
    );
    const created = results.filter((r) => r.data);
    expect(created).toHaveLength(1);
    expect(results.filter((r) => r.error?.type === 'mutation_error')).toHaveLength(19);
    for (const r of results.filter((r) => r.error)) {
      expect(r.error).toMatchObject({ errorDetails: { code: 'event_already_exists_with_external_id' } });
    }
    expect(await eventsIn(jane.threadIds[0]!)).toEqual([`ThreadEventEntry:${created[0]!.data!.id}`]);
    const rows = await t.server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM events WHERE external_id = $1',
      [externalId],
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('keeps customer and thread events apart: the same externalId may be used once by each', async () => {
    const jane = await customerWithThreads(1);
    const externalId = `both-${counter}`;
    const c = await t.client.createCustomerEvent({
      title: 'c',
      customerIdentifier: { customerId: jane.customerId },
      components: [],
      externalId,
    });
    const th = await t.client.createThreadEvent({
      title: 't',
      threadId: jane.threadIds[0]!,
      components: [],
      externalId,
    });
    expect(c.data?.id).toBeDefined();
    expect(th.data?.id).toBeDefined();
  });
});

describe('components', () => {
  const everyKind = [
    uiComponent.text({ text: 'Plan **upgraded**', color: 'SUCCESS', size: 'L' }),
    uiComponent.plainText({ text: 'as written', color: 'MUTED' }),
    uiComponent.spacer({ size: 'XL' }),
    uiComponent.spacer({}),
    uiComponent.divider({ spacingSize: 'S' }),
    uiComponent.linkButton({ label: 'Open', url: 'https://example.com/a?b=c' }),
    uiComponent.copyButton({ value: 'cus_123', tooltip: 'Copy id' }),
    uiComponent.badge({ label: 'Pro', color: 'BLUE' }),
    uiComponent.workflowButton({ label: 'Refund', workflowId: 'wf_1' }),
    uiComponent.row({
      mainContent: [uiComponent.text({ text: 'Main' })],
      asideContent: [uiComponent.badge({ label: 'Aside' })],
    }),
  ];
  const selection = `components { __typename
    ... on ComponentText { text textSize textColor }
    ... on ComponentPlainText { plainText plainTextSize plainTextColor }
    ... on ComponentSpacer { spacerSize }
    ... on ComponentDivider { dividerSpacingSize }
    ... on ComponentLinkButton { linkButtonLabel linkButtonUrl }
    ... on ComponentCopyButton { copyButtonValue copyButtonTooltipLabel }
    ... on ComponentBadge { badgeLabel badgeColor }
    ... on ComponentWorkflowButton { workflowButtonLabel workflowButtonWorkflowIdentifier { workflowId workflowKey } }
    ... on ComponentRow { rowMainContent { __typename ... on ComponentText { text } } rowAsideContent { __typename ... on ComponentBadge { badgeLabel } } }
  }`;

  it('stores every kind the SDK builders make, explicit nulls included, and reads them back', async () => {
    const jane = await customerWithThreads(1);
    const res = await t.client.createThreadEvent({
      title: 'Every kind',
      threadId: jane.threadIds[0]!,
      components: everyKind,
    });
    expect(res.error).toBeUndefined();
    const { body } = await t.graphql(
      `query($id: ID!) { thread(threadId: $id) { timelineEntries(first: 5) { edges { node { entry {
         ... on ThreadEventEntry { ${selection} } } } } } } }`,
      { id: jane.threadIds[0] },
    );
    expect(body.data.thread.timelineEntries.edges[0].node.entry.components).toEqual([
      { __typename: 'ComponentText', text: 'Plan **upgraded**', textSize: 'L', textColor: 'SUCCESS' },
      {
        __typename: 'ComponentPlainText',
        plainText: 'as written',
        plainTextSize: null,
        plainTextColor: 'MUTED',
      },
      { __typename: 'ComponentSpacer', spacerSize: 'XL' },
      { __typename: 'ComponentSpacer', spacerSize: 'M' },
      { __typename: 'ComponentDivider', dividerSpacingSize: 'S' },
      {
        __typename: 'ComponentLinkButton',
        linkButtonLabel: 'Open',
        linkButtonUrl: 'https://example.com/a?b=c',
      },
      { __typename: 'ComponentCopyButton', copyButtonValue: 'cus_123', copyButtonTooltipLabel: 'Copy id' },
      { __typename: 'ComponentBadge', badgeLabel: 'Pro', badgeColor: 'BLUE' },
      {
        __typename: 'ComponentWorkflowButton',
        workflowButtonLabel: 'Refund',
        workflowButtonWorkflowIdentifier: { workflowId: 'wf_1', workflowKey: null },
      },
      {
        __typename: 'ComponentRow',
        rowMainContent: [{ __typename: 'ComponentText', text: 'Main' }],
        rowAsideContent: [{ __typename: 'ComponentBadge', badgeLabel: 'Aside' }],
      },
    ]);
  });

  async function createWith(components: unknown[]) {
    const jane = await customerWithThreads(0);
    const { status, body } = await t.graphql(
      'mutation($input: CreateCustomerEventInput!) { createCustomerEvent(input: $input) { customerEvent { id } error { type code fields { field message type } } } }',
      { input: { title: 'Limits', customerIdentifier: { customerId: jane.customerId }, components } },
    );
    expect(status).toBe(200);
    return body.data.createCustomerEvent;
  }

  it('refuses text over 10000 characters, naming the field, and creates nothing', async () => {
    const result = await createWith([{ componentText: { text: 'a'.repeat(10_001) } }]);
    expect(result).toEqual({
      customerEvent: null,
      error: {
        type: 'VALIDATION',
        code: 'input_validation',
        fields: [
          {
            field: 'components.0.componentText.text',
            message: 'Must have at most 10000 character(s).',
            type: 'VALIDATION',
          },
        ],
      },
    });
  });

  it('accepts text of exactly 10000 characters', async () => {
    expect((await createWith([{ componentText: { text: 'a'.repeat(10_000) } }])).error).toBeNull();
  });

  it('refuses empty text as REQUIRED', async () => {
    const result = await createWith([{ componentText: { text: '   ' } }]);
    expect(result.error.fields).toEqual([
      { field: 'components.0.componentText.text', message: 'Required', type: 'REQUIRED' },
    ]);
  });

  it('refuses a link button whose URL is not http(s)', async () => {
    for (const url of ['javascript:alert(1)', 'not a url', 'ftp://example.com']) {
      const result = await createWith([
        { componentLinkButton: { linkButtonLabel: 'x', linkButtonUrl: url } },
      ]);
      expect(result.error.fields).toEqual([
        {
          field: 'components.0.componentLinkButton.linkButtonUrl',
          message: 'Must be a valid http or https URL.',
          type: 'VALIDATION',
        },
      ]);
    }
  });

  it('refuses labels over 500 and copy values over 1000 characters', async () => {
    const result = await createWith([
      { componentBadge: { badgeLabel: 'b'.repeat(501) } },
      { componentCopyButton: { copyButtonValue: 'c'.repeat(1001) } },
    ]);
    expect(result.error.fields.map((f: any) => f.field)).toEqual([
      'components.0.componentBadge.badgeLabel',
      'components.1.componentCopyButton.copyButtonValue',
    ]);
  });

  it('refuses a component with two kinds set, or none', async () => {
    const result = await createWith([{ componentText: { text: 'a' }, componentDivider: {} }, {}]);
    expect(result.error.fields.map((f: any) => f.field)).toEqual(['components.0', 'components.1']);
  });

  it('refuses a row without aside content and a workflow button without an identifier', async () => {
    const result = await createWith([
      { componentRow: { rowMainContent: [{ componentText: { text: 'a' } }], rowAsideContent: [] } },
      { componentWorkflowButton: { workflowButtonLabel: 'Go', workflowButtonWorkflowIdentifier: {} } },
    ]);
    expect(result.error.fields.map((f: any) => f.field)).toEqual([
      'components.0.componentRow.rowAsideContent',
      'components.1.componentWorkflowButton.workflowButtonWorkflowIdentifier',
    ]);
  });

  it('answers 400 for a container in an event, which EventComponentInput does not have', async () => {
    const jane = await customerWithThreads(0);
    const { status } = await t.graphql(
      'mutation($input: CreateCustomerEventInput!) { createCustomerEvent(input: $input) { error { code } } }',
      {
        input: {
          title: 'x',
          customerIdentifier: { customerId: jane.customerId },
          components: [{ componentContainer: { containerContent: [{ componentText: { text: 'a' } }] } }],
        },
      },
    );
    expect(status).toBe(400);
  });
});

describe('unknown references', () => {
  it('answers not_found naming the identifier field for an unknown customer', async () => {
    const res = await t.client.createCustomerEvent({
      title: 'x',
      customerIdentifier: { emailAddress: 'nobody@example.com' },
      components: [],
    });
    expect(res.error).toMatchObject({
      type: 'mutation_error',
      errorDetails: {
        code: 'not_found',
        fields: [
          { field: 'customerIdentifier.emailAddress', message: 'Customer not found.', type: 'NOT_FOUND' },
        ],
      },
    });
  });

  it('answers not_found for an unknown thread', async () => {
    const res = await t.client.createThreadEvent({
      title: 'x',
      threadId: 'th_01HB924RWAW8H3Q8KZDFWYBJHZ',
      components: [],
    });
    expect(res.error).toMatchObject({
      errorDetails: { code: 'not_found', fields: [{ field: 'threadId', type: 'NOT_FOUND' }] },
    });
  });
});
