/**
 * Issue 7, bad input: at least 10,000 generated hostile or broken requests against a server process
 * of its own. Every answer is below 500, JSON, and either data or errors with an `extensions.code`;
 * the process logs no error, is still alive, and serves a normal request afterwards.
 * FUZZ_SEED reproduces a run; FUZZ_RUNS changes its size.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApiKey, type ServerProcess, spawnServer } from '../support/server-process.js';
import { reportSuite } from '../support/suite-results.js';
import { createTestDbLocation, type TestDbLocation } from '../support/test-db.js';
import { type FuzzRequest, fuzzRequest } from './fuzz-requests.js';

const RUNS = Number(process.env.FUZZ_RUNS || 10_240);
const SEED = Number(process.env.FUZZ_SEED || Date.now() % 2 ** 31);
const CONCURRENCY = 16;

let location: TestDbLocation;
let server: ServerProcess;
const apiKey = newApiKey();
beforeAll(async () => {
  location = await createTestDbLocation();
  server = await spawnServer(location.env, apiKey);
});
afterAll(async () => {
  await server?.kill();
  await location?.drop();
});

async function send(request: FuzzRequest): Promise<{ status: number; text: string; type: string }> {
  const headers: Record<string, string> = { authorization: `Bearer ${apiKey}` };
  if (request.contentType !== null) headers['content-type'] = request.contentType;
  // A string body would make fetch add text/plain; bytes go without a content type.
  const body =
    typeof request.body === 'string' && request.contentType === null
      ? Buffer.from(request.body)
      : request.body;
  const res = await fetch(`${server.url}/graphql/v1${request.search}`, {
    method: request.method,
    headers,
    body,
  });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') ?? '' };
}

/** Why an answer is not acceptable, or null when it is. */
function judge(answer: { status: number; text: string; type: string }): string | null {
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  if (!answer.type.includes('application/json')) return `content type ${answer.type}`;
  let body: any;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return 'not JSON';
  }
  if (answer.status === 200) {
    if (body?.data == null) return '200 without data';
    if (body.errors) return '200 with errors';
    return null;
  }
  const errors = body?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return `HTTP ${answer.status} without errors`;
  const unclear = errors.find(
    (e: any) => typeof e?.message !== 'string' || typeof e?.extensions?.code !== 'string',
  );
  return unclear ? `HTTP ${answer.status} with an error lacking message or code` : null;
}

describe('fuzz', () => {
  it(`answers ${RUNS} generated bad requests with a clear 4xx (or data), never 5xx, and keeps serving`, async () => {
    const requests = fc.sample(fuzzRequest, { numRuns: RUNS, seed: SEED });
    const failures: { kind: string; reason: string; request: string; answer: string }[] = [];
    const kinds = new Map<string, number>();
    let next = 0;
    const started = performance.now();
    async function worker() {
      while (next < requests.length) {
        const request = requests[next++]!;
        kinds.set(request.kind.split(' ')[0]!, (kinds.get(request.kind.split(' ')[0]!) ?? 0) + 1);
        let reason: string | null;
        let answer = '';
        try {
          const res = await send(request);
          answer = `${res.status} ${res.text.slice(0, 300)}`;
          reason = judge(res);
        } catch (error) {
          // Fastify answers 413 as soon as Content-Length is over the limit and closes the connection;
          // a client still uploading may see the reset before the answer (http-contract.test.ts reads it).
          reason = request.kind === 'oversized body' ? null : `no answer: ${(error as Error).message}`;
        }
        if (reason) {
          const shown =
            typeof request.body === 'string' ? request.body : `<${request.body?.length ?? 0} bytes>`;
          failures.push({
            kind: request.kind,
            reason,
            request: `${request.search} ${shown.slice(0, 300)}`,
            answer,
          });
        }
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    reportSuite('fuzz', requests.length - failures.length, failures.length);
    console.log(
      `fuzz: seed ${SEED}, ${seconds.toFixed(1)} s, ${Math.round(requests.length / seconds)} req/s; ` +
        [...kinds].map(([k, n]) => `${k} ${n}`).join(', '),
    );

    const groups = new Map<string, (typeof failures)[number] & { count: number }>();
    for (const f of failures) {
      const key = `${f.kind}: ${f.reason}`;
      const group = groups.get(key);
      if (group) group.count++;
      else groups.set(key, { ...f, count: 1 });
    }
    for (const [key, g] of groups)
      console.log(`fuzz failure x${g.count} ${key}\n  sent ${g.request}\n  got ${g.answer}`);

    // The process is alive, logged no error, and serves the official client.
    expect(server.child.exitCode).toBeNull();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const workspace = await server.client.getMyWorkspace();
    expect(workspace.error).toBeUndefined();
    expect(workspace.data?.id).toMatch(/^w_/);
    const errorLines = server
      .output()
      .split('\n')
      .filter((line) => /"level":(50|60)/.test(line));
    expect(errorLines.slice(0, 3)).toEqual([]);
    expect(failures.slice(0, 5)).toEqual([]);
  }, 180_000);
});
