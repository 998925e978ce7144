import type { ThreadFieldSchemaRecord } from '../../storage/thread-field-schema-repository.js';
import type { FieldErrors } from '../validation.js';
import { checkThreadFieldValue, type ThreadFieldValueInput } from './thread-field-value.js';

/** Limits of thread field schemas, in one place. */
export const SCHEMA_LIMITS = {
  key: 500,
  label: 500,
  description: 5000,
  enumValues: 100,
  order: 100_000,
} as const;

/** A schema key: letters, digits, `_` and `-`, as Plain's examples (`product_area`). */
export const SCHEMA_KEY_PATTERN = /^[a-zA-Z0-9_-]+$/;

const DEFAULT_FIELD = {
  type: 'type',
  stringValue: 'defaultStringValue',
  booleanValue: 'defaultBooleanValue',
  numberValue: 'defaultNumberValue',
  dateValue: 'defaultDateValue',
} as const;

/**
 * Checks a schema as it would be stored (after create or update) against the rules that span its
 * fields: enum values belong to ENUM only, a default fits the type, a dependency names an existing
 * other schema and one of its values. `defaults` is the default as the caller sent it, if any.
 */
export function checkSchemaRules(
  draft: ThreadFieldSchemaRecord,
  defaults: ThreadFieldValueInput | null,
  dependsOn: ThreadFieldSchemaRecord | null,
  errors: FieldErrors,
): void {
  if (draft.type === 'ENUM' && draft.enumValues.length === 0) {
    errors.add('enumValues', 'An ENUM field needs at least one value.');
  }
  if (draft.type !== 'ENUM' && draft.enumValues.length > 0) {
    errors.add('enumValues', `A ${draft.type} field has no enum values.`);
  }
  if (new Set(draft.enumValues).size !== draft.enumValues.length) {
    errors.add('enumValues', 'Enum values must be distinct.');
  }
  if (defaults) checkThreadFieldValue(draft, defaults, (member) => DEFAULT_FIELD[member], errors, true);
  if (draft.dependsOnThreadField) {
    const field = 'dependsOnThreadField.threadFieldSchemaId';
    if (!dependsOn || dependsOn.id === draft.id) {
      errors.add(field, 'Thread field schema not found.', 'NOT_FOUND');
    } else {
      const value = draft.dependsOnThreadField.threadFieldSchemaValue;
      const allowed =
        dependsOn.type === 'ENUM'
          ? dependsOn.enumValues
          : dependsOn.type === 'BOOL'
            ? ['true', 'false']
            : null;
      if (allowed && !allowed.includes(value)) {
        errors.add('dependsOnThreadField.threadFieldSchemaValue', `Must be one of: ${allowed.join(', ')}.`);
      }
    }
  }
}
