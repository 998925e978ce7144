/** Load generation with autocannon's programmatic API: one warm-up run, then one measured run. */
import autocannon from 'autocannon';

/** One request that every connection repeats. */
export interface LoadSpec {
  /** The server's base URL. */
  url: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** A fixed body, or a function called for every request (e.g. for a unique externalId). */
  body?: string | (() => string);
  /**
   * Whether a 2xx response body is a success. GraphQL reports many failures with status 200
   * (a MutationError in `error`), and those must count as errors too.
   */
  isSuccess?: (body: string) => boolean;
}

/** How hard and how long to load. */
export interface LoadOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

/** What a measured run produced. */
export interface LoadResult {
  /** Mean of autocannon's per-second samples, as its own report shows. */
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses received. */
  responses: number;
  /** Socket errors and timeouts, non-2xx responses and 2xx bodies that were not a success. */
  errors: number;
  socketErrors: number;
  non2xx: number;
  failedBodies: number;
  /** Count of each non-2xx status, e.g. { '400': 12 }. */
  non2xxByStatus: Record<string, number>;
  /** The first failed response, status and start of its body, for the report. */
  firstFailure: string | null;
}

/**
 * Warms the server up (JIT, graphql-jit's compiled query, pools), then measures. Several specs (of
 * one server) make a mix: each connection sends them in turn, so their shares are their counts.
 */
export async function measureLoad(spec: LoadSpec | LoadSpec[], options: LoadOptions): Promise<LoadResult> {
  const specs = Array.isArray(spec) ? spec : [spec];
  if (options.warmupSeconds > 0) {
    await runLoad(specs, options.connections, options.warmupSeconds);
    await settle();
  }
  return runLoad(specs, options.connections, options.seconds);
}

/**
 * Waits for the requests a run abandons at its end to be answered. Otherwise the next run's first
 * requests queue behind them: on PGlite (one connection) that cost seconds, and timeouts.
 */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 3000));
}

async function runLoad(specs: LoadSpec[], connections: number, seconds: number): Promise<LoadResult> {
  const non2xxByStatus: Record<string, number> = {};
  let failedBodies = 0;
  let firstFailure: string | null = null;
  const toRequest = (spec: LoadSpec): autocannon.Request => {
    const { body } = spec;
    return {
      method: spec.method,
      path: spec.path,
      headers: spec.headers ?? {},
      ...(typeof body === 'string' ? { body } : {}),
      ...(typeof body === 'function' ? { setupRequest: (req) => ({ ...req, body: body() }) } : {}),
      onResponse: (status, responseBody) => {
        const is2xx = status >= 200 && status < 300;
        if (!is2xx) non2xxByStatus[status] = (non2xxByStatus[status] ?? 0) + 1;
        else if (spec.isSuccess && !spec.isSuccess(responseBody)) failedBodies++;
        else return;
        firstFailure ??= `HTTP ${status}: ${responseBody.slice(0, 300)}`;
      },
    };
  };

  const result = await autocannon({
    url: specs[0]!.url,
    connections,
    duration: seconds,
    requests: specs.map(toRequest),
  });
  return {
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    responses: result.requests.total,
    errors: result.errors + result.non2xx + failedBodies,
    socketErrors: result.errors,
    non2xx: result.non2xx,
    failedBodies,
    non2xxByStatus,
    firstFailure,
  };
}
