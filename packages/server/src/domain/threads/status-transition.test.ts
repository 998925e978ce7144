import { describe, expect, it } from 'vitest';
import type { ThreadRecord } from '../../storage/thread-repository.js';
import { combineChanges, transitionStatus } from './status-transition.js';

const created = new Date('2026-01-01T00:00:00.000Z');
const now = new Date('2026-01-02T00:00:00.000Z');

function thread(overrides: Partial<ThreadRecord> = {}): ThreadRecord {
  return {
    workspaceId: 'w_1',
    id: 'th_1',
    ref: 1,
    customerId: 'c_1',
    externalId: null,
    title: 'T',
    description: null,
    previewText: null,
    priority: 2,
    status: 'TODO',
    statusDetail: 'CREATED',
    statusChangedAt: created,
    statusChangedBy: 'mu_1',
    snoozedUntil: null,
    assignedTo: null,
    assignedAt: null,
    channel: 'API',
    labels: [],
    threadFields: [],
    createdAt: created,
    createdBy: 'mu_1',
    updatedAt: created,
    updatedBy: 'mu_1',
    ...overrides,
  };
}

describe('transitionStatus', () => {
  it('sets the status and records the previous and next detail with their times', () => {
    const until = new Date('2026-01-03T00:00:00.000Z');
    const change = transitionStatus(
      thread(),
      { status: 'SNOOZED', statusDetail: 'WAITING_FOR_DURATION', snoozedUntil: until },
      now,
      'mu_2',
    );
    expect(change?.set).toEqual({
      status: 'SNOOZED',
      statusDetail: 'WAITING_FOR_DURATION',
      statusChangedAt: now,
      statusChangedBy: 'mu_2',
      snoozedUntil: until,
    });
    expect(change?.entries).toEqual([
      {
        kind: 'status_transitioned',
        actor: 'mu_2',
        payload: {
          previousStatus: 'TODO',
          previousStatusDetail: {
            type: 'CREATED',
            statusChangedAt: created.toISOString(),
            waitingUntil: null,
            createdAt: created.toISOString(),
          },
          nextStatus: 'SNOOZED',
          nextStatusDetail: {
            type: 'WAITING_FOR_DURATION',
            statusChangedAt: now.toISOString(),
            waitingUntil: until.toISOString(),
            createdAt: created.toISOString(),
          },
        },
      },
    ]);
  });

  it('returns null when status, detail and wake-up time are unchanged', () => {
    const until = new Date('2026-01-03T00:00:00.000Z');
    const snoozed = thread({ status: 'SNOOZED', statusDetail: 'WAITING_FOR_DURATION', snoozedUntil: until });
    const same = {
      status: 'SNOOZED' as const,
      statusDetail: 'WAITING_FOR_DURATION',
      snoozedUntil: new Date(until),
    };
    expect(transitionStatus(snoozed, same, now, 'mu_1')).toBeNull();
  });

  it('counts a new wake-up time as a change (snoozing again for longer)', () => {
    const snoozed = thread({ status: 'SNOOZED', statusDetail: 'WAITING_FOR_DURATION', snoozedUntil: now });
    const later = {
      status: 'SNOOZED' as const,
      statusDetail: 'WAITING_FOR_DURATION',
      snoozedUntil: new Date(9e12),
    };
    expect(transitionStatus(snoozed, later, now, 'mu_1')).not.toBeNull();
  });
});

describe('combineChanges', () => {
  it('keeps the entries in order and merges the columns, skipping nulls', () => {
    const combined = combineChanges({ entries: [{ kind: 'chat', payload: 1 }] }, null, {
      set: { priority: 1 },
      entries: [{ kind: 'priority_changed', payload: 2 }],
    });
    expect(combined.set).toEqual({ priority: 1 });
    expect(combined.entries?.map((e) => e.kind)).toEqual(['chat', 'priority_changed']);
  });
});
