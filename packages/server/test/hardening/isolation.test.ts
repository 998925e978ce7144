/**
 * Workspace isolation. Workspace B is filled with data (every text marked BRAVO); workspace A's key
 * then calls every root field of the schema with B's ids. Nothing of B is readable (no answer holds
 * BRAVO), nothing of B changes (B's own view of itself is the same afterwards), and each answer is
 * the answer to an id that does not exist at all: indistinguishable from "not found".
 */
import { randomBytes } from 'node:crypto';
import { PlainClient } from '@team-plain/typescript-sdk';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids.js';
import { loadTypeDefs } from '../../src/graphql/schema.js';
import { createFieldSchema } from '../support/fixtures.js';
import { reportSuite } from '../support/suite-results.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { CASES, MAKES_SOMETHING_NEW, type Refs } from './isolation-cases.js';

let t: TestServer;
let keyB: string;
let b: Refs;
let ghost: Refs;
let secretB: string;

/** Everything B can see of itself, to compare before and after A's calls. */
const B_VIEW = `{
  customers(first: 100) { edges { node { id fullName email { email } externalId updatedAt { iso8601 } } } }
  threads(first: 100) { edges { node { id title status priority assignedTo { __typename } updatedAt { iso8601 }
    labels { id } threadFields { key stringValue }
    timelineEntries(first: 100) { edges { node { id } } } } } }
  labelTypes(first: 100) { edges { node { id name isArchived } } }
  threadFieldSchemas(first: 100) { edges { node { id key label } } }
  webhookTargets { edges { node { id url isEnabled } } }
  webhookSigningSecret { secret }
}`;

async function asB(query: string, variables?: unknown) {
  return t.graphql(query, variables, keyB);
}

/** An answer with ids, times and request ids made comparable; B's data must not be in it at all. */
function normalized(body: unknown): string {
  return JSON.stringify(body)
    .replace(/[a-zA-Z]+_[0-9A-HJKMNP-TV-Z]{26}/g, '<id>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    .replace(/whsec_[A-Za-z0-9_-]+/g, '<secret>')
    .replace(/x-[0-9a-f]{8}@example\.com|ghost[^"]*|424242/g, '<ref>');
}

beforeAll(async () => {
  t = await startTestServer();
  const made = await t.server.services.identity.createWorkspace({
    name: 'BRAVO corp',
    adminEmail: 'bravo-owner@example.com',
  });
  keyB = made.generatedApiKeySecret!;
  const client = new PlainClient({ apiKey: keyB, apiUrl: t.apiUrl });

  const customer = await client.upsertCustomer({
    identifier: { emailAddress: 'bravo@example.com' },
    onCreate: {
      fullName: 'BRAVO Customer',
      externalId: 'bravo-ext',
      email: { email: 'bravo@example.com', isVerified: true },
    },
    onUpdate: {},
  });
  const customerId = customer.data!.customer.id;
  const labelType = (await client.createLabelType({ name: 'BRAVO label' })).data!;
  await createFieldSchema({ ...t, graphql: (q, v) => asB(q, v) } as TestServer, 'bravo_field', 'BRAVO field');
  const fieldSchemas = await asB('{ threadFieldSchemas { edges { node { id key } } } }');
  const thread = (
    await client.createThread({
      title: 'BRAVO thread',
      externalId: 'bravo-thread-ext',
      customerIdentifier: { customerId },
      labelTypeIds: [labelType.id],
      threadFields: [{ key: 'bravo_field', type: 'STRING' as any, stringValue: 'BRAVO value' }],
      components: [{ componentText: { text: 'BRAVO message' } }],
    })
  ).data!;
  await client.createNote({ customerId, threadId: thread.id, text: 'BRAVO note' });
  await client.createThreadEvent({
    threadId: thread.id,
    title: 'BRAVO event',
    components: [{ componentText: { text: 'BRAVO' } }],
  });
  const target = (
    await client.createWebhookTarget({
      url: 'http://127.0.0.1:9/bravo-hooks',
      description: 'BRAVO hooks',
      isEnabled: true,
      eventSubscriptions: [{ eventType: 'customer.customer_updated' }],
    })
  ).data!;
  await client.upsertCustomer({
    identifier: { customerId },
    onCreate: { fullName: 'x', email: { email: 'bravo@example.com', isVerified: true } },
    onUpdate: { shortName: { value: 'BRAVO' } },
  });
  const machineUser = await asB(
    'mutation { createMachineUser(input: { publicName: "BRAVO bot", fullName: "BRAVO bot" }) { machineUser { id } } }',
  );
  const machineUserId = machineUser.body.data.createMachineUser.machineUser.id;
  const apiKey = await asB(
    `mutation ($id: ID!) { createApiKey(input: { machineUserId: $id, description: "BRAVO key", permissions: ["thread:read"] }) { apiKey { id } } }`,
    { id: machineUserId },
  );
  const view = await asB(
    `query ($id: ID!) { thread(threadId: $id) { ref labels { id }
    timelineEntries(first: 5) { edges { node { id } } } } users { edges { node { id email } } } }`,
    { id: thread.id },
  );
  // The event of B's webhook: its one delivery attempt (to a closed port) is in B's log.
  const deadline = Date.now() + 5000;
  let eventId = '';
  while (!eventId && Date.now() < deadline) {
    const log = await asB(
      'query ($id: ID!) { webhookDeliveryAttempts(webhookTargetId: $id) { edges { node { publicEventId } } } }',
      {
        id: target.id,
      },
    );
    eventId = log.body.data.webhookDeliveryAttempts.edges[0]?.node.publicEventId ?? '';
    if (!eventId) await new Promise((r) => setTimeout(r, 50));
  }
  expect(eventId).toMatch(/^pEv_/);
  b = {
    customerId,
    customerEmail: 'bravo@example.com',
    customerExternalId: 'bravo-ext',
    threadId: thread.id,
    threadRef: String(view.body.data.thread.ref),
    threadExternalId: 'bravo-thread-ext',
    labelTypeId: labelType.id,
    labelId: view.body.data.thread.labels[0].id,
    fieldSchemaId: fieldSchemas.body.data.threadFieldSchemas.edges[0].node.id,
    fieldKey: 'bravo_field',
    timelineEntryId: view.body.data.thread.timelineEntries.edges[0].node.id,
    webhookTargetId: target.id,
    eventId,
    machineUserId,
    apiKeyId: apiKey.body.data.createApiKey.apiKey.id,
    userId: view.body.data.users.edges[0].node.id,
    userEmail: 'bravo-owner@example.com',
  };
  const tag = randomBytes(4).toString('hex');
  ghost = {
    customerId: newId('c'),
    customerEmail: `x-${tag}@example.com`,
    customerExternalId: `ghost-${tag}`,
    threadId: newId('th'),
    threadRef: '424242',
    threadExternalId: `ghost-${tag}`,
    labelTypeId: newId('lt'),
    labelId: newId('l'),
    fieldSchemaId: newId('tfs'),
    fieldKey: `ghost_${tag}`,
    timelineEntryId: newId('t'),
    webhookTargetId: newId('whTarget'),
    eventId: newId('pEv'),
    machineUserId: newId('mu'),
    apiKeyId: newId('ak'),
    userId: newId('u'),
    userEmail: `x-${tag}@example.com`,
  };
  secretB = (await asB('{ webhookSigningSecret { secret } }')).body.data.webhookSigningSecret.secret;
});

afterAll(() => t.close());

describe('workspace isolation', () => {
  it('has a case for every root field of the schema', () => {
    const schema = buildSchema(loadTypeDefs());
    const rootFields = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) =>
      Object.keys(type.getFields()),
    );
    expect(rootFields.filter((field) => !CASES[field])).toEqual([]);
  });

  it("shows nothing of B to A, changes nothing of B, and answers B's ids as ids that do not exist", async () => {
    const before = await asB(B_VIEW);
    const failures: string[] = [];
    let passed = 0;
    for (const [field, c] of Object.entries(CASES)) {
      const withB = await t.graphql(c.query, c.variables(b));
      const withGhost = await t.graphql(c.query, c.variables(ghost));
      const raw = JSON.stringify(withB.body);
      const problems = [
        // B's texts are upper case BRAVO; what a case sends (emails, keys) is lower case.
        raw.includes('BRAVO') ? 'shows B data' : null,
        raw.includes(secretB) ? "shows B's signing secret" : null,
        withB.status !== withGhost.status ? `status ${withB.status} vs ${withGhost.status}` : null,
        !MAKES_SOMETHING_NEW.has(field) && normalized(withB.body) !== normalized(withGhost.body)
          ? `differs from a missing id: ${normalized(withB.body)} vs ${normalized(withGhost.body)}`
          : null,
        // Every case is a valid document: an answer that is a GraphQL error would prove nothing.
        withB.status !== 200 || withB.body.errors ? `not answered: ${JSON.stringify(withB.body)}` : null,
      ].filter(Boolean);
      if (problems.length > 0) failures.push(`${field}: ${problems.join('; ')}`);
      else passed++;
    }
    reportSuite('isolation (root fields)', passed, failures.length);
    expect(failures).toEqual([]);
    expect((await asB(B_VIEW)).body).toEqual(before.body);
  });

  it("finds none of B's data in A's lists and searches", async () => {
    const answers = await Promise.all([
      t.graphql('{ customers(first: 100) { edges { node { fullName email { email } } } } }'),
      t.graphql('{ threads(first: 100) { edges { node { title } } } }'),
      t.graphql('{ searchThreads(searchQuery: { term: "bravo" }) { edges { node { thread { title } } } } }'),
      t.graphql(
        '{ searchCustomers(searchQuery: { or: [{ fullName: { caseInsensitiveContains: "bravo" } }] }) { edges { node { id } } } }',
      ),
      t.graphql('{ users { edges { node { email } } } }'),
      t.graphql(
        '{ labelTypes { edges { node { name } } } threadFieldSchemas { edges { node { key } } } webhookTargets { edges { node { url } } } }',
      ),
    ]);
    for (const answer of answers) {
      expect(answer.body.errors).toBeUndefined();
      const raw = JSON.stringify(answer.body);
      // B's texts are upper case BRAVO (A made a field with B's key, bravo_field: keys are per workspace).
      expect(raw).not.toContain('BRAVO');
      for (const id of [
        b.customerId,
        b.threadId,
        b.labelTypeId,
        b.fieldSchemaId,
        b.webhookTargetId,
        b.userId,
      ]) {
        expect(raw).not.toContain(id);
      }
    }
  });
});
