/**
 * Issue 7, caps on list sizes in inputs: components, labelTypeIds and threadFields hold at most 100
 * items (the domain's zod schemas); one more is a MutationError naming the field, and writes nothing.
 */
import { uiComponent } from '@team-plain/typescript-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerWithThreads } from '../support/fixtures.js';
import { reportTestsOfThisFile } from '../support/suite-results.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

reportTestsOfThisFile('input list caps');

let t: TestServer;
let email: string;
let threadId: string;
beforeAll(async () => {
  t = await startTestServer();
  const customer = await createCustomerWithThreads(t, 'caps', 1);
  email = customer.email;
  threadId = customer.threadIds[0]!;
});
afterAll(() => t.close());

const components = (n: number) => Array.from({ length: n }, () => uiComponent.text({ text: 'x' }));
const ids = (n: number) => Array.from({ length: n }, (_, i) => `lt_${String(i).padStart(26, '0')}`);

function expectListError(result: { error?: unknown }, field: string) {
  expect(result.error).toMatchObject({
    type: 'mutation_error',
    errorDetails: {
      code: 'input_validation',
      fields: [expect.objectContaining({ field, type: 'VALIDATION', message: expect.stringMatching(/100/) })],
    },
  });
}

describe('list sizes in inputs', () => {
  it('refuses createThread with 101 components, labelTypeIds or threadFields, naming the field', async () => {
    const base = { title: 'caps', customerIdentifier: { emailAddress: email } };
    expectListError(await t.client.createThread({ ...base, components: components(101) }), 'components');
    expectListError(await t.client.createThread({ ...base, labelTypeIds: ids(101) }), 'labelTypeIds');
    const threadFields = Array.from({ length: 101 }, (_, i) => ({
      key: `k${i}`,
      type: 'STRING' as never,
      stringValue: 'v',
    }));
    expectListError(await t.client.createThread({ ...base, threadFields }), 'threadFields');
    const [row] = await t.server.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM threads WHERE title = 'caps'",
    );
    expect(row!.n).toBe(0);
  });

  it('refuses createCustomerEvent with 101 components and addLabels with 101 labelTypeIds', async () => {
    expectListError(
      await t.client.createCustomerEvent({
        title: 'caps',
        customerIdentifier: { emailAddress: email },
        components: components(101),
      }),
      'components',
    );
    expectListError(await t.client.addLabels({ threadId, labelTypeIds: ids(101) }), 'labelTypeIds');
  });

  it('accepts 100 components', async () => {
    const result = await t.client.createCustomerEvent({
      title: 'caps ok',
      customerIdentifier: { emailAddress: email },
      components: components(100),
    });
    expect(result.error).toBeUndefined();
  });
});
