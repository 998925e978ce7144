/**
 * Turns one HTTP answer into data or a typed error. Every status has an answer here, so nothing the
 * server sends makes the client throw (Plain's SDK throws a TypeError on a 429 or a 200 with `data: null`).
 */
import type { GraphQLErrorPayload, ThreadlineError } from '../errors.js';
import type { Result } from '../result.js';

/** A successful answer: the response's `data`, and the request id to put on errors found inside it. */
export interface ResponseData {
  data: Record<string, unknown>;
  requestId?: string;
}

const AUTHENTICATION_FAILED = 'Authentication failed. Please check the provided API key.';

/** Classifies an answer from its status, headers and body text (the body may not be JSON). */
export function classifyResponse(status: number, headers: Headers, bodyText: string): Result<ResponseData> {
  const body = parseJson(bodyText);
  const requestId = headers.get('apigw-requestid') ?? undefined;
  const graphqlErrors = errorsOf(body);
  const firstMessage = graphqlErrors[0]?.message;
  const fail = (error: ThreadlineError): Result<ResponseData> => ({
    error: requestId === undefined ? error : { ...error, requestId },
  });

  if (status === 401 || status === 403) {
    return fail({ type: 'forbidden', message: firstMessage ?? AUTHENTICATION_FAILED });
  }
  if (status === 400) {
    return fail({
      type: 'bad_request',
      message: firstMessage ?? 'Malformed query, missing or invalid arguments provided.',
      graphqlErrors,
    });
  }
  if (status === 429) {
    return fail({
      type: 'rate_limited',
      message: firstMessage ?? 'Too many requests.',
      resetAt: parseReset(headers.get('x-ratelimit-reset') ?? headers.get('retry-after')),
      limit: parseCount(headers.get('x-ratelimit-limit')),
      remaining: parseCount(headers.get('x-ratelimit-remaining')),
    });
  }
  if (status >= 500) {
    return fail({ type: 'internal_server_error', message: firstMessage ?? 'Internal server error.', status });
  }
  if (status < 200 || status > 299) {
    return fail({
      type: 'unknown',
      message: firstMessage ?? `Unexpected HTTP status ${status}.`,
      status,
      graphqlErrors,
    });
  }
  if (body === undefined) {
    return fail({ type: 'unknown', message: 'The response body is not JSON.', status });
  }
  const data = (body as { data?: unknown }).data;
  if (data === null || typeof data !== 'object') {
    return fail({
      type: 'unknown',
      message: firstMessage ?? 'The response has no data.',
      status,
      graphqlErrors,
    });
  }
  return {
    data:
      requestId === undefined
        ? { data: data as Record<string, unknown> }
        : { data: data as Record<string, unknown>, requestId },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorsOf(body: unknown): GraphQLErrorPayload[] {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter((e): e is GraphQLErrorPayload => typeof e?.message === 'string');
}

/**
 * `x-ratelimit-reset` is an ISO date at Plain; other servers send Unix seconds or, as `retry-after`,
 * a number of seconds to wait. All three are read.
 */
export function parseReset(value: string | null, now = Date.now()): Date | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const n = Number(trimmed);
    if (n >= 1e12) return new Date(n); // milliseconds since the epoch
    if (n >= 1e9) return new Date(n * 1000); // seconds since the epoch
    return new Date(now + n * 1000); // seconds from now
  }
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : new Date(at);
}

function parseCount(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value);
}
