import { z } from 'zod';
import type { Db } from '../../storage/db.js';
import { deleteThreadFieldValue, upsertThreadFieldValue } from '../../storage/thread-change-repository.js';
import { findThreadFieldSchemaByKey } from '../../storage/thread-field-schema-repository.js';
import type { ThreadFieldRecord } from '../../storage/thread-repository.js';
import type { Caller } from '../caller.js';
import type { Clock } from '../clock.js';
import { notFoundError } from '../errors.js';
import { newId } from '../ids.js';
import { checkThreadFieldValue, type ThreadFieldValue } from '../thread-fields/thread-field-value.js';
import { FieldErrors, parseInput } from '../validation.js';
import type { WebhookOutbox } from '../webhooks/outbox.js';
import { threadFieldEvent } from '../webhooks/thread-events.js';
import { createThreadChanger } from './thread-change.js';

const identifier = z.object({ threadId: z.string().min(1).max(100), key: z.string().min(1).max(500) });

const upsertThreadFieldInput = z.object({
  identifier,
  type: z.enum(['STRING', 'BOOL', 'ENUM', 'NUMBER', 'CURRENCY', 'DATE']),
  stringValue: z.string().nullish(),
  booleanValue: z.boolean().nullish(),
  numberValue: z.number().nullish(),
  dateValue: z.string().nullish(),
});

/** What upsertThreadField did, as Plain's UpsertResult names it. */
export type UpsertResult = 'CREATED' | 'UPDATED' | 'NOOP';

function sameValue(field: ThreadFieldRecord, value: ThreadFieldValue): boolean {
  return (
    field.type === value.type &&
    field.stringValue === value.stringValue &&
    field.booleanValue === value.booleanValue &&
    field.numberValue === value.numberValue &&
    (field.dateValue?.getTime() ?? null) === (value.dateValue?.getTime() ?? null)
  );
}

/** Thread field values: set one (checked against its schema), remove one. */
export function createThreadFieldService(deps: { db: Db; clock: Clock; outbox: WebhookOutbox }) {
  const changeThread = createThreadChanger(deps);
  const as = (caller: Caller) => ({
    workspaceId: caller.workspaceId,
    actor: caller.actor,
    threadField: 'identifier.threadId',
  });

  return {
    /**
     * Sets a thread's value for a schema's key: CREATED when the thread had none, UPDATED when it
     * differed, NOOP when it was the same (nothing is written). The value must fit the schema.
     */
    async upsertThreadField(
      caller: Caller,
      rawInput: unknown,
    ): Promise<{ result: UpsertResult; threadField: ThreadFieldRecord }> {
      const input = parseInput(upsertThreadFieldInput, rawInput);
      const { threadId, key } = input.identifier;
      const schema = await findThreadFieldSchemaByKey(deps.db, caller.workspaceId, key);
      if (!schema) throw notFoundError('identifier.key', 'Thread field schema');
      const errors = new FieldErrors();
      const value = checkThreadFieldValue(schema, input, (member) => member, errors);
      errors.throwIfAny();

      let result: UpsertResult = 'NOOP';
      const thread = await changeThread(as(caller), threadId, (thread, now) => {
        const existing = thread.threadFields.find((f) => f.key === key);
        if (existing && sameValue(existing, value!)) return null;
        result = existing ? 'UPDATED' : 'CREATED';
        const id = existing?.id ?? newId('tf');
        const audit = { updatedAt: now, updatedBy: caller.actor };
        return {
          write: (tx) => upsertThreadFieldValue(tx, thread, { id, key, ...value! }, audit),
          events: [threadFieldEvent(existing ? 'updated' : 'created', key)],
        };
      });
      return { result, threadField: thread.threadFields.find((f) => f.key === key)! };
    },

    /** Removes a thread's value for a key; NOT_FOUND when the thread has none. */
    async deleteThreadField(caller: Caller, rawInput: unknown): Promise<void> {
      const input = parseInput(z.object({ identifier }), rawInput);
      const { threadId, key } = input.identifier;
      await changeThread(as(caller), threadId, (thread) => {
        if (!thread.threadFields.some((f) => f.key === key))
          throw notFoundError('identifier.key', 'Thread field');
        return {
          write: (tx) => deleteThreadFieldValue(tx, thread, key).then(() => {}),
          events: [threadFieldEvent('deleted', key)],
        };
      });
    },
  };
}

/** The thread field service's interface. */
export type ThreadFieldService = ReturnType<typeof createThreadFieldService>;
