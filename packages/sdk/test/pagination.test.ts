/** The iterate helpers against a live server: every item once, page by page, with the caller's filters. */
import { describe, expect, it } from 'vitest';
import { createRestrictedKey } from '../../server/test/support/api-keys.js';
import { createCustomerWithThreads } from '../../server/test/support/fixtures.js';
import { serverWithDocsFixtures } from '../../server/test/support/seed-servers.js';
import { ThreadlineClient, ThreadlineRequestError } from '../src/index.js';

describe('iterate helpers', () => {
  const server = serverWithDocsFixtures();
  const client = () => new ThreadlineClient({ apiKey: server().apiKey, apiUrl: server().apiUrl });

  it('yields every thread matching the filters across pages', async () => {
    const { customerId, threadIds } = await createCustomerWithThreads(server(), 'paging', 7);
    await createCustomerWithThreads(server(), 'someone-else', 2);
    const seen: string[] = [];
    for await (const thread of client().threads.iterate({
      filters: { customerIds: [customerId] },
      pageSize: 3,
    })) {
      seen.push(thread.id);
    }
    expect(seen).toHaveLength(7);
    expect([...seen].sort()).toEqual([...threadIds].sort());
  });

  it('yields customers and label types', async () => {
    const customers: string[] = [];
    for await (const customer of client().customers.iterate({ pageSize: 1 }))
      customers.push(customer.email.email);
    expect(customers).toContain('jane@acme.com');
    const labelTypes: string[] = [];
    for await (const labelType of client().labelTypes.iterate()) labelTypes.push(labelType.name);
    expect(labelTypes).toContain('Bug report');
  });

  it('throws a ThreadlineRequestError with the usual error when a page fails', async () => {
    const key = await createRestrictedKey(server(), ['customer:read']);
    const restricted = new ThreadlineClient({ apiKey: key, apiUrl: server().apiUrl });
    const loop = async () => {
      for await (const _thread of restricted.threads.iterate()) {
        // never reached: the first page fails
      }
    };
    await expect(loop()).rejects.toThrow(ThreadlineRequestError);
    await expect(loop()).rejects.toMatchObject({ error: { type: 'forbidden' } });
  });
});
