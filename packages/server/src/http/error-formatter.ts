import type { FastifyBaseLogger } from 'fastify';
import type { GraphQLError } from 'graphql';
import { ApiError, type ApiErrorCode } from '../graphql/common/api-error.js';

/** A GraphQL error as Threadline sends it: `locations` and `extensions.code` always present. */
interface WireError {
  message: string;
  locations: readonly { line: number; column: number }[];
  path?: readonly (string | number)[];
  extensions: { code: ApiErrorCode };
}

function wire(error: GraphQLError | Error, code: ApiErrorCode, message = error.message): WireError {
  const graphqlError = error as Partial<GraphQLError>;
  return {
    message,
    locations: graphqlError.locations ?? [],
    ...(graphqlError.path ? { path: graphqlError.path } : {}),
    extensions: { code },
  };
}

/** The code of an error graphql-js found in the document or variables, before execution. */
function requestErrorCode(error: Error): ApiErrorCode {
  // graphql's parse gives up at the token limit (http/query-limits.ts) with this message.
  if (error.message.endsWith('tokens. Parsing aborted.')) return 'QUERY_TOO_LARGE';
  if (error.message.startsWith('Syntax Error')) return 'GRAPHQL_PARSE_FAILED';
  if (error.message.startsWith('Variable "$')) return 'BAD_USER_INPUT';
  return 'GRAPHQL_VALIDATION_FAILED';
}

/**
 * A 4xx error Fastify or Mercurius raised before GraphQL ran: bad JSON, wrong content type, body too
 * large, no query in the body.
 */
function isRequestError(error: unknown): error is Error & { code: string; statusCode: number } {
  const e = error as { code?: unknown; statusCode?: unknown };
  return (
    typeof e?.code === 'string' &&
    /^(FST_|MER_ERR_)/.test(e.code) &&
    typeof e.statusCode === 'number' &&
    e.statusCode >= 400 &&
    e.statusCode < 500
  );
}

/**
 * Formats every GraphQL answer that has errors, as contract §1 and §10 require: 400 for parse and
 * validation errors, 401/403 for auth, 500 (masked and logged) for the unexpected. Never 200 with
 * errors, so the official SDK never reads `data: null` as success.
 */
export function formatGraphQLErrors(
  errors: readonly GraphQLError[],
  data: unknown,
  log: FastifyBaseLogger,
): { statusCode: number; response: { data?: unknown; errors: WireError[] } } {
  const out: WireError[] = [];
  let statusCode = 400;
  let unexpected = false;
  for (const error of errors) {
    const original = error.originalError as (Error & { errors?: unknown }) | undefined;
    if (original && Array.isArray(original.errors)) {
      // Mercurius wraps parse, validation and variable errors in one MER_ERR_GQL_VALIDATION.
      for (const inner of original.errors as GraphQLError[]) out.push(wire(inner, requestErrorCode(inner)));
    } else if (original instanceof ApiError) {
      out.push(wire(error, original.code));
      statusCode = Math.max(statusCode, original.statusCode);
    } else if (isRequestError(original)) {
      out.push(wire(error, 'BAD_REQUEST', original.message));
      statusCode = Math.max(statusCode, original.statusCode);
    } else if (!original && !error.path) {
      // graphql-jit reports variable coercion errors without an original error, and without a path:
      // they concern the request, not a field.
      out.push(wire(error, requestErrorCode(error)));
    } else {
      // A resolver's own error, or one graphql raised while executing a field (a null in a
      // non-null field): the server's fault either way.
      unexpected = true;
      log.error({ err: original ?? error }, 'unexpected error while resolving');
      out.push(wire(error, 'INTERNAL_SERVER_ERROR', 'Internal server error.'));
    }
  }
  if (unexpected) statusCode = 500;
  return { statusCode, response: data == null ? { errors: out } : { data, errors: out } };
}
