import { z } from 'zod';
import { type Db, UniqueViolation } from '../../storage/db.js';
import { findLabelTypes } from '../../storage/label-type-repository.js';
import { deleteLabels, findLabelThreads, insertLabels } from '../../storage/thread-change-repository.js';
import type { LabelRecord, ThreadRecord } from '../../storage/thread-repository.js';
import { madeBy } from '../actor.js';
import type { Caller } from '../caller.js';
import type { Clock } from '../clock.js';
import { DomainError, type FieldError } from '../errors.js';
import { newId } from '../ids.js';
import { FieldErrors, parseInput } from '../validation.js';
import type { WebhookOutbox } from '../webhooks/outbox.js';
import { THREAD_LIMITS } from './create-thread-input.js';
import { createThreadChanger } from './thread-change.js';

const addLabelsInput = z.object({
  threadId: z.string().min(1).max(100),
  labelTypeIds: z.array(z.string().max(100)).min(1).max(THREAD_LIMITS.labelTypeIds),
});

const removeLabelsInput = z.object({
  labelIds: z.array(z.string().max(100)).min(1).max(THREAD_LIMITS.labelTypeIds),
});

/** A label as a ThreadLabelsChangedEntry keeps it (times as ISO strings; the label type by id). */
export interface LabelSnapshot {
  id: string;
  labelTypeId: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** The payload of a ThreadLabelsChangedEntry. */
export interface LabelsChangePayload {
  previousLabels: LabelSnapshot[];
  nextLabels: LabelSnapshot[];
}

function snapshot(label: LabelRecord): LabelSnapshot {
  return {
    id: label.id,
    labelTypeId: label.labelType.id,
    createdAt: label.createdAt.toISOString(),
    createdBy: label.createdBy,
    updatedAt: label.updatedAt.toISOString(),
    updatedBy: label.updatedBy,
  };
}

function alreadyAdded(fields: FieldError[]): DomainError {
  return new DomainError(
    'label_with_given_type_already_added_to_thread',
    'The thread already has a label of this type.',
    fields,
  );
}

/** Labels on threads: adding by label type, removing by label id. */
export function createThreadLabelService(deps: { db: Db; clock: Clock; outbox: WebhookOutbox }) {
  const { db } = deps;
  const changeThread = createThreadChanger(deps);
  const as = (caller: Caller) => ({ workspaceId: caller.workspaceId, actor: caller.actor });

  return {
    /**
     * Adds a label of each label type to a thread. Missing label types are NOT_FOUND; an archived one
     * is cannot_add_label_using_archived_label_type; a type the thread has already is
     * label_with_given_type_already_added_to_thread. Nothing is added unless every type can be.
     */
    async addLabels(
      caller: Caller,
      rawInput: unknown,
    ): Promise<{ labels: LabelRecord[]; thread: ThreadRecord }> {
      const input = parseInput(addLabelsInput, rawInput);
      const ids = [...new Set(input.labelTypeIds)];
      const labelTypes = new Map(
        (await findLabelTypes(db, caller.workspaceId, ids)).map((lt) => [lt.id, lt]),
      );
      const errors = new FieldErrors();
      const archived: FieldError[] = [];
      input.labelTypeIds.forEach((id, i) => {
        const labelType = labelTypes.get(id);
        if (!labelType) errors.add(`labelTypeIds.${i}`, 'Label type not found.', 'NOT_FOUND');
        else if (labelType.archivedAt) {
          archived.push({
            field: `labelTypeIds.${i}`,
            message: 'This label type is archived.',
            type: 'VALIDATION',
          });
        }
      });
      errors.throwIfAny();
      if (archived.length > 0) {
        throw new DomainError(
          'cannot_add_label_using_archived_label_type',
          'Archived label types cannot be added to a thread.',
          archived,
        );
      }

      let added: LabelRecord[] = [];
      try {
        const thread = await changeThread(as(caller), input.threadId, (thread, now) => {
          const present = new Set(thread.labels.map((l) => l.labelType.id));
          const duplicates = input.labelTypeIds.flatMap((id, i) =>
            present.has(id)
              ? [
                  {
                    field: `labelTypeIds.${i}`,
                    message: 'The thread already has this label.',
                    type: 'VALIDATION' as const,
                  },
                ]
              : [],
          );
          if (duplicates.length > 0) throw alreadyAdded(duplicates);
          const audit = madeBy(now, caller.actor);
          added = ids.map((id) => ({
            id: newId('l'),
            threadId: thread.id,
            labelType: labelTypes.get(id)!,
            ...audit,
          }));
          const payload: LabelsChangePayload = {
            previousLabels: thread.labels.map(snapshot),
            nextLabels: [...thread.labels, ...added].map(snapshot),
          };
          return {
            write: (tx) =>
              insertLabels(
                tx,
                thread,
                added.map((l) => ({ id: l.id, labelTypeId: l.labelType.id })),
                audit,
              ),
            entries: [{ kind: 'labels_changed', payload }],
          };
        });
        return { labels: added, thread };
      } catch (error) {
        // Two requests that passed the check at once: the unique index lets one through.
        if (error instanceof UniqueViolation) {
          throw alreadyAdded([
            { field: 'labelTypeIds', message: 'The thread already has this label.', type: 'VALIDATION' },
          ]);
        }
        throw error;
      }
    },

    /**
     * Removes labels by their ids (not their label types' ids). Labels of several threads may be
     * given; each thread gets one ThreadLabelsChangedEntry. Returns the thread of the first label.
     */
    async removeLabels(caller: Caller, rawInput: unknown): Promise<{ thread: ThreadRecord }> {
      const input = parseInput(removeLabelsInput, rawInput);
      const found = new Map(
        (await findLabelThreads(db, caller.workspaceId, input.labelIds)).map((l) => [l.labelId, l.threadId]),
      );
      const errors = new FieldErrors();
      input.labelIds.forEach((id, i) => {
        if (!found.has(id)) errors.add(`labelIds.${i}`, 'Label not found.', 'NOT_FOUND');
      });
      errors.throwIfAny();
      const threadIds = [...new Set(found.values())];
      const changed: ThreadRecord[] = [];
      for (const threadId of threadIds) {
        const removed = new Set(input.labelIds.filter((id) => found.get(id) === threadId));
        changed.push(
          await changeThread(as(caller), threadId, (thread) => {
            const kept = thread.labels.filter((l) => !removed.has(l.id));
            // Removed meanwhile by someone else: nothing left to do.
            if (kept.length === thread.labels.length) return null;
            const payload: LabelsChangePayload = {
              previousLabels: thread.labels.map(snapshot),
              nextLabels: kept.map(snapshot),
            };
            return {
              write: (tx) => deleteLabels(tx, thread, [...removed]),
              entries: [{ kind: 'labels_changed', payload }],
            };
          }),
        );
      }
      return { thread: changed[0]! };
    },
  };
}

/** The thread label service's interface. */
export type ThreadLabelService = ReturnType<typeof createThreadLabelService>;
