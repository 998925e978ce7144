import { z } from 'zod';
import type { CustomerKey } from '../../storage/customer-repository.js';

/** A customer key, with the input field it came from (for error paths). */
export type IdentifiedCustomerKey = CustomerKey & {
  inputField: 'customerId' | 'emailAddress' | 'email' | 'externalId';
};

/**
 * Plain's CustomerIdentifierInput: "only one of the fields can be set". `email` is accepted as an
 * alias of `emailAddress`, because Plain's own raw-GraphQL example (seed 000) sends it.
 */
export const customerIdentifierInput = z
  .object({
    customerId: z.string().max(100).nullish(),
    emailAddress: z.string().max(320).nullish(),
    email: z.string().max(320).nullish(),
    externalId: z.string().max(500).nullish(),
  })
  .transform((identifier, ctx): IdentifiedCustomerKey => {
    const keys: IdentifiedCustomerKey[] = [];
    if (identifier.customerId != null)
      keys.push({ customerId: identifier.customerId, inputField: 'customerId' });
    if (identifier.emailAddress != null)
      keys.push({ email: identifier.emailAddress, inputField: 'emailAddress' });
    if (identifier.email != null) keys.push({ email: identifier.email, inputField: 'email' });
    if (identifier.externalId != null)
      keys.push({ externalId: identifier.externalId, inputField: 'externalId' });
    if (keys.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'Set exactly one of customerId, emailAddress and externalId.',
      });
      return z.NEVER;
    }
    return keys[0]!;
  });

/** The dotted input path of the key a customer was looked up by, for a NOT_FOUND field error. */
export function customerKeyField(prefix: string, key: IdentifiedCustomerKey): string {
  return `${prefix}.${key.inputField}`;
}
