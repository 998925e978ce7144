import { z } from 'zod';
import type { Db, Queryable } from '../../storage/db.js';
import { findMachineUsers, findUsers } from '../../storage/identity-repository.js';
import type { ThreadRecord } from '../../storage/thread-repository.js';
import type { Caller } from '../caller.js';
import type { Clock } from '../clock.js';
import { notFoundError, validationError } from '../errors.js';
import { parseInput, requiredString } from '../validation.js';
import type { WebhookOutbox } from '../webhooks/outbox.js';
import { THREAD_LIMITS } from './create-thread-input.js';
import { createThreadChanger } from './thread-change.js';

const threadId = z.string().min(1).max(100);

const assignThreadInput = z.object({
  threadId,
  userId: z.string().max(100).nullish(),
  machineUserId: z.string().max(100).nullish(),
});

const changeThreadPriorityInput = z.object({ threadId, priority: z.number().int().min(0).max(3) });

const updateThreadTitleInput = z.object({ threadId, title: requiredString(THREAD_LIMITS.title) });

/** The payload of a ThreadAssignmentTransitionedEntry: the actor ids of the assignees. */
export interface AssignmentTransitionPayload {
  previousAssignee: string | null;
  nextAssignee: string | null;
}

/** The payload of a ThreadPriorityChangedEntry. */
export interface PriorityChangePayload {
  previousPriority: number;
  nextPriority: number;
}

/** Whether a live (not deleted) user or machine user of the workspace has this id. */
async function assigneeExists(db: Queryable, workspaceId: string, id: string): Promise<boolean> {
  const found = id.startsWith('mu_')
    ? await findMachineUsers(db, workspaceId, [id])
    : await findUsers(db, workspaceId, [id]);
  return found.some((a) => a.deletedAt === null);
}

/** Thread edits that leave an entry or change what the thread shows: assignee, priority, title. */
export function createThreadEditService(deps: { db: Db; clock: Clock; outbox: WebhookOutbox }) {
  const changeThread = createThreadChanger(deps);
  const as = (caller: Caller) => ({ workspaceId: caller.workspaceId, actor: caller.actor });

  function assign(caller: Caller, id: string, assignee: string | null): Promise<ThreadRecord> {
    return changeThread(as(caller), id, (thread, now) => {
      if (thread.assignedTo === assignee) return null;
      const payload: AssignmentTransitionPayload = {
        previousAssignee: thread.assignedTo,
        nextAssignee: assignee,
      };
      return {
        set: { assignedTo: assignee, assignedAt: assignee ? now : null },
        entries: [{ kind: 'assignment_transitioned', payload }],
      };
    });
  }

  return {
    /** Assigns a thread to a user or a machine user (exactly one of userId, machineUserId). */
    async assignThread(caller: Caller, rawInput: unknown): Promise<ThreadRecord> {
      const input = parseInput(assignThreadInput, rawInput);
      if ((input.userId == null) === (input.machineUserId == null)) {
        const message = 'Set exactly one of userId and machineUserId.';
        throw validationError([
          { field: 'userId', message, type: 'VALIDATION' },
          { field: 'machineUserId', message, type: 'VALIDATION' },
        ]);
      }
      const [field, assignee] = input.userId
        ? (['userId', input.userId] as const)
        : (['machineUserId', input.machineUserId!] as const);
      const prefix = field === 'userId' ? 'u_' : 'mu_';
      if (!assignee.startsWith(prefix) || !(await assigneeExists(deps.db, caller.workspaceId, assignee))) {
        throw notFoundError(field, field === 'userId' ? 'User' : 'Machine user');
      }
      return assign(caller, input.threadId, assignee);
    },

    /** Removes a thread's assignee. */
    async unassignThread(caller: Caller, rawInput: unknown): Promise<ThreadRecord> {
      const input = parseInput(z.object({ threadId }), rawInput);
      return assign(caller, input.threadId, null);
    },

    /** Sets a thread's priority, 0 (most urgent) to 3. */
    async changeThreadPriority(caller: Caller, rawInput: unknown): Promise<ThreadRecord> {
      const input = parseInput(changeThreadPriorityInput, rawInput);
      return changeThread(as(caller), input.threadId, (thread) => {
        if (thread.priority === input.priority) return null;
        const payload: PriorityChangePayload = {
          previousPriority: thread.priority,
          nextPriority: input.priority,
        };
        return { set: { priority: input.priority }, entries: [{ kind: 'priority_changed', payload }] };
      });
    },

    /** Renames a thread. Plain's timeline shows no entry for a new title, so none is written. */
    async updateThreadTitle(caller: Caller, rawInput: unknown): Promise<ThreadRecord> {
      const input = parseInput(updateThreadTitleInput, rawInput);
      return changeThread(as(caller), input.threadId, (thread) =>
        thread.title === input.title ? null : { set: { title: input.title } },
      );
    },
  };
}

/** The thread edit service's interface. */
export type ThreadEditService = ReturnType<typeof createThreadEditService>;
