import { describe, expect, it, vi } from 'vitest';
import { terminateListeners } from '../../test/support/listeners.js';
import { createTestDb } from '../../test/support/test-db.js';
import { CUSTOM_PLAN } from './db.js';

// Prepared statements are a PostgreSQL matter; PGlite runs statements unnamed.
describe.runIf(process.env.DATABASE_URL)('the pg adapter', () => {
  it('keeps working when a migration elsewhere changes the columns of a statement it prepared', async () => {
    const testDb = await createTestDb();
    try {
      const { db } = testDb;
      await db.exec('CREATE TABLE gadgets (id int)');
      await db.query('INSERT INTO gadgets VALUES (1)');
      const read = () => db.query<Record<string, unknown>>('SELECT * FROM gadgets');
      // Prepare the statement on every pooled connection that may serve it.
      await Promise.all(Array.from({ length: 10 }, read));
      await db.exec('ALTER TABLE gadgets ADD COLUMN name text');
      for (let i = 0; i < 20; i++) expect(await read()).toEqual([{ id: 1, name: null }]);
    } finally {
      await testDb.drop();
    }
  });

  it('prepares ordinary statements but sends CUSTOM_PLAN ones unnamed, to be planned for their values', async () => {
    const testDb = await createTestDb();
    try {
      const { db } = testDb;
      // One transaction: one connection, whose prepared statements the last query lists.
      const prepared = await db.transaction(async (tx) => {
        await tx.query('SELECT 1 AS prepared_one WHERE $1::int = 1', [1]);
        await tx.query(`${CUSTOM_PLAN}SELECT 1 AS unnamed_one WHERE $1::int = 1`, [1]);
        return tx.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements');
      });
      const statements = prepared.map((p) => p.statement);
      expect(statements.some((s) => s.includes('prepared_one'))).toBe(true);
      expect(statements.some((s) => s.includes('unnamed_one'))).toBe(false);
    } finally {
      await testDb.drop();
    }
  });

  it('plans for SSD storage (random_page_cost 1.1) in its own sessions', async () => {
    const testDb = await createTestDb();
    try {
      const [row] = await testDb.db.query<{ random_page_cost: string }>('SHOW random_page_cost');
      expect(row?.random_page_cost).toBe('1.1');
    } finally {
      await testDb.drop();
    }
  });

  it('listens again after its connection is lost, and says so once it does', async () => {
    const testDb = await createTestDb();
    try {
      const { db } = testDb;
      const heard: string[] = [];
      let resumed = 0;
      const stop = await db.listen!(
        'pg_db_test',
        (payload) => heard.push(payload),
        () => resumed++,
      );
      await db.query("SELECT pg_notify('pg_db_test', 'before')");
      await vi.waitFor(() => expect(heard).toEqual(['before']));
      expect(resumed).toBe(0);

      expect(await terminateListeners(db)).toBe(1);
      await vi.waitFor(() => expect(resumed).toBe(1), { timeout: 5000 });
      await db.query("SELECT pg_notify('pg_db_test', 'after')");
      await vi.waitFor(() => expect(heard).toEqual(['before', 'after']));
      await stop();
    } finally {
      await testDb.drop();
    }
  });
});
