import { type Db, UniqueViolation } from '../../storage/db.js';
import {
  loadThreadCreationContext,
  type ThreadCreationContext,
} from '../../storage/thread-creation-repository.js';
import type { LabelRecord, ThreadFieldRecord, ThreadRecord } from '../../storage/thread-repository.js';
import * as threads from '../../storage/thread-repository.js';
import { threadRefSequenceName } from '../../storage/workspace-repository.js';
import { madeBy } from '../actor.js';
import type { Caller } from '../caller.js';
import type { Clock } from '../clock.js';
import { previewTextOf } from '../components/preview-text.js';
import { customerKeyField } from '../customers/customer-identifier.js';
import { DomainError } from '../errors.js';
import { newId } from '../ids.js';
import {
  checkThreadFieldValue,
  defaultValueOf,
  type ThreadFieldValue,
} from '../thread-fields/thread-field-value.js';
import { FieldErrors, parseInput } from '../validation.js';
import type { WebhookOutbox } from '../webhooks/outbox.js';
import { threadJson } from '../webhooks/webhook-json.js';
import { type CreateThreadInput, createThreadInput, DEFAULT_PRIORITY } from './create-thread-input.js';

/** The field errors of label type ids: missing ones are NOT_FOUND; archived ones have their own code. */
function checkLabelTypes(
  input: CreateThreadInput,
  context: ThreadCreationContext,
  errors: FieldErrors,
): string[] {
  const byId = new Map(context.labelTypes.map((lt) => [lt.id, lt]));
  const archived: string[] = [];
  (input.labelTypeIds ?? []).forEach((id, i) => {
    const labelType = byId.get(id);
    if (!labelType) errors.add(`labelTypeIds.${i}`, 'Label type not found.', 'NOT_FOUND');
    else if (labelType.archivedAt) archived.push(`labelTypeIds.${i}`);
  });
  return archived;
}

/** Checks each thread field against its schema and adds the defaults of schemas not given. */
function checkThreadFields(
  input: CreateThreadInput,
  context: ThreadCreationContext,
  errors: FieldErrors,
): (ThreadFieldValue & { key: string })[] {
  const schemaByKey = new Map(context.schemas.map((s) => [s.key, s]));
  const values: (ThreadFieldValue & { key: string })[] = [];
  const seen = new Set<string>();
  for (const [i, field] of (input.threadFields ?? []).entries()) {
    const schema = schemaByKey.get(field.key);
    if (!schema) {
      errors.add(`threadFields.${i}.key`, `No thread field schema has the key "${field.key}".`, 'NOT_FOUND');
    } else if (seen.has(field.key)) {
      errors.add(`threadFields.${i}.key`, `The key "${field.key}" is given twice.`);
    } else {
      seen.add(field.key);
      const value = checkThreadFieldValue(schema, field, (member) => `threadFields.${i}.${member}`, errors);
      if (value) values.push({ key: field.key, ...value });
    }
  }
  for (const schema of context.schemas) {
    // A default applies to every new thread, unless the field only applies under a condition.
    const conditional = schema.dependsOnThreadField || schema.dependsOnLabelTypeIds.length > 0;
    const value = seen.has(schema.key) || conditional ? null : defaultValueOf(schema);
    if (value) values.push({ key: schema.key, ...value });
  }
  return values;
}

/** Threads: creation with labels, fields and a first message, and reads. */
export function createThreadService(deps: { db: Db; clock: Clock; outbox: WebhookOutbox }) {
  const { db, clock, outbox } = deps;

  return {
    /**
     * Creates a thread (status TODO, detail CREATED, priority 2 unless given) for a customer found by
     * id, email or externalId, with its labels, validated thread fields and first message.
     */
    async createThread(caller: Caller, rawInput: unknown): Promise<ThreadRecord> {
      const input = parseInput(createThreadInput, rawInput);
      const assigneeId = input.assignedTo
        ? (input.assignedTo.userId ?? input.assignedTo.machineUserId!)
        : null;
      const context = await loadThreadCreationContext(
        db,
        caller.workspaceId,
        input.customerIdentifier,
        input.labelTypeIds ?? [],
        assigneeId,
      );

      const errors = new FieldErrors();
      if (!context.customer) {
        errors.add(
          customerKeyField('customerIdentifier', input.customerIdentifier),
          'Customer not found.',
          'NOT_FOUND',
        );
      }
      if (assigneeId && !context.assigneeExists) {
        const field = input.assignedTo?.userId ? 'assignedTo.userId' : 'assignedTo.machineUserId';
        errors.add(field, 'Assignee not found.', 'NOT_FOUND');
      }
      const archived = checkLabelTypes(input, context, errors);
      const fieldValues = checkThreadFields(input, context, errors);
      errors.throwIfAny();
      if (archived.length > 0) {
        throw new DomainError(
          'cannot_add_label_using_archived_label_type',
          'Archived label types cannot be added to a thread.',
          archived.map((field) => ({
            field,
            message: 'This label type is archived.',
            type: 'VALIDATION' as const,
          })),
        );
      }

      const now = clock();
      const audit = madeBy(now, caller.actor);
      const threadId = newId('th');
      const labelTypeIds = [...new Set(input.labelTypeIds ?? [])];
      const labelTypeById = new Map(context.labelTypes.map((lt) => [lt.id, lt]));
      const labels: LabelRecord[] = labelTypeIds.map((id) => ({
        id: newId('l'),
        threadId,
        labelType: labelTypeById.get(id)!,
        ...audit,
      }));
      const threadFields: ThreadFieldRecord[] = fieldValues
        .map((v) => ({ id: newId('tf'), threadId, isAiGenerated: false, ...v, ...audit }))
        .sort((a, b) => a.key.localeCompare(b.key));
      const components = input.components ?? null;
      const thread: Omit<ThreadRecord, 'ref' | 'labels' | 'threadFields'> = {
        workspaceId: caller.workspaceId,
        id: threadId,
        customerId: context.customer!.id,
        externalId: input.externalId ?? null,
        title: input.title!,
        description: input.description ?? null,
        previewText: components ? previewTextOf(components) : null,
        priority: input.priority ?? DEFAULT_PRIORITY,
        status: 'TODO',
        statusDetail: 'CREATED',
        statusChangedAt: now,
        statusChangedBy: caller.actor,
        snoozedUntil: null,
        assignedTo: assigneeId,
        assignedAt: assigneeId ? now : null,
        channel: input.channel ?? 'API',
        ...audit,
      };
      try {
        return await outbox.record(
          caller.workspaceId,
          ['thread.thread_created'],
          async (q): Promise<ThreadRecord> => {
            const ref = await threads.insertThread(q, threadRefSequenceName(caller.workspaceId), {
              thread,
              labels: labels.map((l) => ({ id: l.id, labelTypeId: l.labelType.id })),
              fields: threadFields,
              firstMessage: components
                ? { entryId: newId('t'), payload: { title: thread.title, components } }
                : null,
            });
            return { ...thread, ref, labels, threadFields, customer: context.customer! };
          },
          async (created, q) => [
            {
              type: 'thread.thread_created',
              payload: { thread: threadJson(await outbox.snapshot(q, caller.workspaceId, created)) },
            },
          ],
          (created) => [
            {
              kind: 'thread',
              workspaceId: created.workspaceId,
              threadId: created.id,
              type: 'thread.thread_created',
            },
          ],
        );
      } catch (error) {
        if (error instanceof UniqueViolation && error.constraint === 'threads_external_id_key') {
          throw new DomainError(
            'thread_already_exists_with_external_id',
            'This customer already has a thread with this externalId.',
            [
              {
                field: 'externalId',
                message: 'Another thread of this customer has this externalId.',
                type: 'VALIDATION',
              },
            ],
          );
        }
        throw error;
      }
    },

    /** A thread by id, or null. */
    async getThread(caller: Caller, id: string): Promise<ThreadRecord | null> {
      const [found] = await threads.findThreads(db, caller.workspaceId, [id]);
      return found ?? null;
    },
  };
}

/** The thread service's interface. */
export type ThreadService = ReturnType<typeof createThreadService>;
