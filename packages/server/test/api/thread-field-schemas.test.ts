import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { machineUserActor, prefixedUlid } from '../support/expectations.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSchema, GET, UPDATE, uniqueKey, validationError } from '../support/thread-field-schema-api.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('createThreadFieldSchema', () => {
  const cases = [
    { type: 'STRING', enumValues: [], defaults: { defaultStringValue: 'unknown' } },
    { type: 'BOOL', enumValues: [], defaults: { defaultBooleanValue: false } },
    { type: 'ENUM', enumValues: ['web', 'mobile'], defaults: { defaultStringValue: 'web' } },
    { type: 'NUMBER', enumValues: [], defaults: { defaultNumberValue: 3.5 } },
    { type: 'CURRENCY', enumValues: [], defaults: { defaultNumberValue: 120 } },
    { type: 'DATE', enumValues: [], defaults: { defaultDateValue: '2024-10-28T18:30:00Z' } },
  ];

  it.each(cases)('creates a $type schema with its default and reads it back by id', async (c) => {
    const key = uniqueKey(c.type.toLowerCase());

    const created = await createSchema(t, {
      key,
      label: `${c.type} field`,
      type: c.type,
      enumValues: c.enumValues,
      isRequired: true,
      ...c.defaults,
    });

    expect(created.error).toBeNull();
    const expected = {
      id: prefixedUlid('tfs'),
      label: `${c.type} field`,
      key,
      description: 'Which part of the product',
      order: 1,
      type: c.type,
      enumValues: c.enumValues,
      defaultStringValue: null,
      defaultBooleanValue: null,
      defaultNumberValue: null,
      defaultDateValue: null,
      isRequired: true,
      isAiAutoFillEnabled: false,
      isClientReadonly: false,
      dependsOnThreadField: null,
      dependsOnLabels: [],
      createdBy: machineUserActor(),
      ...c.defaults,
      ...('defaultDateValue' in c.defaults
        ? { defaultDateValue: { iso8601: '2024-10-28T18:30:00.000Z' } }
        : {}),
    };
    expect(created.threadFieldSchema).toEqual(expected);
    const { body } = await t.graphql(GET, { id: created.threadFieldSchema.id });
    expect(body.data.threadFieldSchema).toEqual(created.threadFieldSchema);
  });

  it('answers null for a schema that does not exist', async () => {
    const { status, body } = await t.graphql(GET, { id: 'tfs_01HB924PME9C0YWKW1N4AK3BZA' });

    expect(status).toBe(200);
    expect(body.data.threadFieldSchema).toBeNull();
  });

  it('returns thread_field_schema_already_exists_with_key for a key in use', async () => {
    const key = uniqueKey('dup');
    expect((await createSchema(t, { key })).error).toBeNull();

    const second = await createSchema(t, { key, label: 'Another' });

    expect(second).toEqual({
      threadFieldSchema: null,
      error: {
        message: expect.any(String),
        type: 'VALIDATION',
        code: 'thread_field_schema_already_exists_with_key',
        fields: [{ field: 'key', message: expect.any(String), type: 'VALIDATION' }],
      },
    });
  });

  it('returns VALIDATION on enumValues for an ENUM schema without values', async () => {
    const res = await createSchema(t, { type: 'ENUM', enumValues: [] });

    expect(res).toEqual({ threadFieldSchema: null, error: validationError([{ field: 'enumValues' }]) });
  });

  it('returns VALIDATION on enumValues for a STRING schema with enum values', async () => {
    const res = await createSchema(t, { type: 'STRING', enumValues: ['a'] });

    expect(res).toEqual({ threadFieldSchema: null, error: validationError([{ field: 'enumValues' }]) });
  });

  it('returns VALIDATION on defaultBooleanValue, and only there, for a boolean default on a STRING schema', async () => {
    const res = await createSchema(t, { type: 'STRING', defaultBooleanValue: true });

    expect(res).toEqual({
      threadFieldSchema: null,
      error: validationError([{ field: 'defaultBooleanValue' }]),
    });
  });

  it('returns VALIDATION on defaultStringValue for an ENUM default that is not one of enumValues', async () => {
    const res = await createSchema(t, {
      type: 'ENUM',
      enumValues: ['web', 'mobile'],
      defaultStringValue: 'desktop',
    });

    expect(res).toEqual({
      threadFieldSchema: null,
      error: validationError([{ field: 'defaultStringValue' }]),
    });
  });

  it('returns VALIDATION on defaultDateValue for a date default that is not ISO 8601', async () => {
    const res = await createSchema(t, { type: 'DATE', defaultDateValue: 'next tuesday' });

    expect(res).toEqual({ threadFieldSchema: null, error: validationError([{ field: 'defaultDateValue' }]) });
  });

  it('returns VALIDATION on key for a key with spaces', async () => {
    const res = await createSchema(t, { key: 'product area' });

    expect(res).toEqual({ threadFieldSchema: null, error: validationError([{ field: 'key' }]) });
  });
});

describe('updateThreadFieldSchema', () => {
  it('changes label, enumValues and isRequired and keeps key and type', async () => {
    const created = (await createSchema(t, { type: 'ENUM', enumValues: ['low', 'high'], isRequired: false }))
      .threadFieldSchema;

    const { body } = await t.graphql(UPDATE, {
      input: {
        threadFieldSchemaId: created.id,
        label: { value: 'Severity' },
        enumValues: ['low', 'medium', 'high'],
        isRequired: true,
      },
    });

    expect(body.data.updateThreadFieldSchema).toEqual({
      threadFieldSchema: {
        ...created,
        label: 'Severity',
        enumValues: ['low', 'medium', 'high'],
        isRequired: true,
      },
      error: null,
    });
    const read = await t.graphql(GET, { id: created.id });
    expect(read.body.data.threadFieldSchema).toEqual(body.data.updateThreadFieldSchema.threadFieldSchema);
  });

  it('refuses to set the key, which is not part of the update input', async () => {
    const created = (await createSchema(t)).threadFieldSchema;

    const { status, body } = await t.graphql(UPDATE, {
      input: { threadFieldSchemaId: created.id, key: 'renamed' },
    });

    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect((await t.graphql(GET, { id: created.id })).body.data.threadFieldSchema.key).toBe(created.key);
  });

  it('returns VALIDATION on defaultStringValue when new enumValues drop the default', async () => {
    const created = (await createSchema(t, { type: 'ENUM', enumValues: ['a', 'b'], defaultStringValue: 'a' }))
      .threadFieldSchema;

    const { body } = await t.graphql(UPDATE, {
      input: { threadFieldSchemaId: created.id, enumValues: ['b'] },
    });

    expect(body.data.updateThreadFieldSchema).toEqual({
      threadFieldSchema: null,
      error: validationError([{ field: 'defaultStringValue' }]),
    });
    expect((await t.graphql(GET, { id: created.id })).body.data.threadFieldSchema.enumValues).toEqual([
      'a',
      'b',
    ]);
  });

  it('returns not_found on threadFieldSchemaId for an unknown schema', async () => {
    const { body } = await t.graphql(UPDATE, {
      input: { threadFieldSchemaId: 'tfs_01HB924PME9C0YWKW1N4AK3BZA', label: { value: 'x' } },
    });

    expect(body.data.updateThreadFieldSchema.error).toEqual({
      message: expect.any(String),
      type: 'VALIDATION',
      code: 'not_found',
      fields: [{ field: 'threadFieldSchemaId', message: expect.any(String), type: 'NOT_FOUND' }],
    });
  });
});
