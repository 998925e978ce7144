/** The delivery log's pruning: old attempts and finished events go, pending events stay. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { claimDueDeliveries, pruneDeliveryLog } from './webhook-delivery-repository.js';
import { insertWebhookEvents } from './webhook-outbox-repository.js';

let testDb: TestDb;
const old = new Date('2026-01-01T00:00:00Z');
const recent = new Date('2026-06-01T00:00:00Z');

beforeAll(async () => {
  testDb = await createTestDb();
  await testDb.db.exec(`
    INSERT INTO workspaces VALUES ('w_1', 'W', 'W', now(), 'system:test', now(), 'system:test', 'secret');
    INSERT INTO webhook_targets (workspace_id, id, url, description, is_enabled, event_types, version,
      created_at, created_by, updated_at, updated_by)
    VALUES ('w_1', 'whTarget_1', 'http://127.0.0.1:9/', '', true, '{customer.customer_created}', '2026-02-27',
      now(), 'system:test', now(), 'system:test');`);
  const event = (id: string, timestamp: Date) => ({
    id,
    type: 'customer.customer_created',
    timestamp,
    payload: {},
  });
  for (const [id, at] of [
    ['pEv_old_delivered', old],
    ['pEv_old_pending', old],
    ['pEv_recent_delivered', recent],
  ] as const) {
    await insertWebhookEvents(testDb.db, 'w_1', [event(id, at)], at);
  }
  await testDb.db.exec(`
    UPDATE webhook_deliveries SET state = 'delivered' WHERE event_id LIKE '%delivered';
    INSERT INTO webhook_delivery_attempts (workspace_id, id, target_id, event_id, event_type, attempt_number,
      attempted_at, duration_ms, result)
    VALUES ('w_1', 'whAttempt_old', 'whTarget_1', 'pEv_old_delivered', 'customer.customer_created', 1,
      '2026-01-01T00:00:01Z', 3, 'SUCCESSFUL_RESPONSE'),
      ('w_1', 'whAttempt_recent', 'whTarget_1', 'pEv_recent_delivered', 'customer.customer_created', 1,
      '2026-06-01T00:00:01Z', 3, 'SUCCESSFUL_RESPONSE');`);
});
afterAll(() => testDb.drop());

describe('pruneDeliveryLog', () => {
  it('deletes old attempts and old finished events, keeps pending events however old', async () => {
    expect(await pruneDeliveryLog(testDb.db, new Date('2026-03-01T00:00:00Z'))).toBe(1);
    const events = await testDb.db.query<{ id: string }>('SELECT id FROM webhook_events ORDER BY id');
    expect(events.map((e) => e.id)).toEqual(['pEv_old_pending', 'pEv_recent_delivered']);
    const attempts = await testDb.db.query<{ id: string }>('SELECT id FROM webhook_delivery_attempts');
    expect(attempts.map((a) => a.id)).toEqual(['whAttempt_recent']);
    // The old pending delivery is still sent.
    const claimed = await claimDueDeliveries(testDb.db, new Date(), new Date(Date.now() + 60_000), 10);
    expect(claimed.map((d) => d.eventId)).toEqual(['pEv_old_pending']);
  });
});
