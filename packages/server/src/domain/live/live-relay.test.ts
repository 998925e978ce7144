import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../storage/db.js';
import type { LiveChange } from './live-feed.js';
import { createLiveSender, decodeLiveChanges, encodeLiveChanges } from './live-relay.js';

const change = (i: number): LiveChange => ({
  kind: 'thread',
  workspaceId: 'w_01ARZ3NDEKTSV4RRFFQ69G5FAV',
  threadId: `th_01ARZ3NDEKTSV4RRFFQ69G${String(i).padStart(4, '0')}`,
  type: 'timeline.timeline_entry_changed',
});

describe('live changes on the wire', () => {
  it('round-trips, in payloads under PostgreSQL NOTIFY limit', () => {
    const changes = Array.from({ length: 500 }, (_, i) => change(i));
    const payloads = encodeLiveChanges(changes);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8000);
    expect(payloads.flatMap(decodeLiveChanges)).toEqual(changes);
    expect(encodeLiveChanges([])).toEqual([]);
  });

  it('drops what is not a live change', () => {
    expect(decodeLiveChanges('not json')).toEqual([]);
    expect(decodeLiveChanges('{"kind":"thread"}')).toEqual([]);
    expect(decodeLiveChanges(`[{"kind":"thread","workspaceId":"w"},${JSON.stringify(change(1))}]`)).toEqual([
      change(1),
    ]);
  });
});

describe('createLiveSender', () => {
  it('sends changes queued during a statement together in the next one, and reports failures', async () => {
    const sent: LiveChange[][] = [];
    let release: () => void = () => {};
    let fail = false;
    // A connection whose statements finish when the test says: what queues meanwhile is visible.
    const q = {
      query: (_sql: string, params: unknown[]) => {
        sent.push((params[1] as string[]).flatMap(decodeLiveChanges));
        return new Promise((resolve, reject) => {
          release = () => (fail ? reject(new Error('connection lost')) : resolve({ rows: [] }));
        });
      },
    } as unknown as Queryable;
    const errors: unknown[] = [];
    const send = createLiveSender(q, (error) => errors.push(error));

    send([change(1)]);
    send([change(2)]);
    send([change(3), change(4)]);
    expect(sent).toEqual([[change(1)]]);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual([[change(1)], [change(2), change(3), change(4)]]);
    fail = true;
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toHaveLength(1);
    // A failure does not stop later changes.
    fail = false;
    send([change(5)]);
    expect(sent.at(-1)).toEqual([change(5)]);
  });
});
