import { z } from 'zod';
import type { CustomerKey } from '../../storage/customer-repository.js';

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
  .transform((identifier, ctx): CustomerKey => {
    const email = identifier.emailAddress ?? identifier.email;
    const keys: CustomerKey[] = [];
    if (identifier.customerId != null) keys.push({ customerId: identifier.customerId });
    if (email != null) keys.push({ email });
    if (identifier.externalId != null) keys.push({ externalId: identifier.externalId });
    if (keys.length !== 1 || (identifier.emailAddress != null && identifier.email != null)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Set exactly one of customerId, emailAddress and externalId.',
      });
      return z.NEVER;
    }
    return keys[0]!;
  });

/** The dotted input path of the key a customer was looked up by, for a NOT_FOUND field error. */
export function customerKeyField(prefix: string, key: CustomerKey): string {
  if ('customerId' in key) return `${prefix}.customerId`;
  if ('email' in key) return `${prefix}.emailAddress`;
  return `${prefix}.externalId`;
}
