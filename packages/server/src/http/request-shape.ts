import type { FastifyRequest } from 'fastify';
import { ApiError } from '../graphql/common/api-error.js';

/**
 * A preValidation hook of the GraphQL routes: GET's `variables` must be a JSON object (or absent).
 * Mercurius parses a non-empty one, but passes an empty string on to graphql-js, whose execute()
 * then throws an assertion, which would be a 500. POST bodies are checked by Mercurius's schema.
 */
export async function refuseMalformedGetVariables(request: FastifyRequest): Promise<void> {
  if (request.method !== 'GET') return;
  const variables = (request.query as { variables?: unknown } | undefined)?.variables;
  if (variables === undefined) return;
  let parsed: unknown;
  try {
    parsed = typeof variables === 'string' ? JSON.parse(variables) : variables;
  } catch {
    parsed = undefined;
  }
  if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
    throw new ApiError('BAD_USER_INPUT', 'The "variables" parameter must be a JSON object.', 400);
  }
}
