/** Sends one GraphQL request with `fetch` (the only platform API used: Node >= 20, browsers, edge). */
import type { Result } from '../result.js';
import { classifyResponse, type ResponseData } from './classify-response.js';
import { backoffDelay, isRetryable, type RetryOptions, type RetryPolicy, retryPolicyFrom } from './retry.js';

/** The local server's default address, as `npm start` serves it. */
export const DEFAULT_API_URL = 'http://127.0.0.1:4000/graphql/v1';

/** Options of a ThreadlineClient. */
export interface ClientOptions {
  /**
   * The API key, sent as `Authorization: Bearer <apiKey>`. Left out in a page of Threadline's own web
   * app, where the browser's session cookie authenticates instead.
   */
  apiKey?: string;
  /** The GraphQL endpoint (default http://127.0.0.1:4000/graphql/v1, a local `npm start`). */
  apiUrl?: string;
  /** Retries of idempotent calls on network errors and 5xx; `false` for none. */
  retry?: RetryOptions | false;
  /** Gives up on a request (as a `network` error) after this long; no limit by default. */
  timeoutMs?: number;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** The fetch to use (default the global one), e.g. an instrumented one. */
  fetch?: typeof fetch;
}

/** One request: its text, its variables, and whether sending it twice is harmless. */
export interface GraphQLRequest {
  query: string;
  variables: unknown;
  idempotent: boolean;
}

/** Sends requests for one client. */
export interface Transport {
  send(request: GraphQLRequest): Promise<Result<ResponseData>>;
}

/** A transport for the given client options. */
export function createTransport(options: ClientOptions): Transport {
  const url = options.apiUrl ?? DEFAULT_API_URL;
  const policy = retryPolicyFrom(options.retry);
  const headers = {
    ...options.headers,
    ...(options.apiKey === undefined ? {} : { authorization: `Bearer ${options.apiKey}` }),
    'content-type': 'application/json',
  };
  const sendOnce = async (request: GraphQLRequest): Promise<Result<ResponseData>> => {
    // Resolved per call, so a fetch installed after the client was made (a test's, a polyfill) is used.
    const fetchImpl = options.fetch ?? globalThis.fetch;
    let response: Response;
    let bodyText: string;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: request.query, variables: request.variables ?? null }),
        ...(options.timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(options.timeoutMs) }),
      });
      bodyText = await response.text();
    } catch (cause) {
      return { error: { type: 'network', message: networkMessage(cause), cause } };
    }
    return classifyResponse(response.status, response.headers, bodyText);
  };
  return { send: (request) => sendWithRetries(sendOnce, request, policy) };
}

async function sendWithRetries(
  sendOnce: (request: GraphQLRequest) => Promise<Result<ResponseData>>,
  request: GraphQLRequest,
  policy: RetryPolicy,
): Promise<Result<ResponseData>> {
  for (let attempt = 1; ; attempt++) {
    const result = await sendOnce(request);
    const canRetry = request.idempotent && attempt < policy.maxAttempts;
    if (!result.error || !canRetry || !isRetryable(result.error)) return result;
    await new Promise((resolve) => setTimeout(resolve, backoffDelay(policy, attempt)));
  }
}

function networkMessage(cause: unknown): string {
  if (cause instanceof Error) {
    if (cause.name === 'TimeoutError') return 'The request timed out.';
    // Node's fetch reports ECONNREFUSED and the like as `cause` of a generic "fetch failed".
    const inner = (cause as { cause?: { message?: string } }).cause?.message;
    return inner ? `${cause.message}: ${inner}` : cause.message;
  }
  return 'The request failed before any answer.';
}
