import { describe, expect, it } from 'vitest';
import type { validationError } from '../errors.js';
import { FieldErrors } from '../validation.js';
import { checkThreadFieldValue, type ThreadFieldValueInput } from './thread-field-value.js';

function check(
  type: ThreadFieldValueInput['type'],
  input: Omit<ThreadFieldValueInput, 'type'>,
  enumValues: string[] = [],
) {
  const errors = new FieldErrors();
  const value = checkThreadFieldValue({ key: 'k', type, enumValues }, { type, ...input }, (m) => m, errors);
  try {
    errors.throwIfAny();
    return { value, fields: [] };
  } catch (error) {
    return { value, fields: (error as ReturnType<typeof validationError>).fields };
  }
}

describe('checkThreadFieldValue', () => {
  it('takes a CURRENCY as a number', () => {
    expect(check('CURRENCY', { numberValue: 9.99 }).value).toMatchObject({
      numberValue: 9.99,
      stringValue: null,
    });
  });

  it('refuses a value in another type’s member', () => {
    expect(check('BOOL', { booleanValue: true, stringValue: 'yes' }).fields).toEqual([
      {
        field: 'stringValue',
        message: 'A BOOL field takes booleanValue, not stringValue.',
        type: 'VALIDATION',
      },
    ]);
  });

  it('refuses a blank string as missing', () => {
    expect(check('STRING', { stringValue: '  ' }).fields).toEqual([
      { field: 'stringValue', message: 'Required', type: 'REQUIRED' },
    ]);
  });

  it('refuses an ENUM value outside the schema’s values', () => {
    expect(check('ENUM', { stringValue: 'c' }, ['a', 'b']).fields[0]).toMatchObject({
      message: 'Must be one of: a, b.',
    });
  });

  it('reads a DATE with an offset as its instant', () => {
    expect(check('DATE', { dateValue: '2027-01-31T01:00:00+01:00' }).value?.dateValue?.toISOString()).toBe(
      '2027-01-31T00:00:00.000Z',
    );
  });
});
