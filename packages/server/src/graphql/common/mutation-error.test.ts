import { describe, expect, it } from 'vitest';
import { DomainError, forbiddenError } from '../../domain/errors.js';
import { toMutationError } from './mutation-error.js';

describe('toMutationError', () => {
  it('maps forbidden to FORBIDDEN with Plain’s message', () => {
    expect(toMutationError(forbiddenError('thread:create'))).toEqual({
      message: 'Insufficient permissions, missing "thread:create".',
      type: 'FORBIDDEN',
      code: 'forbidden',
      fields: [],
    });
  });

  it('keeps the code and fields of a validation error', () => {
    const error = new DomainError('not_found', 'Customer not found.', [
      { field: 'customerId', message: 'x', type: 'NOT_FOUND' },
    ]);
    expect(toMutationError(error)).toEqual({
      message: 'Customer not found.',
      type: 'VALIDATION',
      code: 'not_found',
      fields: [{ field: 'customerId', message: 'x', type: 'NOT_FOUND' }],
    });
  });
});
