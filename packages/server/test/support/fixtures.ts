import type { TestServer } from './test-server.js';

/** A new customer (email `<name>@example.com`) with `threads` threads, made through the official SDK. */
export async function createCustomerWithThreads(t: TestServer, name: string, threads: number) {
  const email = `${name}@example.com`;
  const customer = await t.client.upsertCustomer({
    identifier: { emailAddress: email },
    onCreate: { fullName: 'Test Customer', email: { email, isVerified: true } },
    onUpdate: {},
  });
  const threadIds: string[] = [];
  for (let i = 0; i < threads; i++) {
    const thread = await t.client.createThread({
      title: `Thread ${i}`,
      customerIdentifier: { emailAddress: email },
    });
    threadIds.push(thread.data!.id);
  }
  return { email, customerId: customer.data!.customer.id, threadIds };
}
