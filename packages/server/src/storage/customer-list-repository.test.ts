/** The plans of customer lists and deletion: each order is read from an index, not sorted. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { deleteCustomerAndData, listCustomers } from './customer-list-repository.js';
import type { Queryable } from './db.js';
import type { KeysetRequest } from './keyset.js';

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
  // Enough customers, analysed, that the planner weighs indexes as it would on a real workspace.
  await testDb.db.exec(`
    INSERT INTO workspaces VALUES ('w_1', 'W', 'W', now(), 'system:test', now(), 'system:test');
    INSERT INTO customers (workspace_id, id, full_name, email, email_is_verified, created_at, created_by,
      updated_at, updated_by)
    SELECT 'w_1', 'c_' || i, 'Customer ' || i, 'customer' || i || '@example.com', true, now(), 'system:test',
      now(), 'system:test'
    FROM generate_series(1, 3000) AS i;
    ANALYZE customers;`);
});
afterAll(() => testDb.drop());

/**
 * The plans of the statements `work` runs, with sequential scans priced out: a few thousand rows are
 * still few enough that the planner might scan them whatever the indexes.
 */
async function plansOf(work: (db: Queryable) => Promise<unknown>): Promise<string[]> {
  const plans: string[] = [];
  await testDb.db.transaction(async (tx) => {
    await tx.query('SET LOCAL enable_seqscan = off');
    await work({
      async query<Row>(sql: string, params?: readonly unknown[]) {
        const rows = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
        plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
        return [] as Row[];
      },
      exec: (sql) => tx.exec(sql),
    });
  });
  return plans;
}

const pages: [string, KeysetRequest][] = [
  ['the first page', { direction: 'forward', limit: 25, cursor: null }],
  ['a page after a cursor', { direction: 'forward', limit: 25, cursor: ['ada lovelace', 'c_1'] }],
  ['a page before a cursor', { direction: 'backward', limit: 25, cursor: ['ada lovelace', 'c_1'] }],
];

describe('listCustomers', () => {
  for (const descending of [false, true]) {
    it.each(pages)(
      `reads ${descending ? 'Z to A' : 'A to Z'}: %s from customers_full_name, unsorted`,
      async (_, page) => {
        const [plan] = await plansOf((db) => listCustomers(db, 'w_1', {}, descending, page));
        expect(plan).toMatch(/Index Scan( Backward)? using customers_full_name/);
        expect(plan).not.toMatch(/Sort/);
      },
    );
  }

  it('finds search candidates through the search vector index', async () => {
    const [plan] = await plansOf((db) =>
      listCustomers(
        db,
        'w_1',
        { anyOf: [{ field: 'email', text: 'ada@', terms: ['ada'] }] },
        false,
        pages[0]![1],
      ),
    );
    expect(plan).toMatch(/Bitmap Index Scan on customers_search/);
  });
});

describe('deleteCustomerAndData', () => {
  it('finds the customer events through an index', async () => {
    const plans = await plansOf(async (db) => {
      // The plan of the lock reads no row, so the delete statements follow as if the customer existed.
      await deleteCustomerAndData(
        {
          async query(sql, params) {
            await db.query(sql, params);
            return [{ id: 'c_1' }] as never;
          },
          exec: db.exec,
        },
        'w_1',
        'c_1',
      );
    });
    const events = plans.find((plan) => plan.includes('on events'));
    expect(events).toMatch(/Index (Only )?Scan using events_customer|Bitmap Index Scan on events_customer/);
  });
});
