import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { systemClock } from '../clock.js';
import { bootstrapWorkspace } from './bootstrap.js';

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.drop());

describe('bootstrapWorkspace', () => {
  it('makes one workspace when several processes start at once, and none after that', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        bootstrapWorkspace(testDb.db, systemClock, { apiKey: 'same-key', adminEmail: 'a@b.c' }),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.workspace.id)).size).toBe(1);
    const again = await bootstrapWorkspace(testDb.db, systemClock, { adminEmail: 'a@b.c' });
    expect(again).toMatchObject({ created: false, workspace: { id: results[0]!.workspace.id } });
    const rows = await testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM workspaces');
    expect(rows[0]!.n).toBe(1);
  });

  it('prints a generated key only when it made one', async () => {
    const fresh = await createTestDb();
    try {
      const result = await bootstrapWorkspace(fresh.db, systemClock, { adminEmail: 'a@b.c' });
      expect(result.generatedApiKeySecret).toMatch(/^threadlineApiKey_[A-Za-z0-9_-]{43}$/);
    } finally {
      await fresh.drop();
    }
  });
});
