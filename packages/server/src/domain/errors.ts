/**
 * Typed domain errors. Every code here has exactly one mapping to a MutationError type in
 * graphql/common/mutation-error.ts; that mapping is typed over ErrorCode, so a new code without a
 * mapping fails typecheck.
 */

/** Stable snake_case error codes, Plain's where Plain has one. */
export type ErrorCode =
  | 'input_validation'
  | 'forbidden'
  | 'not_found'
  | 'internal'
  | 'customer_already_exists_with_email'
  | 'customer_already_exists_with_external_id'
  | 'thread_already_exists_with_external_id'
  | 'event_already_exists_with_external_id'
  | 'label_type_already_exists_with_external_id'
  | 'thread_field_schema_already_exists_with_key'
  | 'cannot_add_label_using_archived_label_type'
  | 'label_type_already_archived'
  | 'label_with_given_type_already_added_to_thread'
  | 'required_thread_fields_missing'
  | 'too_many_webhook_targets';

/** How a single input field failed, as Plain's MutationFieldErrorType says. */
export type FieldErrorType = 'VALIDATION' | 'REQUIRED' | 'NOT_FOUND';

/** One failed input field, with its dotted path in the mutation input (`threadFields.0.stringValue`). */
export interface FieldError {
  field: string;
  message: string;
  type: FieldErrorType;
}

/** An error a caller can act on: bad input, a missing entity, a conflict, a missing permission. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Bad input: one or more fields failed validation. */
export function validationError(fields: readonly FieldError[], message?: string): DomainError {
  return new DomainError(
    'input_validation',
    message ??
      (fields.length === 1 ? `${fields[0]!.field}: ${fields[0]!.message}` : 'Input validation failed.'),
    fields,
  );
}

/** A referenced entity does not exist (in the caller's workspace). */
export function notFoundError(field: string, what: string): DomainError {
  return new DomainError('not_found', `${what} not found.`, [
    { field, message: `${what} not found.`, type: 'NOT_FOUND' },
  ]);
}

/** The caller lacks a permission. The message names it, exactly as Plain words it. */
export function forbiddenError(permission: string): DomainError {
  return new DomainError('forbidden', `Insufficient permissions, missing "${permission}".`);
}
