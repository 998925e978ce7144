import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import type { Caller } from '../caller.js';
import { systemClock } from '../clock.js';
import { bootstrapWorkspace } from './bootstrap.js';
import { createUserService } from './user-service.js';

let testDb: TestDb;
let workspaceId: string;
beforeAll(async () => {
  testDb = await createTestDb();
  workspaceId = (await bootstrapWorkspace(testDb.db, systemClock, { adminEmail: 'owner@example.com' }))
    .workspace.id;
});
afterAll(() => testDb.drop());

const caller = (actor: string): Caller => ({ workspaceId, actor, permissions: new Set() });

describe('getMyUser', () => {
  // Over HTTP every caller is an API key today; a signed-in person (the web app, later) is a user caller.
  it('is the calling user when the caller is a user', async () => {
    const [owner] = await testDb.db.query<{ id: string }>('SELECT id FROM users');
    const users = createUserService({ db: testDb.db });
    expect(await users.getMyUser(caller(owner!.id))).toMatchObject({
      id: owner!.id,
      email: 'owner@example.com',
    });
  });

  it('is null for a machine user, whose API key makes the request', async () => {
    const [machineUser] = await testDb.db.query<{ id: string }>('SELECT id FROM machine_users');
    expect(await createUserService({ db: testDb.db }).getMyUser(caller(machineUser!.id))).toBeNull();
  });
});
