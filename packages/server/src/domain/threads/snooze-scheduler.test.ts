import { describe, expect, it } from 'vitest';
import { startSnoozeScheduler } from './snooze-scheduler.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('startSnoozeScheduler', () => {
  it('runs a pass at once and then every interval', async () => {
    const calls: number[] = [];
    const scheduler = startSnoozeScheduler({
      wake: async () => {
        calls.push(Date.now());
        return 0;
      },
      intervalMs: 20,
      onError: () => {},
    });
    await sleep(110);
    await scheduler.stop();
    expect(calls.length).toBeGreaterThanOrEqual(3);
    const after = calls.length;
    await sleep(60);
    expect(calls.length).toBe(after);
  });

  it('drains a backlog in one pass while full batches come back', async () => {
    const backlog = [3, 3, 1];
    const limits: number[] = [];
    const scheduler = startSnoozeScheduler({
      wake: async (limit) => {
        limits.push(limit);
        return backlog.shift() ?? 0;
      },
      intervalMs: 10_000,
      batchSize: 3,
      onError: () => {},
    });
    await sleep(30);
    await scheduler.stop();
    expect(limits).toEqual([3, 3, 3]);
  });

  it('reports a failed pass and keeps running', async () => {
    const errors: unknown[] = [];
    let n = 0;
    const scheduler = startSnoozeScheduler({
      wake: async () => {
        n++;
        if (n === 1) throw new Error('database away');
        return 0;
      },
      intervalMs: 10,
      onError: (e) => errors.push(e),
    });
    await sleep(60);
    await scheduler.stop();
    expect(errors).toHaveLength(1);
    expect(n).toBeGreaterThan(1);
  });
});
