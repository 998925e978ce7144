import { z } from 'zod';
import { findCustomer, findCustomersByIds } from '../../storage/customer-repository.js';
import type { Db } from '../../storage/db.js';
import { insertNote, type NoteRecord } from '../../storage/note-repository.js';
import { madeBy } from '../actor.js';
import type { Caller } from '../caller.js';
import type { Clock } from '../clock.js';
import { customerIdentifierInput, customerKeyField } from '../customers/customer-identifier.js';
import { forbiddenError, notFoundError, validationError } from '../errors.js';
import { newId } from '../ids.js';
import { parseInput, requiredString } from '../validation.js';
import type { WebhookOutbox } from '../webhooks/outbox.js';
import { combineChanges, transitionStatus } from './status-transition.js';
import { createThreadChanger } from './thread-change.js';

/** Limits of notes and replies, in one place. */
export const MESSAGE_LIMITS = { text: 30_000, markdown: 30_000 } as const;

const createNoteInput = z.object({
  customerId: z.string().min(1).max(100),
  threadId: z.string().min(1).max(100).nullish(),
  text: requiredString(MESSAGE_LIMITS.text),
  markdown: z.string().max(MESSAGE_LIMITS.markdown).nullish(),
});

const replyToThreadInput = z.object({
  threadId: z.string().min(1).max(100),
  textContent: requiredString(MESSAGE_LIMITS.text),
  markdownContent: z.string().max(MESSAGE_LIMITS.markdown).nullish(),
  impersonation: z
    .object({ asCustomer: z.object({ customerIdentifier: customerIdentifierInput }) })
    .nullish(),
});

/** The payload of a reply's timeline entry (a ChatEntry). */
export interface ChatPayload {
  chatId: string;
  text: string;
  markdown: string | null;
  /** outbound: from the workspace to the customer; inbound: from the customer (impersonated). */
  direction: 'outbound' | 'inbound';
}

/** What people write in a thread: internal notes and replies. */
export function createConversationService(deps: { db: Db; clock: Clock; outbox: WebhookOutbox }) {
  const { db, clock } = deps;
  const changeThread = createThreadChanger(deps);

  return {
    /**
     * Adds an internal note to a customer, and to the timeline of one of their threads when
     * threadId is given. A note without a thread is kept with the customer and shows in no thread.
     */
    async createNote(caller: Caller, rawInput: unknown): Promise<NoteRecord> {
      const input = parseInput(createNoteInput, rawInput);
      const [customer] = await findCustomersByIds(db, caller.workspaceId, [input.customerId]);
      if (!customer) throw notFoundError('customerId', 'Customer');
      const draft = (now: Date): NoteRecord => ({
        workspaceId: caller.workspaceId,
        id: newId('n'),
        customerId: customer.id,
        threadId: input.threadId ?? null,
        text: input.text,
        markdown: input.markdown ?? null,
        ...madeBy(now, caller.actor),
      });
      if (!input.threadId) {
        const note = draft(clock());
        await insertNote(db, note);
        return note;
      }
      let note: NoteRecord | null = null;
      await changeThread(caller, input.threadId, (thread, now) => {
        if (thread.customerId !== customer.id) {
          throw validationError([
            { field: 'threadId', message: 'The thread belongs to another customer.', type: 'VALIDATION' },
          ]);
        }
        const made = draft(now);
        note = made;
        return {
          write: (tx) => insertNote(tx, made),
          entries: [{ kind: 'note', noteId: made.id, note: made }],
        };
      });
      return note!;
    },

    /**
     * Replies in a thread: an outbound message from the caller, or, with impersonation.asCustomer,
     * an inbound one from the thread's customer (needs customer:impersonate). A customer's message
     * moves a DONE or SNOOZED thread back to TODO (NEW_REPLY).
     */
    async replyToThread(caller: Caller, rawInput: unknown): Promise<void> {
      const input = parseInput(replyToThreadInput, rawInput);
      const impersonated = input.impersonation?.asCustomer.customerIdentifier ?? null;
      if (impersonated && !caller.permissions.has('customer:impersonate')) {
        throw forbiddenError('customer:impersonate');
      }
      const customer = impersonated ? await findCustomer(db, caller.workspaceId, impersonated) : null;
      if (impersonated && !customer) {
        throw notFoundError(
          customerKeyField('impersonation.asCustomer.customerIdentifier', impersonated),
          'Customer',
        );
      }
      await changeThread(caller, input.threadId, (thread, now) => {
        if (customer && customer.id !== thread.customerId) {
          const field = customerKeyField('impersonation.asCustomer.customerIdentifier', impersonated!);
          throw validationError([
            { field, message: "This is not the thread's customer.", type: 'VALIDATION' },
          ]);
        }
        const payload: ChatPayload = {
          chatId: newId('ch'),
          text: input.textContent,
          markdown: input.markdownContent ?? null,
          direction: customer ? 'inbound' : 'outbound',
        };
        const actor = customer?.id ?? caller.actor;
        const reopen =
          customer && thread.status !== 'TODO'
            ? transitionStatus(
                thread,
                { status: 'TODO', statusDetail: 'NEW_REPLY', snoozedUntil: null },
                now,
                actor,
              )
            : null;
        return combineChanges({ entries: [{ kind: 'chat', payload, actor }] }, reopen);
      });
    },
  };
}

/** The conversation service's interface. */
export type ConversationService = ReturnType<typeof createConversationService>;
