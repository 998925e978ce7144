import type {
  ThreadFieldSchemaRecord,
  ThreadFieldType,
} from '../../storage/thread-field-schema-repository.js';
import type { FieldErrors } from '../validation.js';
import { isoDateTime } from '../validation.js';

/** The longest string a STRING thread field holds. */
export const THREAD_FIELD_STRING_LENGTH = 10_000;

/** A thread field value as the API sends it (CreateThreadFieldOnThreadInput, UpsertThreadFieldInput). */
export interface ThreadFieldValueInput {
  type: ThreadFieldType;
  stringValue?: string | null;
  booleanValue?: boolean | null;
  numberValue?: number | null;
  dateValue?: string | null;
}

/** A value that passed its schema, ready to store. */
export interface ThreadFieldValue {
  type: ThreadFieldType;
  stringValue: string | null;
  booleanValue: boolean | null;
  numberValue: number | null;
  dateValue: Date | null;
}

/** Which input member carries the value of each type. */
const VALUE_MEMBER: Record<ThreadFieldType, keyof Omit<ThreadFieldValueInput, 'type'>> = {
  STRING: 'stringValue',
  ENUM: 'stringValue',
  BOOL: 'booleanValue',
  NUMBER: 'numberValue',
  CURRENCY: 'numberValue',
  DATE: 'dateValue',
};

/**
 * Checks a value against its schema: the type matches, the right member is set and valid (an
 * allowed enum value, a finite number, an ISO date-time), and no other member is set. Adds field
 * errors named by `fieldOf(member)` and returns null when it fails. With `isOptional` (a schema's
 * default) a missing value is no error.
 */
export function checkThreadFieldValue(
  schema: Pick<ThreadFieldSchemaRecord, 'key' | 'type' | 'enumValues'>,
  input: ThreadFieldValueInput,
  fieldOf: (member: keyof ThreadFieldValueInput) => string,
  errors: FieldErrors,
  isOptional = false,
): ThreadFieldValue | null {
  if (input.type !== schema.type) {
    errors.add(fieldOf('type'), `The field "${schema.key}" is of type ${schema.type}, not ${input.type}.`);
    return null;
  }
  const member = VALUE_MEMBER[schema.type];
  let ok = true;
  for (const other of ['stringValue', 'booleanValue', 'numberValue', 'dateValue'] as const) {
    if (other !== member && input[other] != null) {
      errors.add(fieldOf(other), `A ${schema.type} field takes ${member}, not ${other}.`);
      ok = false;
    }
  }
  const raw = input[member];
  if (raw == null) {
    if (!isOptional) errors.add(fieldOf(member), 'Required', 'REQUIRED');
    return null;
  }
  const value: ThreadFieldValue = {
    type: schema.type,
    stringValue: null,
    booleanValue: null,
    numberValue: null,
    dateValue: null,
  };
  switch (schema.type) {
    case 'STRING':
    case 'ENUM': {
      const s = raw as string;
      if (s.trim().length === 0) {
        errors.add(fieldOf('stringValue'), 'Required', 'REQUIRED');
        return null;
      }
      if (s.length > THREAD_FIELD_STRING_LENGTH) {
        errors.add(fieldOf('stringValue'), `Must have at most ${THREAD_FIELD_STRING_LENGTH} character(s).`);
        return null;
      }
      if (schema.type === 'ENUM' && !schema.enumValues.includes(s)) {
        errors.add(fieldOf('stringValue'), `Must be one of: ${schema.enumValues.join(', ')}.`);
        return null;
      }
      value.stringValue = s;
      break;
    }
    case 'BOOL':
      value.booleanValue = raw as boolean;
      break;
    case 'NUMBER':
    case 'CURRENCY':
      if (!Number.isFinite(raw as number)) {
        errors.add(fieldOf('numberValue'), 'Must be a finite number.');
        return null;
      }
      value.numberValue = raw as number;
      break;
    case 'DATE':
      if (!isoDateTime.safeParse(raw).success) {
        errors.add(fieldOf('dateValue'), 'Must be an ISO 8601 date-time, such as 2024-10-28T18:30:00Z.');
        return null;
      }
      value.dateValue = new Date(raw as string);
      break;
  }
  return ok ? value : null;
}

/** The schema's default as a value, or null when it has none. */
export function defaultValueOf(schema: ThreadFieldSchemaRecord): ThreadFieldValue | null {
  const value: ThreadFieldValue = {
    type: schema.type,
    stringValue: schema.defaultStringValue,
    booleanValue: schema.defaultBooleanValue,
    numberValue: schema.defaultNumberValue,
    dateValue: schema.defaultDateValue,
  };
  const member = VALUE_MEMBER[schema.type];
  const isSet = member === 'dateValue' ? value.dateValue !== null : value[member] !== null;
  return isSet ? value : null;
}
