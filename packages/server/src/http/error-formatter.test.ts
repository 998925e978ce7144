import type { FastifyBaseLogger } from 'fastify';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../graphql/common/api-error.js';
import { formatGraphQLErrors } from './error-formatter.js';

function logger() {
  return { error: vi.fn() } as unknown as FastifyBaseLogger & { error: ReturnType<typeof vi.fn> };
}

describe('formatGraphQLErrors', () => {
  it('answers a variable error (no path, no original error) as the request’s fault: 400 BAD_USER_INPUT', () => {
    const log = logger();
    const error = new GraphQLError('Variable "$input" got invalid value 5.');
    expect(formatGraphQLErrors([error], undefined, log)).toEqual({
      statusCode: 400,
      response: {
        errors: [{ message: error.message, locations: [], extensions: { code: 'BAD_USER_INPUT' } }],
      },
    });
    expect(log.error).not.toHaveBeenCalled();
  });

  it('answers an error graphql raised while executing a field as a masked, logged 500', () => {
    const log = logger();
    const error = new GraphQLError('Cannot return null for non-nullable field Thread.title.', {
      path: ['thread', 'title'],
    });
    expect(formatGraphQLErrors([error], { thread: null }, log)).toEqual({
      statusCode: 500,
      response: {
        data: { thread: null },
        errors: [
          {
            message: 'Internal server error.',
            locations: [],
            path: ['thread', 'title'],
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          },
        ],
      },
    });
    expect(log.error).toHaveBeenCalledOnce();
  });

  it('keeps the status and code of an ApiError', () => {
    const error = new GraphQLError('Insufficient permissions, missing "thread:read".', {
      path: ['thread'],
      originalError: new ApiError('FORBIDDEN', 'Insufficient permissions, missing "thread:read".', 403),
    });
    expect(formatGraphQLErrors([error], { thread: null }, logger()).statusCode).toBe(403);
  });
});
