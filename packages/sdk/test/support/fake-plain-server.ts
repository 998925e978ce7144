/**
 * A tiny real HTTP server on 127.0.0.1 that answers every request the way a test tells it to, and
 * counts the requests. For what Threadline's server does not produce on demand: a 429 (it has no
 * rate limiter yet), a 5xx, a 200 with `data: null`. Answers mimic Plain's (contract §1).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake answers: a status, headers and a body (an object is sent as JSON). */
export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

/** A running fake server. */
export interface FakeServer {
  url: string;
  /** The requests received so far, parsed. */
  requests: { headers: IncomingHttpHeaders; body: { query: string; variables: unknown } }[];
  close(): Promise<void>;
}

/** Plain's rate-limit answer (help-center article), with the reset time it sends. */
export function rateLimitedAnswer(resetAt: Date): FakeAnswer {
  return {
    status: 429,
    headers: {
      'x-ratelimit-limit': '450',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': resetAt.toISOString(),
    },
    body: {
      errors: [{ message: 'Too Many Requests - Rate limit exceeded', extensions: { code: 'RATE_LIMITED' } }],
    },
  };
}

/** Starts a fake whose n-th request (from 0) gets `answer(n)`. */
export async function startFakeServer(answer: (requestIndex: number) => FakeAnswer): Promise<FakeServer> {
  const requests: FakeServer['requests'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      const { status, headers = {}, body } = answer(requests.length - 1);
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const contentType = typeof body === 'string' ? 'text/html' : 'application/json';
      res.writeHead(status, {
        'content-type': contentType,
        'apigw-requestid': `req-${requests.length}`,
        ...headers,
      });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql/v1`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A URL on 127.0.0.1 where nothing listens: a port taken and released again. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/graphql/v1`;
}
