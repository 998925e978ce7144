import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { insertSession } from '../../storage/session-repository.js';
import { systemClock } from '../clock.js';
import { bootstrapWorkspace } from './bootstrap.js';
import { verifyPassword } from './password.js';

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

describe('the owner password', () => {
  const ownerHash = async (db: TestDb['db']) =>
    (
      await db.query<{ password_hash: string | null }>(
        "SELECT password_hash FROM users WHERE created_by = 'system:bootstrap' ORDER BY id LIMIT 1",
      )
    )[0]!.password_hash;

  it('is generated and reported once, then kept; a configured one replaces it; none is generated for an owner without', async () => {
    const fresh = await createTestDb();
    try {
      const first = await bootstrapWorkspace(fresh.db, systemClock, { adminEmail: 'o@example.com' });
      expect(first).toMatchObject({ created: true, ownerEmail: 'o@example.com' });
      expect(first.generatedPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
      expect(await verifyPassword(first.generatedPassword!, await ownerHash(fresh.db))).toBe(true);

      const again = await bootstrapWorkspace(fresh.db, systemClock, { adminEmail: 'o@example.com' });
      expect(again).toMatchObject({ created: false, generatedPassword: null, ownerEmail: 'o@example.com' });
      expect(await verifyPassword(first.generatedPassword!, await ownerHash(fresh.db))).toBe(true);

      // Someone signed in with the generated password; the reset signs them out.
      const sessionCount = async () =>
        (await fresh.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions'))[0]!.n;
      const signedIn = async () =>
        insertSession(fresh.db, {
          id: `s${await sessionCount()}`,
          workspaceId: first.workspace.id,
          userId: (await fresh.db.query<{ id: string }>('SELECT id FROM users LIMIT 1'))[0]!.id,
          createdAt: new Date(),
          expiresAt: new Date(Date.now() + 60_000),
          lastUsedAt: new Date(),
        });
      await signedIn();
      const reset = await bootstrapWorkspace(fresh.db, systemClock, {
        adminEmail: 'o@example.com',
        adminPassword: 'operator-chose-this',
      });
      expect(reset.generatedPassword).toBeNull();
      const hash = await ownerHash(fresh.db);
      expect(await verifyPassword('operator-chose-this', hash)).toBe(true);
      expect(await sessionCount()).toBe(0);
      // The same password at the next start changes nothing, and signs nobody out.
      await signedIn();
      await bootstrapWorkspace(fresh.db, systemClock, {
        adminEmail: 'o@example.com',
        adminPassword: 'operator-chose-this',
      });
      expect(await ownerHash(fresh.db)).toBe(hash);
      expect(await sessionCount()).toBe(1);

      // A database from before sign-in: the owner has no password, so one is generated at this start.
      await fresh.db.query('UPDATE users SET password_hash = NULL');
      const upgraded = await bootstrapWorkspace(fresh.db, systemClock, { adminEmail: 'o@example.com' });
      expect(upgraded.generatedPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
      expect(await verifyPassword(upgraded.generatedPassword!, await ownerHash(fresh.db))).toBe(true);
    } finally {
      await fresh.drop();
    }
  });

  it('is the configured one from the first start, and not reported', async () => {
    const fresh = await createTestDb();
    try {
      const first = await bootstrapWorkspace(fresh.db, systemClock, {
        adminEmail: 'o@example.com',
        adminPassword: 'chosen-pw',
      });
      expect(first.generatedPassword).toBeNull();
      expect(await verifyPassword('chosen-pw', await ownerHash(fresh.db))).toBe(true);
    } finally {
      await fresh.drop();
    }
  });
});
