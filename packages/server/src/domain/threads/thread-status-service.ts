import { z } from 'zod';
import type { Db } from '../../storage/db.js';
import { lockDueSnoozedThreads } from '../../storage/thread-change-repository.js';
import {
  findAllThreadFieldSchemas,
  type ThreadFieldSchemaRecord,
} from '../../storage/thread-field-schema-repository.js';
import type { ThreadFieldRecord, ThreadRecord } from '../../storage/thread-repository.js';
import { type ActorRef, systemActor } from '../actor.js';
import type { Caller } from '../caller.js';
import type { Clock } from '../clock.js';
import { DomainError } from '../errors.js';
import { parseInput } from '../validation.js';
import type { WebhookOutbox } from '../webhooks/outbox.js';
import { transitionStatus } from './status-transition.js';
import { createThreadChanger } from './thread-change.js';

/** The actor of a snooze that ends by itself. */
export const SNOOZE_TIMER_ACTOR: ActorRef = systemActor('snooze_timer');

/** The longest snooze: ten years, which keeps due times well inside what a timestamp holds. */
export const MAX_SNOOZE_SECONDS = 10 * 365 * 24 * 60 * 60;

const threadId = z.string().min(1).max(100);

const markThreadAsDoneInput = z.object({
  threadId,
  statusDetail: z.enum(['IGNORED', 'DONE_MANUALLY_SET', 'DONE_AUTOMATICALLY_SET', 'TIMER_EXPIRED']).nullish(),
});

const markThreadAsTodoInput = z.object({
  threadId,
  statusDetail: z
    .enum(['CREATED', 'IN_PROGRESS', 'NEW_REPLY', 'THREAD_LINK_UPDATED', 'THREAD_DISCUSSION_RESOLVED'])
    .nullish(),
});

const snoozeThreadInput = z
  .object({
    threadId,
    durationSeconds: z.number().int().min(1).max(MAX_SNOOZE_SECONDS).nullish(),
    statusDetail: z.enum(['WAITING_FOR_CUSTOMER', 'WAITING_FOR_DURATION']).nullish(),
  })
  .refine((input) => input.statusDetail !== 'WAITING_FOR_DURATION' || input.durationSeconds != null, {
    path: ['durationSeconds'],
    error: 'Required',
    params: { fieldErrorType: 'REQUIRED' },
  });

/** The value of a field as dependsOnThreadField compares it ("true", "HIGH", "42"). */
function comparableValue(field: ThreadFieldRecord): string | null {
  return (
    field.stringValue ??
    (field.booleanValue !== null ? String(field.booleanValue) : null) ??
    (field.numberValue !== null ? String(field.numberValue) : null) ??
    field.dateValue?.toISOString() ??
    null
  );
}

/**
 * The keys of required fields the thread lacks. A schema that depends on labels or on another
 * field's value is required only when its condition holds: that is when it applies to the thread.
 */
export function missingRequiredFields(
  thread: ThreadRecord,
  schemas: readonly ThreadFieldSchemaRecord[],
): string[] {
  const schemaById = new Map(schemas.map((s) => [s.id, s]));
  const fieldByKey = new Map(thread.threadFields.map((f) => [f.key, f]));
  const labelTypeIds = new Set(thread.labels.map((l) => l.labelType.id));
  const applies = (schema: ThreadFieldSchemaRecord) => {
    if (
      schema.dependsOnLabelTypeIds.length > 0 &&
      !schema.dependsOnLabelTypeIds.some((id) => labelTypeIds.has(id))
    ) {
      return false;
    }
    const condition = schema.dependsOnThreadField;
    if (!condition) return true;
    const dependsOn = schemaById.get(condition.threadFieldSchemaId);
    const value = dependsOn && fieldByKey.get(dependsOn.key);
    return value !== undefined && comparableValue(value) === condition.threadFieldSchemaValue;
  };
  return schemas.filter((s) => s.isRequired && !fieldByKey.has(s.key) && applies(s)).map((s) => s.key);
}

/** Thread status: done, todo, snoozed, and snoozes that end by themselves. */
export function createThreadStatusService(deps: { db: Db; clock: Clock; outbox: WebhookOutbox }) {
  const { db } = deps;
  const changeThread = createThreadChanger(deps);
  const as = (caller: Caller) => ({ workspaceId: caller.workspaceId, actor: caller.actor });

  return {
    /**
     * Marks a thread DONE (DONE_MANUALLY_SET unless given; the deprecated TIMER_EXPIRED is
     * DONE_AUTOMATICALLY_SET). Refused while a required thread field that applies is not set.
     */
    async markThreadAsDone(caller: Caller, rawInput: unknown): Promise<ThreadRecord> {
      const input = parseInput(markThreadAsDoneInput, rawInput);
      const detail =
        input.statusDetail === 'TIMER_EXPIRED'
          ? 'DONE_AUTOMATICALLY_SET'
          : (input.statusDetail ?? 'DONE_MANUALLY_SET');
      return changeThread(as(caller), input.threadId, async (thread, now, tx) => {
        const missing = missingRequiredFields(
          thread,
          await findAllThreadFieldSchemas(tx, caller.workspaceId),
        );
        if (missing.length > 0) {
          const keys = missing.join(', ');
          throw new DomainError(
            'required_thread_fields_missing',
            `A thread cannot be marked as done before its required fields are set: ${keys}.`,
            [
              {
                field: 'threadId',
                message: `Required thread fields are not set: ${keys}.`,
                type: 'VALIDATION',
              },
            ],
          );
        }
        return transitionStatus(
          thread,
          { status: 'DONE', statusDetail: detail, snoozedUntil: null },
          now,
          caller.actor,
        );
      });
    },

    /** Marks a thread TODO (IN_PROGRESS unless given); a snooze it had is over. */
    async markThreadAsTodo(caller: Caller, rawInput: unknown): Promise<ThreadRecord> {
      const input = parseInput(markThreadAsTodoInput, rawInput);
      const target = {
        status: 'TODO' as const,
        statusDetail: input.statusDetail ?? 'IN_PROGRESS',
        snoozedUntil: null,
      };
      return changeThread(as(caller), input.threadId, (thread, now) =>
        transitionStatus(thread, target, now, caller.actor),
      );
    },

    /**
     * Snoozes a thread: until `durationSeconds` pass (WAITING_FOR_DURATION, the default when a
     * duration is given) or until the customer replies (WAITING_FOR_CUSTOMER, the default without
     * one; with a duration too, whichever comes first).
     */
    async snoozeThread(caller: Caller, rawInput: unknown): Promise<ThreadRecord> {
      const input = parseInput(snoozeThreadInput, rawInput);
      const seconds = input.durationSeconds ?? null;
      const detail =
        input.statusDetail ?? (seconds !== null ? 'WAITING_FOR_DURATION' : 'WAITING_FOR_CUSTOMER');
      return changeThread(as(caller), input.threadId, (thread, now) => {
        const snoozedUntil = seconds !== null ? new Date(now.getTime() + seconds * 1000) : null;
        return transitionStatus(
          thread,
          { status: 'SNOOZED', statusDetail: detail, snoozedUntil },
          now,
          caller.actor,
        );
      });
    },

    /**
     * Moves snoozed threads whose time has come back to TODO (IN_PROGRESS), at most `limit` of them,
     * and returns how many. Rows are claimed with SKIP LOCKED, so several server processes on one
     * database never wake a thread twice.
     */
    async wakeDueSnoozes(limit = 100): Promise<number> {
      return db.transaction(async (tx) => {
        const due = await lockDueSnoozedThreads(tx, deps.clock(), limit);
        for (const thread of due) {
          await changeThread(
            { workspaceId: thread.workspaceId, actor: SNOOZE_TIMER_ACTOR, tx },
            thread.id,
            (t, now) =>
              transitionStatus(
                t,
                { status: 'TODO', statusDetail: 'IN_PROGRESS', snoozedUntil: null },
                now,
                SNOOZE_TIMER_ACTOR,
              ),
          );
        }
        return due.length;
      });
    },
  };
}

/** The thread status service's interface. */
export type ThreadStatusService = ReturnType<typeof createThreadStatusService>;
