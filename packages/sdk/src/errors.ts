/**
 * Every way a call can fail, as a union on `type`. The client returns these; it never throws for an
 * HTTP answer (Plain's SDK throws a TypeError on a 429 or a 200 with `data: null`).
 */
import type { MutationErrorPartsFragment } from './__generated__/graphql.js';

/** One entry of a GraphQL response's `errors`, as the server sends it. */
export interface GraphQLErrorPayload {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

interface ErrorBase {
  message: string;
  /** The server's request id (`apigw-requestid` header), the one its log lines carry. */
  requestId?: string;
}

/** 401/403: a missing or unknown key, a query without permission, or a mutation error with code `forbidden`. */
export interface ForbiddenError extends ErrorBase {
  type: 'forbidden';
}

/** 400: the document or its variables do not fit the schema. */
export interface BadRequestError extends ErrorBase {
  type: 'bad_request';
  graphqlErrors: GraphQLErrorPayload[];
}

/** The mutation ran and answered `error` (validation, not found, conflict...), with its `fields`. */
export interface MutationError extends ErrorBase {
  type: 'mutation_error';
  errorDetails: MutationErrorPartsFragment;
}

/** 429: too many requests. `resetAt` is when the limit resets (`x-ratelimit-reset`), when the server says. */
export interface RateLimitedError extends ErrorBase {
  type: 'rate_limited';
  resetAt: Date | null;
  limit: number | null;
  remaining: number | null;
}

/** 5xx: the server failed. Retried for idempotent calls before it is returned. */
export interface InternalServerError extends ErrorBase {
  type: 'internal_server_error';
  status: number;
}

/** No HTTP answer at all: connection refused or reset, DNS failure, a timeout. */
export interface NetworkError extends ErrorBase {
  type: 'network';
  cause: unknown;
}

/** An answer the client cannot read: another status, a body that is not JSON, no `data`, no entity. */
export interface UnknownError extends ErrorBase {
  type: 'unknown';
  status?: number;
  graphqlErrors?: GraphQLErrorPayload[];
  err?: unknown;
}

/** Any error a Threadline client call returns, discriminated by `type`. */
export type ThreadlineError =
  | ForbiddenError
  | BadRequestError
  | MutationError
  | RateLimitedError
  | InternalServerError
  | NetworkError
  | UnknownError;

/**
 * Thrown only where a result cannot be returned: by the `iterate` helpers, whose `for await` loop has
 * no other way to report a failed page. `error` is the same union every method returns.
 */
export class ThreadlineRequestError extends Error {
  override readonly name = 'ThreadlineRequestError';
  constructor(readonly error: ThreadlineError) {
    super(`${error.type}: ${error.message}`);
  }
}
