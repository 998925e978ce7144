/**
 * Label types over HTTP: create and read through the official SDK, archive through raw GraphQL
 * (the SDK's archiveLabelType document selects only error.message, so errors need the raw form).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateTime, machineUserActor, prefixedUlid } from '../support/expectations.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const ARCHIVE = `mutation($input: ArchiveLabelTypeInput!) {
  archiveLabelType(input: $input) {
    labelType { id isArchived archivedAt { iso8601 } archivedBy { __typename ... on MachineUserActor { machineUserId } } }
    error { message type code fields { field message type } }
  }
}`;

function uniqueExternalId(): string {
  return `lt-ext-${randomBytes(4).toString('hex')}`;
}

async function createLabelType(
  name: string,
  extra: { externalId?: string; parentLabelTypeId?: string } = {},
) {
  const res = await t.client.createLabelType({ name, ...extra });
  expect(res.error).toBeUndefined();
  return res.data!;
}

async function archive(labelTypeId: string) {
  const { status, body } = await t.graphql(ARCHIVE, { input: { labelTypeId } });
  expect(status).toBe(200);
  return body.data.archiveLabelType;
}

/** Every label type id, read one page of `size` at a time forward, checking each page's info. */
async function idsPagedForward(size: number, filters?: { isArchived?: boolean }): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (let page = 0; ; page++) {
    const res = await t.client.getLabelTypes({ first: size, after, filters });
    expect(res.error).toBeUndefined();
    const { labelTypes, pageInfo } = res.data!;
    expect(labelTypes.length).toBeLessThanOrEqual(size);
    expect(pageInfo.hasPreviousPage).toBe(page > 0);
    ids.push(...labelTypes.map((lt) => lt.id));
    if (!pageInfo.hasNextPage) return ids;
    expect(labelTypes).toHaveLength(size);
    after = pageInfo.endCursor!;
  }
}

/** Every label type id, read one page of `size` at a time backward from the end. */
async function idsPagedBackward(size: number): Promise<string[]> {
  const pages: string[][] = [];
  let before: string | undefined;
  for (let page = 0; ; page++) {
    const res = await t.client.getLabelTypes({ last: size, before });
    expect(res.error).toBeUndefined();
    const { labelTypes, pageInfo } = res.data!;
    expect(pageInfo.hasNextPage).toBe(page > 0);
    pages.unshift(labelTypes.map((lt) => lt.id));
    if (!pageInfo.hasPreviousPage) return pages.flat();
    expect(labelTypes).toHaveLength(size);
    before = pageInfo.startCursor!;
  }
}

describe('createLabelType and getLabelType', () => {
  it('creates a label type and reads it back by id', async () => {
    const res = await t.client.createLabelType({
      name: 'Bug report',
      icon: 'bug',
      externalId: uniqueExternalId(),
    });

    expect(res.error).toBeUndefined();
    expect(res.data).toEqual({
      __typename: 'LabelType',
      id: prefixedUlid('lt'),
      name: 'Bug report',
      icon: 'bug',
      isArchived: false,
      archivedAt: null,
      archivedBy: null,
      createdAt: dateTime(),
      createdBy: machineUserActor(),
      updatedAt: dateTime(),
      updatedBy: machineUserActor(),
    });
    const read = await t.client.getLabelType({ labelTypeId: res.data!.id });
    expect(read).toEqual({ data: res.data });
  });

  it('answers null for a label type that does not exist', async () => {
    expect(await t.client.getLabelType({ labelTypeId: 'lt_01HB924PME9C0YWKW1N4AK3BZA' })).toEqual({
      data: null,
    });
  });

  it('creates a child of an existing label type', async () => {
    const parent = await createLabelType('Billing');
    const child = await createLabelType('Refunds', { parentLabelTypeId: parent.id });

    const { body } = await t.graphql(
      'query($id: ID!) { labelType(labelTypeId: $id) { name type isExcludedFromAi parentLabelType { id name } } }',
      { id: child.id },
    );

    expect(body.data.labelType).toEqual({
      name: 'Refunds',
      type: 'DEFAULT',
      isExcludedFromAi: false,
      parentLabelType: { id: parent.id, name: 'Billing' },
    });
  });

  it('returns label_type_already_exists_with_external_id for a second label type with the same externalId', async () => {
    const externalId = uniqueExternalId();
    await createLabelType('First', { externalId });

    const res = await t.client.createLabelType({ name: 'Second', externalId });

    expect(res.error).toMatchObject({
      type: 'mutation_error',
      errorDetails: {
        type: 'VALIDATION',
        code: 'label_type_already_exists_with_external_id',
        fields: [{ field: 'externalId', message: expect.any(String), type: 'VALIDATION' }],
      },
    });
  });

  it('returns not_found on parentLabelTypeId for an unknown parent', async () => {
    const res = await t.client.createLabelType({
      name: 'Orphan',
      parentLabelTypeId: 'lt_01HB924PME9C0YWKW1N4AK3BZA',
    });

    expect(res.error).toMatchObject({
      type: 'mutation_error',
      errorDetails: {
        type: 'VALIDATION',
        code: 'not_found',
        fields: [{ field: 'parentLabelTypeId', message: expect.any(String), type: 'NOT_FOUND' }],
      },
    });
  });

  it('returns VALIDATION on name when it is blank', async () => {
    const res = await t.client.createLabelType({ name: '   ' });

    expect(res.error).toMatchObject({
      type: 'mutation_error',
      errorDetails: {
        type: 'VALIDATION',
        code: 'input_validation',
        fields: [{ field: 'name', type: 'REQUIRED' }],
      },
    });
  });
});

describe('archiveLabelType', () => {
  it('archives a label type, which then reads as archived by the calling key', async () => {
    const lt = await createLabelType('To archive');

    expect(await archive(lt.id)).toEqual({
      labelType: {
        id: lt.id,
        isArchived: true,
        archivedAt: { iso8601: expect.any(String) },
        archivedBy: machineUserActor(),
      },
      error: null,
    });
    const read = await t.client.getLabelType({ labelTypeId: lt.id });
    expect(read.data).toMatchObject({
      isArchived: true,
      archivedAt: dateTime(),
      archivedBy: machineUserActor(),
    });
  });

  it('returns label_type_already_archived the second time', async () => {
    const lt = await createLabelType('Archive twice');
    const first = await archive(lt.id);

    const second = await archive(lt.id);

    expect(second).toEqual({
      labelType: null,
      error: {
        message: expect.any(String),
        type: 'VALIDATION',
        code: 'label_type_already_archived',
        fields: [{ field: 'labelTypeId', message: expect.any(String), type: 'VALIDATION' }],
      },
    });
    // The first archiving stands.
    const read = await t.client.getLabelType({ labelTypeId: lt.id });
    expect(read.data!.archivedAt!.iso8601).toBe(first.labelType.archivedAt.iso8601);
  });

  it('returns not_found on labelTypeId for an unknown label type', async () => {
    expect(await archive('lt_01HB924PME9C0YWKW1N4AK3BZA')).toEqual({
      labelType: null,
      error: {
        message: expect.any(String),
        type: 'VALIDATION',
        code: 'not_found',
        fields: [{ field: 'labelTypeId', message: expect.any(String), type: 'NOT_FOUND' }],
      },
    });
  });
});

describe('getLabelTypes', () => {
  let created: string[];
  beforeAll(async () => {
    created = [];
    for (let i = 0; i < 7; i++) created.push((await createLabelType(`Paged ${i}`)).id);
  });

  it('lists label types in creation order', async () => {
    const res = await t.client.getLabelTypes({ first: 100 });

    expect(res.error).toBeUndefined();
    const ids = res.data!.labelTypes.map((lt) => lt.id);
    expect(ids.filter((id) => created.includes(id))).toEqual(created);
    expect(res.data!.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('pages forward with first/after through every label type once, in order', async () => {
    const all = (await t.client.getLabelTypes({ first: 100 })).data!.labelTypes.map((lt) => lt.id);
    expect(all.length).toBeGreaterThan(3);

    expect(await idsPagedForward(3)).toEqual(all);
  });

  it('pages backward with last/before through every label type once, in order', async () => {
    const all = (await t.client.getLabelTypes({ first: 100 })).data!.labelTypes.map((lt) => lt.id);

    expect(await idsPagedBackward(3)).toEqual(all);
  });

  it('gives each edge a cursor that pages from that edge', async () => {
    const { body } = await t.graphql('{ labelTypes(first: 100) { edges { cursor node { id } } } }');
    const edges: { cursor: string; node: { id: string } }[] = body.data.labelTypes.edges;
    const third = edges[2]!;

    const res = await t.client.getLabelTypes({ first: 2, after: third.cursor });

    expect(res.data!.labelTypes.map((lt) => lt.id)).toEqual(edges.slice(3, 5).map((e) => e.node.id));
  });

  it('filters by isArchived', async () => {
    const archived = await createLabelType('Filtered archived');
    const active = await createLabelType('Filtered active');
    await archive(archived.id);

    const onlyArchived = await idsPagedForward(100, { isArchived: true });
    const onlyActive = await idsPagedForward(100, { isArchived: false });
    const both = await idsPagedForward(100);

    expect(onlyArchived).toContain(archived.id);
    expect(onlyArchived).not.toContain(active.id);
    expect(onlyActive).toContain(active.id);
    expect(onlyActive).not.toContain(archived.id);
    expect([...onlyArchived, ...onlyActive].sort()).toEqual([...both].sort());
    for (const id of onlyArchived) {
      expect((await t.client.getLabelType({ labelTypeId: id })).data!.isArchived).toBe(true);
    }
  });

  it('answers HTTP 400 BAD_USER_INPUT for a cursor it did not make', async () => {
    const { status, body } = await t.graphql(
      '{ labelTypes(first: 2, after: "not-a-cursor") { edges { cursor } } }',
    );

    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});
