import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { allowanceSize, createRateLimiter, type RateLimitVerdict } from './rate-limiter.js';

let testDb: TestDb;
let now = Date.parse('2026-01-01T10:00:30.000Z');
const clock = () => new Date(now);
const W1 = 'w_01JGM1A7Q0000000000000W001';
const W2 = 'w_01JGM1A7Q0000000000000W002';

beforeAll(async () => {
  testDb = await createTestDb();
  for (const id of [W1, W2]) {
    await testDb.db.query(
      `INSERT INTO workspaces (id, name, public_name, created_at, created_by, updated_at, updated_by)
       VALUES ($1, 'w', 'w', now(), 'test', now(), 'test')`,
      [id],
    );
  }
});
afterAll(() => testDb.drop());

async function take(limiter: ReturnType<typeof createRateLimiter>, apiKeyId: string, workspaceId = W1) {
  return (await limiter.take({ rateLimitBucket: `key:${apiKeyId}`, workspaceId })) as RateLimitVerdict;
}

describe('rate limiter', () => {
  it('allows `limit` requests of a key per minute, counting down, then refuses until the next minute', async () => {
    const limiter = createRateLimiter({ db: testDb.db, clock, perKey: 3, perWorkspace: 0 });
    const verdicts = [];
    for (let i = 0; i < 5; i++) verdicts.push(await take(limiter, 'ak_a'));
    expect(verdicts.map((v) => [v.allowed, v.remaining, v.limit])).toEqual([
      [true, 2, 3],
      [true, 1, 3],
      [true, 0, 3],
      [false, 0, 3],
      [false, 0, 3],
    ]);
    expect(verdicts[0]!.resetAt.toISOString()).toBe('2026-01-01T10:01:00.000Z');
    now += 60_000;
    expect(await take(limiter, 'ak_a')).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('counts every key of a workspace against the workspace limit, and other workspaces apart', async () => {
    const limiter = createRateLimiter({ db: testDb.db, clock, perKey: 10, perWorkspace: 4 });
    const allowed = [];
    for (const key of ['ak_1', 'ak_2', 'ak_3', 'ak_1', 'ak_2', 'ak_3'])
      allowed.push((await take(limiter, key)).allowed);
    expect(allowed).toEqual([true, true, true, true, false, false]);
    expect(await take(limiter, 'ak_4', W2)).toMatchObject({ allowed: true, limit: 4, remaining: 3 });
  });

  it('shares the limit between limiters (processes) on one database, never allowing more in sum', async () => {
    const processes = [1, 2, 3].map(() =>
      createRateLimiter({ db: testDb.db, clock, perKey: 250, perWorkspace: 0 }),
    );
    const verdicts = await Promise.all(
      Array.from({ length: 600 }, (_, i) => take(processes[i % 3]!, 'ak_shared')),
    );
    const allowed = verdicts.filter((v) => v.allowed).length;
    // Allowances of 2: each process may strand up to two unspent ones (the next is claimed early).
    expect(allowed).toBeLessThanOrEqual(250);
    expect(allowed).toBeGreaterThanOrEqual(250 - 3 * 2 * allowanceSize(250));
  });

  it('claims from the database once per allowance, not per request', async () => {
    let statements = 0;
    const counting = {
      ...testDb.db,
      query: (sql: string, params?: readonly unknown[]) => {
        statements++;
        return testDb.db.query(sql, params);
      },
    } as typeof testDb.db;
    const limiter = createRateLimiter({ db: counting, clock, perKey: 60_000, perWorkspace: 120_000 });
    for (let i = 0; i < 1000; i++) await take(limiter, 'ak_fast');
    expect(allowanceSize(60_000)).toBe(600);
    // The first claim for both buckets (600 and 1,200), then one whenever half an allowance is left:
    // the key's after 300 and 900 requests, the workspace's after 600.
    expect(statements).toBe(4);
  });

  it('answers synchronously while it holds an allowance, and null without limits', async () => {
    const limiter = createRateLimiter({ db: testDb.db, clock, perKey: 10_000, perWorkspace: 0 });
    const first = limiter.take({ rateLimitBucket: 'key:ak_sync', workspaceId: W1 });
    expect(first).toBeInstanceOf(Promise);
    await first;
    expect(limiter.take({ rateLimitBucket: 'key:ak_sync', workspaceId: W1 })).toMatchObject({
      allowed: true,
    });
    const off = createRateLimiter({ db: testDb.db, clock, perKey: 0, perWorkspace: 0 });
    expect(off.take({ rateLimitBucket: 'key:ak_sync', workspaceId: W1 })).toBeNull();
  });
});
