import type { DomainError, ErrorCode, FieldError } from '../../domain/errors.js';

/** Plain's MutationErrorType. */
export type MutationErrorType = 'VALIDATION' | 'FORBIDDEN' | 'INTERNAL';

/** The MutationError object a mutation output carries. */
export interface MutationErrorShape {
  message: string;
  type: MutationErrorType;
  code: string;
  fields: readonly FieldError[];
}

/**
 * The one mapping from domain error codes to MutationError types. Typed over every ErrorCode, so a
 * code added without a mapping does not compile.
 */
const ERROR_TYPES: { readonly [C in ErrorCode]: MutationErrorType } = {
  input_validation: 'VALIDATION',
  forbidden: 'FORBIDDEN',
  not_found: 'VALIDATION',
  internal: 'INTERNAL',
  customer_already_exists_with_email: 'VALIDATION',
  customer_already_exists_with_external_id: 'VALIDATION',
  thread_already_exists_with_external_id: 'VALIDATION',
  event_already_exists_with_external_id: 'VALIDATION',
  label_type_already_exists_with_external_id: 'VALIDATION',
  thread_field_schema_already_exists_with_key: 'VALIDATION',
  cannot_add_label_using_archived_label_type: 'VALIDATION',
  label_type_already_archived: 'VALIDATION',
  label_with_given_type_already_added_to_thread: 'VALIDATION',
  required_thread_fields_missing: 'VALIDATION',
  too_many_webhook_targets: 'VALIDATION',
};

/** Turns a domain error into the MutationError a mutation output carries. */
export function toMutationError(error: DomainError): MutationErrorShape {
  return { message: error.message, type: ERROR_TYPES[error.code], code: error.code, fields: error.fields };
}
