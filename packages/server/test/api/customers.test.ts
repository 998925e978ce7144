/**
 * Customers over HTTP through Plain's official SDK: upsertCustomer by each identifier, its errors,
 * the three lookups, and concurrent upserts of one new customer.
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

/** A fresh email, so that each test has customers of its own. */
function uniqueEmail(name = 'customer'): string {
  return `${name}.${randomBytes(4).toString('hex')}@example.com`;
}

/** Creates a customer by email and returns it. */
async function createCustomer(email: string, extra: { externalId?: string; fullName?: string } = {}) {
  const res = await t.client.upsertCustomer({
    identifier: { emailAddress: email },
    onCreate: {
      fullName: extra.fullName ?? 'Jane Doe',
      email: { email, isVerified: false },
      externalId: extra.externalId,
    },
    onUpdate: {},
  });
  expect(res.error).toBeUndefined();
  expect(res.data!.result).toBe('CREATED');
  return res.data!.customer;
}

describe('upsertCustomer', () => {
  it('creates by emailAddress, then answers NOOP for the same values and UPDATED for a new fullName', async () => {
    const email = uniqueEmail();
    const input = {
      identifier: { emailAddress: email },
      onCreate: { fullName: 'Jane Doe', shortName: 'Jane', email: { email, isVerified: true } },
      onUpdate: {},
    };

    const created = await t.client.upsertCustomer(input);
    expect(created.error).toBeUndefined();
    expect(created.data).toMatchObject({
      result: 'CREATED',
      customer: {
        __typename: 'Customer',
        id: prefixedUlid('c'),
        fullName: 'Jane Doe',
        shortName: 'Jane',
        externalId: null,
        email: { email, isVerified: true, verifiedAt: dateTime() },
        createdAt: dateTime(),
        createdBy: machineUserActor(),
      },
    });
    const id = created.data!.customer.id;

    const again = await t.client.upsertCustomer(input);
    expect(again.data).toMatchObject({ result: 'NOOP', customer: { id, fullName: 'Jane Doe' } });

    const renamed = await t.client.upsertCustomer({
      ...input,
      onUpdate: { fullName: { value: 'Jane Smith' } },
    });
    expect(renamed.data).toMatchObject({ result: 'UPDATED', customer: { id, fullName: 'Jane Smith' } });

    const read = await t.client.getCustomerById({ customerId: id });
    expect(read.data).toMatchObject({ id, fullName: 'Jane Smith', shortName: 'Jane' });
  });

  it('creates by externalId, taking the identifier as the new customer externalId', async () => {
    const email = uniqueEmail();
    const externalId = `ext-${randomBytes(4).toString('hex')}`;
    const input = {
      identifier: { externalId },
      onCreate: { fullName: 'Ext Customer', email: { email, isVerified: false } },
      onUpdate: {},
    };

    const created = await t.client.upsertCustomer(input);
    expect(created.error).toBeUndefined();
    expect(created.data).toMatchObject({
      result: 'CREATED',
      customer: {
        externalId,
        fullName: 'Ext Customer',
        email: { email, isVerified: false, verifiedAt: null },
      },
    });
    const id = created.data!.customer.id;

    expect((await t.client.upsertCustomer(input)).data).toMatchObject({ result: 'NOOP', customer: { id } });
    const renamed = await t.client.upsertCustomer({ ...input, onUpdate: { fullName: { value: 'Renamed' } } });
    expect(renamed.data).toMatchObject({
      result: 'UPDATED',
      customer: { id, externalId, fullName: 'Renamed' },
    });
  });

  it('finds an existing customer by customerId: NOOP for the same values, UPDATED for a new fullName', async () => {
    const email = uniqueEmail();
    const { id } = await createCustomer(email);
    const input = {
      identifier: { customerId: id },
      onCreate: { fullName: 'Jane Doe', email: { email, isVerified: false } },
      onUpdate: { fullName: { value: 'Jane Doe' } },
    };

    expect((await t.client.upsertCustomer(input)).data).toMatchObject({
      result: 'NOOP',
      customer: { id, fullName: 'Jane Doe' },
    });
    const renamed = await t.client.upsertCustomer({
      ...input,
      onUpdate: { fullName: { value: 'Janet Doe' } },
    });
    expect(renamed.data).toMatchObject({
      result: 'UPDATED',
      customer: { id, fullName: 'Janet Doe', email: { email } },
    });
  });

  it('updates fullName, shortName, externalId and email at once (UPDATED), then answers NOOP for the same values', async () => {
    const oldEmail = uniqueEmail('before');
    const newEmail = uniqueEmail('after');
    const oldExternalId = `ext-${randomBytes(4).toString('hex')}`;
    const newExternalId = `ext-${randomBytes(4).toString('hex')}`;
    const created = await createCustomer(oldEmail, { externalId: oldExternalId });
    const input = {
      identifier: { customerId: created.id },
      onCreate: { fullName: 'Jane Doe', email: { email: oldEmail, isVerified: false } },
      onUpdate: {
        fullName: { value: 'Janet Smith' },
        shortName: { value: 'Janet' },
        externalId: { value: newExternalId },
        email: { email: newEmail, isVerified: true },
      },
    };
    const expected = {
      id: created.id,
      fullName: 'Janet Smith',
      shortName: 'Janet',
      externalId: newExternalId,
      email: { email: newEmail, isVerified: true, verifiedAt: dateTime() },
    };

    const updated = await t.client.upsertCustomer(input);
    expect(updated.error).toBeUndefined();
    expect(updated.data).toMatchObject({ result: 'UPDATED', customer: expected });
    expect(updated.data!.customer.updatedAt.iso8601 > created.updatedAt.iso8601).toBe(true);

    const again = await t.client.upsertCustomer(input);
    expect(again.data).toMatchObject({ result: 'NOOP', customer: expected });
    expect(again.data!.customer.updatedAt).toEqual(updated.data!.customer.updatedAt);
    expect(again.data!.customer.email.verifiedAt).toEqual(updated.data!.customer.email.verifiedAt);

    // Found by the new email and externalId, no longer by the old ones.
    expect((await t.client.getCustomerByEmail({ email: newEmail })).data).toMatchObject(expected);
    expect((await t.client.getCustomerByExternalId({ externalId: newExternalId })).data).toMatchObject(
      expected,
    );
    expect((await t.client.getCustomerByEmail({ email: oldEmail })).data).toBeNull();
    expect((await t.client.getCustomerByExternalId({ externalId: oldExternalId })).data).toBeNull();

    // { value: null } clears the optional fields, once.
    const clear = { ...input, onUpdate: { shortName: { value: null }, externalId: { value: null } } };
    expect((await t.client.upsertCustomer(clear)).data).toMatchObject({
      result: 'UPDATED',
      customer: { id: created.id, fullName: 'Janet Smith', shortName: null, externalId: null },
    });
    expect((await t.client.upsertCustomer(clear)).data?.result).toBe('NOOP');
  });

  it('returns not_found on identifier.customerId for an unknown customerId and creates nothing', async () => {
    const email = uniqueEmail();
    const res = await t.client.upsertCustomer({
      identifier: { customerId: 'c_01H14DFQ4PDYBH398J1E99TWSS' },
      onCreate: { fullName: 'Nobody', email: { email, isVerified: false } },
      onUpdate: {},
    });

    expect(res.error).toMatchObject({
      type: 'mutation_error',
      errorDetails: {
        type: 'VALIDATION',
        code: 'not_found',
        fields: [{ field: 'identifier.customerId', message: expect.any(String), type: 'NOT_FOUND' }],
      },
    });
    expect((await t.client.getCustomerByEmail({ email })).data).toBeNull();
  });

  it('returns VALIDATION on identifier when two identifier fields are set', async () => {
    const email = uniqueEmail();
    const res = await t.client.upsertCustomer({
      identifier: { emailAddress: email, externalId: 'ext-two-fields' },
      onCreate: { fullName: 'Two Fields', email: { email, isVerified: false } },
      onUpdate: {},
    });

    expect(res.error).toMatchObject({
      type: 'mutation_error',
      errorDetails: {
        type: 'VALIDATION',
        code: 'input_validation',
        fields: [{ field: 'identifier', message: expect.any(String), type: 'VALIDATION' }],
      },
    });
    expect((await t.client.getCustomerByEmail({ email })).data).toBeNull();
  });

  it('returns VALIDATION on onCreate.email.email for an invalid email', async () => {
    const externalId = `ext-${randomBytes(4).toString('hex')}`;
    const res = await t.client.upsertCustomer({
      identifier: { externalId },
      onCreate: { fullName: 'Bad Email', email: { email: 'not-an-email', isVerified: false } },
      onUpdate: {},
    });

    expect(res.error).toMatchObject({
      type: 'mutation_error',
      errorDetails: {
        type: 'VALIDATION',
        code: 'input_validation',
        fields: [{ field: 'onCreate.email.email', message: expect.any(String), type: 'VALIDATION' }],
      },
    });
    expect((await t.client.getCustomerByExternalId({ externalId })).data).toBeNull();
  });

  it('returns customer_already_exists_with_email when an update takes another customer email', async () => {
    const taken = uniqueEmail('taken');
    const mine = uniqueEmail('mine');
    await createCustomer(taken);
    const me = await createCustomer(mine);

    const res = await t.client.upsertCustomer({
      identifier: { customerId: me.id },
      onCreate: { fullName: 'Jane Doe', email: { email: mine, isVerified: false } },
      onUpdate: { email: { email: taken, isVerified: false } },
    });

    expect(res.error).toMatchObject({
      type: 'mutation_error',
      errorDetails: {
        type: 'VALIDATION',
        code: 'customer_already_exists_with_email',
        fields: [{ field: 'onUpdate.email.email', message: expect.any(String), type: 'VALIDATION' }],
      },
    });
    const read = await t.client.getCustomerById({ customerId: me.id });
    expect(read.data!.email.email).toBe(mine);
  });

  it('creates exactly one customer when 20 upserts of one new email run at once', async () => {
    const email = uniqueEmail('race');
    const input = {
      identifier: { emailAddress: email },
      onCreate: { fullName: 'Racer', email: { email, isVerified: false } },
      onUpdate: {},
    };

    const results = await Promise.all(Array.from({ length: 20 }, () => t.client.upsertCustomer(input)));

    expect(results.map((r) => r.error)).toEqual(Array(20).fill(undefined));
    const outcomes = results.map((r) => r.data!.result);
    expect(outcomes.filter((r) => r === 'CREATED')).toHaveLength(1);
    expect(outcomes.filter((r) => r === 'NOOP')).toHaveLength(19);
    expect(new Set(results.map((r) => r.data!.customer.id)).size).toBe(1);
    const [row] = await t.server.db.query(
      'SELECT count(*)::int AS n FROM customers WHERE lower(email) = $1',
      [email.toLowerCase()],
    );
    expect(row!.n).toBe(1);
  });
});

describe('customer lookups', () => {
  it('finds a customer by id, by email in any case, and by externalId', async () => {
    const email = uniqueEmail('lookup');
    const externalId = `ext-${randomBytes(4).toString('hex')}`;
    const created = await createCustomer(email, { externalId, fullName: 'Look Up' });
    const expected = { id: created.id, fullName: 'Look Up', externalId, email: { email } };

    expect((await t.client.getCustomerById({ customerId: created.id })).data).toMatchObject(expected);
    expect((await t.client.getCustomerByEmail({ email: email.toUpperCase() })).data).toMatchObject(expected);
    expect((await t.client.getCustomerByExternalId({ externalId })).data).toMatchObject(expected);
  });

  it('answers null, not an error, for a customer that does not exist', async () => {
    const byId = await t.client.getCustomerById({ customerId: 'c_01H14DFQ4PDYBH398J1E99TWSS' });
    expect(byId).toEqual({ data: null });
    expect(await t.client.getCustomerByEmail({ email: uniqueEmail('nobody') })).toEqual({ data: null });
    expect(await t.client.getCustomerByExternalId({ externalId: 'ext-nobody' })).toEqual({ data: null });
  });
});
