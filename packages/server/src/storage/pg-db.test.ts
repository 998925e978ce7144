import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/support/test-db.js';

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
});
