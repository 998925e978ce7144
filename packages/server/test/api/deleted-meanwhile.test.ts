/** A write that loses a race with the deletion of what it refers to answers not_found, not a 500. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});

afterAll(() => t.close());

// PGlite runs one statement at a time, so only PostgreSQL lets a delete sit between a read and a write.
it.runIf(process.env.DATABASE_URL)(
  'answers not_found when the customer is deleted between the check and the write',
  async () => {
    const email = 'racing@example.com';
    const created = await t.client.upsertCustomer({
      identifier: { emailAddress: email },
      onCreate: { fullName: 'Racing', email: { email, isVerified: true } },
      onUpdate: {},
    });
    const customerId = created.data!.customer.id;

    // Another session deletes the customer and holds its lock: createThread reads the customer (the
    // delete is not committed), then waits at its insert for the lock, then finds the row gone.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const deleting = t.testDb.db.transaction(async (tx) => {
      await tx.query('DELETE FROM customers WHERE id = $1', [customerId]);
      await held;
    });
    const creating = t.client.createThread({ title: 'Too late', customerIdentifier: { customerId } });
    await new Promise((r) => setTimeout(r, 300));
    release();
    await deleting;

    const result = await creating;
    expect(result.error).toMatchObject({
      type: 'mutation_error',
      errorDetails: {
        code: 'not_found',
        message: 'Something this change refers to was deleted meanwhile; nothing was changed.',
      },
    });
    const { body } = await t.graphql('query($id: ID!) { customer(customerId: $id) { id } }', {
      id: customerId,
    });
    expect(body.data.customer).toBeNull();
  },
);
