import { z } from 'zod';
import { deleteCustomerAndData } from '../../storage/customer-list-repository.js';
import type { CustomerKey, CustomerRecord } from '../../storage/customer-repository.js';
import * as customers from '../../storage/customer-repository.js';
import { type Db, UniqueViolation } from '../../storage/db.js';
import { madeBy } from '../actor.js';
import type { Caller } from '../caller.js';
import type { Clock } from '../clock.js';
import { DomainError, notFoundError } from '../errors.js';
import { newId } from '../ids.js';
import type { LiveChange } from '../live/live-feed.js';
import { FieldErrors, optionalString, parseInput, requiredString } from '../validation.js';
import type { WebhookOutbox } from '../webhooks/outbox.js';
import { customerJson } from '../webhooks/webhook-json.js';
import { customerIdentifierInput, customerKeyField } from './customer-identifier.js';

/** Field limits of customers. */
export const CUSTOMER_LIMITS = { name: 500, email: 320, externalId: 500 } as const;

const email = z.email().max(CUSTOMER_LIMITS.email);
const emailInput = z.object({ email, isVerified: z.boolean() });

const upsertInput = z.object({
  // UpsertCustomerIdentifierInput has no `email` alias, so only the three keys of Plain's schema arrive.
  identifier: customerIdentifierInput,
  onCreate: z.object({
    fullName: requiredString(CUSTOMER_LIMITS.name),
    shortName: optionalString(CUSTOMER_LIMITS.name),
    email: emailInput,
    externalId: optionalString(CUSTOMER_LIMITS.externalId),
  }),
  onUpdate: z.object({
    fullName: z.object({ value: requiredString(CUSTOMER_LIMITS.name) }).nullish(),
    shortName: z.object({ value: optionalString(CUSTOMER_LIMITS.name) }).nullish(),
    externalId: z.object({ value: optionalString(CUSTOMER_LIMITS.externalId) }).nullish(),
    email: emailInput.nullish(),
  }),
});
type UpsertInput = z.infer<typeof upsertInput>;

/** What upsertCustomer did, in Plain's UpsertResult terms. */
export type UpsertResult = 'CREATED' | 'UPDATED' | 'NOOP';

function conflictError(violation: UniqueViolation, path: 'onCreate' | 'onUpdate'): DomainError {
  if (violation.constraint === 'customers_external_id_key') {
    const field = path === 'onCreate' ? 'onCreate.externalId' : 'onUpdate.externalId.value';
    return new DomainError(
      'customer_already_exists_with_external_id',
      'A customer with this externalId already exists.',
      [{ field, message: 'Another customer has this externalId.', type: 'VALIDATION' }],
    );
  }
  return new DomainError('customer_already_exists_with_email', 'A customer with this email already exists.', [
    { field: `${path}.email.email`, message: 'Another customer has this email.', type: 'VALIDATION' },
  ]);
}

/** Customers: upsert by id, email or externalId, and reads. */
export function createCustomerService(deps: { db: Db; clock: Clock; outbox: WebhookOutbox }) {
  const { db, clock, outbox } = deps;

  async function update(
    caller: Caller,
    existing: CustomerRecord,
    onUpdate: UpsertInput['onUpdate'],
  ): Promise<{ result: UpsertResult; customer: CustomerRecord }> {
    const now = clock();
    const next = {
      fullName: onUpdate.fullName?.value ?? existing.fullName,
      shortName: onUpdate.shortName ? (onUpdate.shortName.value ?? null) : existing.shortName,
      externalId: onUpdate.externalId ? (onUpdate.externalId.value ?? null) : existing.externalId,
      email: onUpdate.email?.email ?? existing.email,
      emailIsVerified: onUpdate.email?.isVerified ?? existing.emailIsVerified,
    };
    const unchanged =
      next.fullName === existing.fullName &&
      next.shortName === existing.shortName &&
      next.externalId === existing.externalId &&
      next.email === existing.email &&
      next.emailIsVerified === existing.emailIsVerified;
    if (unchanged) return { result: 'NOOP', customer: existing };
    const emailVerifiedAt = !next.emailIsVerified
      ? null
      : next.email === existing.email && existing.emailIsVerified
        ? existing.emailVerifiedAt
        : now;
    try {
      const customer = await outbox.record(
        caller.workspaceId,
        ['customer.customer_updated'],
        (q) =>
          customers.updateCustomer(q, caller.workspaceId, existing.id, {
            ...next,
            emailVerifiedAt,
            updatedAt: now,
            updatedBy: caller.actor,
          }),
        async (updated) =>
          updated
            ? [
                {
                  type: 'customer.customer_updated',
                  payload: { customer: customerJson(updated), previousCustomer: customerJson(existing) },
                },
              ]
            : [],
        (updated) => (updated ? [customerChange(updated, 'customer.customer_updated')] : []),
      );
      if (!customer) throw notFoundError('identifier', 'Customer');
      return { result: 'UPDATED', customer };
    } catch (error) {
      if (error instanceof UniqueViolation) throw conflictError(error, 'onUpdate');
      throw error;
    }
  }

  return {
    /**
     * Finds the customer by the identifier; creates it from `onCreate` if missing, else applies
     * `onUpdate` (NOOP when nothing differs). Concurrent upserts of one new customer create one.
     */
    async upsertCustomer(
      caller: Caller,
      input: unknown,
    ): Promise<{ result: UpsertResult; customer: CustomerRecord }> {
      const data = parseInput(upsertInput, input);
      const key = data.identifier;
      const existing = await customers.findCustomer(db, caller.workspaceId, key);
      if (existing) return update(caller, existing, data.onUpdate);
      if ('customerId' in key) throw notFoundError(customerKeyField('identifier', key), 'Customer');

      const errors = new FieldErrors();
      if ('email' in key && key.email.toLowerCase() !== data.onCreate.email.email.toLowerCase()) {
        errors.add('onCreate.email.email', 'Must equal identifier.emailAddress when creating the customer.');
      }
      if (
        'externalId' in key &&
        data.onCreate.externalId != null &&
        data.onCreate.externalId !== key.externalId
      ) {
        errors.add('onCreate.externalId', 'Must equal identifier.externalId when creating the customer.');
      }
      errors.throwIfAny();

      const now = clock();
      const created = await outbox.record(
        caller.workspaceId,
        ['customer.customer_created'],
        (q) =>
          customers.insertCustomerIfAbsent(q, {
            workspaceId: caller.workspaceId,
            id: newId('c'),
            externalId: data.onCreate.externalId ?? ('externalId' in key ? key.externalId : null),
            fullName: data.onCreate.fullName,
            shortName: data.onCreate.shortName ?? null,
            email: data.onCreate.email.email,
            emailIsVerified: data.onCreate.email.isVerified,
            emailVerifiedAt: data.onCreate.email.isVerified ? now : null,
            ...madeBy(now, caller.actor),
          }),
        async (made) =>
          made ? [{ type: 'customer.customer_created', payload: { customer: customerJson(made) } }] : [],
        (made) => (made ? [customerChange(made, 'customer.customer_created')] : []),
      );
      if (created) return { result: 'CREATED', customer: created };

      // Something was in the way. If it is the customer this identifier names, a concurrent upsert
      // created it first: update it as if it had been found. Otherwise another customer holds the
      // email or externalId we were about to use.
      const raced = await customers.findCustomer(db, caller.workspaceId, key);
      if (raced) return update(caller, raced, data.onUpdate);
      const byEmail = await customers.findCustomer(db, caller.workspaceId, {
        email: data.onCreate.email.email,
      });
      throw conflictError(
        new UniqueViolation(byEmail ? 'customers_email_key' : 'customers_external_id_key'),
        'onCreate',
      );
    },

    /** A customer of the caller's workspace by id, email or externalId; null if none. */
    getCustomer: (caller: Caller, key: CustomerKey) => customers.findCustomer(db, caller.workspaceId, key),

    /**
     * Deletes a customer with their threads, events, notes and timeline entries, all at once (Plain
     * deletes a customer's data with them). not_found on customerId when there is no such customer.
     */
    async deleteCustomer(caller: Caller, rawInput: unknown): Promise<void> {
      const input = parseInput(z.object({ customerId: z.string().min(1).max(100) }), rawInput);
      const existed = await db.transaction(async (tx) => {
        const wanted = await outbox.subscriptions(tx, caller.workspaceId);
        const previous = wanted.has('customer.customer_deleted')
          ? await customers.findCustomer(tx, caller.workspaceId, { customerId: input.customerId })
          : null;
        const deleted = await deleteCustomerAndData(tx, caller.workspaceId, input.customerId);
        if (deleted && previous) {
          await outbox.emit(tx, caller.workspaceId, [
            { type: 'customer.customer_deleted', payload: { previousCustomer: customerJson(previous) } },
          ]);
        }
        if (deleted) {
          await outbox.announce(tx, [
            customerChange(
              { workspaceId: caller.workspaceId, id: input.customerId },
              'customer.customer_deleted',
            ),
          ]);
        }
        return deleted;
      });
      if (!existed) throw notFoundError('customerId', 'Customer');
    },

    /** Customers of the caller's workspace by id (for batched loading). */
    getCustomersByIds: (caller: Caller, ids: readonly string[]) =>
      customers.findCustomersByIds(db, caller.workspaceId, ids),
  };
}

/** The customer service's interface. */
export type CustomerService = ReturnType<typeof createCustomerService>;

/** A customer's change as the live feed carries it. */
function customerChange(customer: { workspaceId: string; id: string }, type: string): LiveChange {
  return { kind: 'customer', workspaceId: customer.workspaceId, customerId: customer.id, type };
}
