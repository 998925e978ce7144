import { z } from 'zod';
import type { CustomerSearchField, CustomerSearchMatch } from '../../storage/customer-list-repository.js';
import type { FieldError } from '../errors.js';
import { parseQueryInput, withFieldsInMessage } from '../validation.js';

/** Limits of searchCustomers: a text's length, the conditions of one query, the words used of a text. */
export const CUSTOMER_SEARCH_LIMITS = { minLength: 2, maxLength: 500, conditions: 20, terms: 10 } as const;

const SEARCH_FIELDS: readonly CustomerSearchField[] = ['fullName', 'shortName', 'email', 'externalId'];

const expression = z
  .object({ caseInsensitiveContains: z.string().max(CUSTOMER_SEARCH_LIMITS.maxLength).nullish() })
  .nullish();

const condition = z.object({
  fullName: expression,
  shortName: expression,
  email: expression,
  externalId: expression,
});

// Wrapped in the argument's name, so that error paths start with it.
const searchArgs = z.object({
  searchQuery: z.object({ or: z.array(condition).max(CUSTOMER_SEARCH_LIMITS.conditions).nullish() }),
});

/**
 * The words of a search text: runs of letters and digits, as customers.search_vector splits a field.
 * Not lowercased here: the database lowercases both sides, so a letter whose lowercase differs between
 * JavaScript and PostgreSQL (İ) still matches.
 */
export function searchTermsOf(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, CUSTOMER_SEARCH_LIMITS.terms);
}

/**
 * Reads a CustomersSearchQuery into its matches, one per field set in each `or` condition (a customer
 * matches when any does). A text is trimmed and needs 2 characters with a letter or digit; a failing
 * one is reported at `searchQuery.or.<i>.<field>.caseInsensitiveContains`.
 */
export function parseCustomerSearch(searchQuery: unknown): CustomerSearchMatch[] {
  const query = parseQueryInput(searchArgs, { searchQuery }).searchQuery;
  const matches: CustomerSearchMatch[] = [];
  const errors: FieldError[] = [];
  for (const [i, condition] of (query.or ?? []).entries()) {
    for (const field of SEARCH_FIELDS) {
      const text = condition[field]?.caseInsensitiveContains?.trim();
      if (text == null) continue;
      const terms = searchTermsOf(text);
      if (text.length >= CUSTOMER_SEARCH_LIMITS.minLength && terms.length > 0) {
        matches.push({ field, text, terms });
        continue;
      }
      errors.push({
        field: `searchQuery.or.${i}.${field}.caseInsensitiveContains`,
        message: `Must have at least ${CUSTOMER_SEARCH_LIMITS.minLength} characters, with a letter or digit.`,
        type: 'VALIDATION',
      });
    }
  }
  if (errors.length > 0) throw withFieldsInMessage(errors);
  return matches;
}
