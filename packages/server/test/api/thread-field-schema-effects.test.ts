/** Thread field schemas over raw GraphQL: delete, list, and what schemas do to threads made through the SDK. */
import { ThreadFieldSchemaType } from '@team-plain/typescript-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  createFieldTestCustomer,
  createSchema,
  createThreadWithFields,
  DELETE,
  GET,
  listSchemas,
  UPDATE,
  uniqueKey,
} from '../support/thread-field-schema-api.js';

let t: TestServer;
let customerEmail: string;
beforeAll(async () => {
  t = await startTestServer();
  customerEmail = await createFieldTestCustomer(t);
});
afterAll(() => t.close());

describe('deleteThreadFieldSchema', () => {
  it('drops the dependency of schemas that depended on the deleted one, which stay editable', async () => {
    const a = (await createSchema(t, { type: 'BOOL' })).threadFieldSchema;
    const b = (
      await createSchema(t, {
        dependsOnThreadField: { threadFieldSchemaId: a.id, threadFieldSchemaValue: 'true' },
      })
    ).threadFieldSchema;
    expect(b.dependsOnThreadField).toEqual({ threadFieldSchemaId: a.id, threadFieldSchemaValue: 'true' });
    expect(
      (await t.graphql(DELETE, { input: { threadFieldSchemaId: a.id } })).body.data.deleteThreadFieldSchema
        .error,
    ).toBeNull();
    const updated = await t.graphql(UPDATE, {
      input: { threadFieldSchemaId: b.id, label: { value: 'Renamed' } },
    });
    expect(updated.body.data.updateThreadFieldSchema).toMatchObject({
      threadFieldSchema: { label: 'Renamed', dependsOnThreadField: null },
      error: null,
    });
  });

  it('deletes the schema and every thread value for its key', async () => {
    const key = uniqueKey('doomed');
    const schema = (await createSchema(t, { key })).threadFieldSchema;
    const thread = await createThreadWithFields(t, customerEmail, [
      { key, type: ThreadFieldSchemaType.String, stringValue: 'kept until deleted' },
    ]);
    expect(thread.threadFields).toContainEqual(
      expect.objectContaining({ key, type: 'STRING', stringValue: 'kept until deleted' }),
    );

    const { body } = await t.graphql(DELETE, { input: { threadFieldSchemaId: schema.id } });

    expect(body.data.deleteThreadFieldSchema).toEqual({ error: null });
    const read = await t.client.getThread({ threadId: thread.id });
    expect(read.error).toBeUndefined();
    expect(read.data!.threadFields.map((f) => f.key)).not.toContain(key);
    expect((await t.graphql(GET, { id: schema.id })).body.data.threadFieldSchema).toBeNull();
  });

  it('returns not_found on threadFieldSchemaId the second time', async () => {
    const schema = (await createSchema(t)).threadFieldSchema;
    await t.graphql(DELETE, { input: { threadFieldSchemaId: schema.id } });

    const { body } = await t.graphql(DELETE, { input: { threadFieldSchemaId: schema.id } });

    expect(body.data.deleteThreadFieldSchema).toEqual({
      error: {
        message: expect.any(String),
        type: 'VALIDATION',
        code: 'not_found',
        fields: [{ field: 'threadFieldSchemaId', message: expect.any(String), type: 'NOT_FOUND' }],
      },
    });
  });

  it('lets a new schema reuse the key of a deleted one', async () => {
    const key = uniqueKey('reused');
    const first = (await createSchema(t, { key })).threadFieldSchema;
    await t.graphql(DELETE, { input: { threadFieldSchemaId: first.id } });

    const second = await createSchema(t, { key, type: 'BOOL' });

    expect(second.error).toBeNull();
    expect(second.threadFieldSchema).toMatchObject({ key, type: 'BOOL' });
  });
});

describe('threadFieldSchemas', () => {
  it('lists schemas by order, whatever the order they were created in', async () => {
    const keys = { late: uniqueKey('late'), early: uniqueKey('early'), middle: uniqueKey('middle') };
    await createSchema(t, { key: keys.late, order: 300 });
    await createSchema(t, { key: keys.early, order: 100 });
    await createSchema(t, { key: keys.middle, order: 200 });

    const nodes = (await listSchemas(t, { first: 100 })).edges.map((e) => e.node);

    const orders = nodes.map((n) => n.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    const mine = nodes.map((n) => n.key).filter((k) => Object.values(keys).includes(k));
    expect(mine).toEqual([keys.early, keys.middle, keys.late]);
  });

  it('pages forward through every schema once, in the same order', async () => {
    for (const order of [5, 1, 3, 1, 2, 4]) await createSchema(t, { order });
    const all = (await listSchemas(t, { first: 100 })).edges.map((e) => e.node.id);
    expect(all.length).toBeGreaterThan(4);

    const paged: string[] = [];
    let after: string | undefined;
    for (let page = 0; ; page++) {
      const { edges, pageInfo } = await listSchemas(t, { first: 4, after });
      expect(pageInfo.hasPreviousPage).toBe(page > 0);
      paged.push(...edges.map((e) => e.node.id));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor!;
    }

    expect(paged).toEqual(all);
  });
});

describe('defaults on new threads', () => {
  it('gives a new thread the default of a field it does not set, and the value of one it sets', async () => {
    const flagKey = uniqueKey('flag');
    const tierKey = uniqueKey('tier');
    await createSchema(t, { key: flagKey, type: 'BOOL', defaultBooleanValue: true });
    await createSchema(t, {
      key: tierKey,
      type: 'ENUM',
      enumValues: ['free', 'pro'],
      defaultStringValue: 'free',
    });

    const thread = await createThreadWithFields(t, customerEmail, [
      { key: tierKey, type: ThreadFieldSchemaType.Enum, stringValue: 'pro' },
    ]);

    expect(thread.threadFields).toContainEqual(
      expect.objectContaining({ key: flagKey, type: 'BOOL', booleanValue: true, threadId: thread.id }),
    );
    expect(thread.threadFields).toContainEqual(
      expect.objectContaining({ key: tierKey, type: 'ENUM', stringValue: 'pro', threadId: thread.id }),
    );
    const read = await t.client.getThread({ threadId: thread.id });
    expect(read.data!.threadFields).toEqual(thread.threadFields);
  });

  it('does not give a thread the default of a field that depends on another', async () => {
    const parentKey = uniqueKey('channel');
    const parent = (await createSchema(t, { key: parentKey, type: 'ENUM', enumValues: ['email', 'chat'] }))
      .threadFieldSchema;
    const dependentKey = uniqueKey('chat_topic');
    const dependent = await createSchema(t, {
      key: dependentKey,
      defaultStringValue: 'general',
      dependsOnThreadField: { threadFieldSchemaId: parent.id, threadFieldSchemaValue: 'chat' },
    });
    expect(dependent.error).toBeNull();

    const thread = await createThreadWithFields(t, customerEmail, []);

    expect(thread.threadFields.map((f) => f.key)).not.toContain(dependentKey);
  });
});
