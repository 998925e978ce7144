/**
 * `npm run bench:webhooks`: how fast Threadline delivers webhooks, printed (a measurement, not a
 * test). For PGlite and PostgreSQL: 1,000 createThread calls (16 at a time, through the official
 * SDK) with a target subscribed to thread.thread_created on a local receiver, then
 *  - delivered events per second (first event written to last one received),
 *  - delay from the change (the event's timestamp, taken in the change's transaction) to its
 *    arrival at the receiver: p50, p99, max,
 *  - createThread throughput with the target beside the same without one (what the outbox costs),
 *  - the ceiling: the same 1,000 bodies POSTed straight to the receiver, 16 at a time, from here.
 * Environment: BENCH_WEBHOOK_EVENTS (default 1000), BENCH_DATABASE_URL (as `npm run bench`).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlainClient } from '@team-plain/typescript-sdk';
import { type ChildServer, startChildServer } from './child-server.js';
import { createBenchDatabase, redact } from './postgres.js';
import { printLine } from './report.js';

const EVENTS = Math.max(10, Number(process.env.BENCH_WEBHOOK_EVENTS || 1000));
const CONCURRENCY = 16;
const adminDatabaseUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const apiKey = `threadlineBench_${randomBytes(24).toString('base64url')}`;
const cleanups: Array<() => Promise<void>> = [];

/** A receiver that answers 204 at once and notes when each event arrived. */
async function startReceiver() {
  const arrivals = new Map<string, { at: number; timestamp: number; body: string }>();
  let waiting: { count: number; resolve: () => void } | null = null;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const at = Date.now();
      const body = Buffer.concat(chunks).toString('utf8');
      res.statusCode = 204;
      res.end();
      try {
        const event = JSON.parse(body) as { id: string; timestamp: string };
        if (!arrivals.has(event.id))
          arrivals.set(event.id, { at, timestamp: Date.parse(event.timestamp), body });
      } catch {
        // The ceiling run posts the same body again; nothing to note.
      }
      if (waiting && arrivals.size >= waiting.count) waiting.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    arrivals,
    until(count: number, timeoutMs: number): Promise<boolean> {
      if (arrivals.size >= count) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        waiting = {
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(true);
          },
        };
      });
    },
  };
}

/** Runs `count` calls of `task`, `CONCURRENCY` at a time; returns the seconds it took. */
async function runPool(count: number, task: (i: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const f = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

async function measure(engine: string, env: Record<string, string>, ceilingPerSec: number): Promise<void> {
  const server: ChildServer = await startChildServer('packages/server/src/main.ts', {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    THREADLINE_API_KEY: apiKey,
    DATABASE_URL: '',
    THREADLINE_DATA_DIR: '',
    ...env,
  });
  cleanups.push(server.stop);
  const client = new PlainClient({ apiKey, apiUrl: `${server.url}/graphql/v1` });
  const customer = await client.upsertCustomer({
    identifier: { emailAddress: 'bench@example.com' },
    onCreate: { fullName: 'Bench', email: { email: 'bench@example.com', isVerified: true } },
    onUpdate: {},
  });
  const customerId = customer.data!.customer.id;
  const createThread = async (i: number) => {
    const res = await client.createThread({
      title: `Bench thread ${i}`,
      customerIdentifier: { customerId },
      components: [{ componentText: { text: 'Something broke' } }],
    });
    if (res.error) throw new Error(res.error.message);
  };

  const bare = await runPool(EVENTS, createThread);
  const receiver = await startReceiver();
  const target = await client.createWebhookTarget({
    url: receiver.url,
    description: 'bench',
    isEnabled: true,
    eventSubscriptions: [{ eventType: 'thread.thread_created' }],
  });
  if (target.error) throw new Error(target.error.message);
  const withTarget = await runPool(EVENTS, createThread);
  const writesEnded = Date.now();
  const complete = await receiver.until(EVENTS, 120_000);

  const arrivals = [...receiver.arrivals.values()];
  const delays = arrivals.map((a) => a.at - a.timestamp).sort((a, b) => a - b);
  const firstWritten = Math.min(...arrivals.map((a) => a.timestamp));
  const lastArrived = Math.max(...arrivals.map((a) => a.at));
  const deliveredPerSec = arrivals.length / ((lastArrived - firstWritten) / 1000);
  printLine(`${engine}`);
  printLine(
    `  createThread without a target: ${f.format(EVENTS / bare)}/s; with one: ${f.format(EVENTS / withTarget)}/s (${((bare / withTarget) * 100).toFixed(0)}%)`,
  );
  printLine(
    `  delivered: ${f.format(arrivals.length)} of ${f.format(EVENTS)}${complete ? '' : ' (TIMED OUT)'}, ${f.format(deliveredPerSec)} events/s` +
      ` (${((deliveredPerSec / ceilingPerSec) * 100).toFixed(0)}% of the ceiling)`,
  );
  printLine(
    `  delay from change to delivery: p50 ${f.format(percentile(delays, 50))} ms, p99 ${f.format(percentile(delays, 99))} ms,` +
      ` max ${f.format(delays.at(-1)!)} ms`,
  );
  const afterWrites = arrivals.filter((a) => a.at > writesEnded);
  if (afterWrites.length >= 50) {
    const drainSeconds = (lastArrived - writesEnded) / 1000;
    printLine(
      `  after the writes ended: ${f.format(afterWrites.length)} events delivered in ${drainSeconds.toFixed(2)} s` +
        ` (${f.format(afterWrites.length / Math.max(drainSeconds, 0.001))}/s with nothing else to do)`,
    );
  }
  printLine(`  payload size: ${f.format(Buffer.byteLength(arrivals[0]!.body))} bytes`);
  const step = cleanups.indexOf(server.stop);
  if (step >= 0) cleanups.splice(step, 1);
  await server.stop();
}

/** The ceiling: POSTing the same bodies straight to a receiver from here. */
async function measureCeiling(): Promise<number> {
  const receiver = await startReceiver();
  const body = JSON.stringify({ id: 'x', timestamp: new Date().toISOString(), pad: 'x'.repeat(2500) });
  const seconds = await runPool(EVENTS, async () => {
    const res = await fetch(receiver.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await res.arrayBuffer();
  });
  const perSec = EVENTS / seconds;
  printLine(
    `Ceiling: ${f.format(EVENTS)} POSTs straight to the receiver, ${CONCURRENCY} at a time: ${f.format(perSec)}/s`,
  );
  return perSec;
}

async function main(): Promise<void> {
  printLine(
    `Threadline webhook benchmark: ${f.format(EVENTS)} thread.thread_created events, ${CONCURRENCY} writers`,
  );
  printLine();
  const ceiling = await measureCeiling();
  printLine();
  const dataDir = await mkdtemp(join(tmpdir(), 'threadline-bench-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  await measure('PGlite', { THREADLINE_DATA_DIR: dataDir }, ceiling);
  printLine();
  const created = await createBenchDatabase(adminDatabaseUrl);
  if (!created.ok) {
    printLine(`PostgreSQL: skipped, unreachable: ${created.reason}`);
    return;
  }
  cleanups.push(created.db.drop);
  await measure('PostgreSQL', { DATABASE_URL: created.db.url }, ceiling);
  printLine(`  (database ${created.db.name} on ${redact(adminDatabaseUrl)}, dropped at the end)`);
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  printLine(`bench failed: ${(error as Error).stack ?? String(error)}`);
} finally {
  for (let step = cleanups.pop(); step; step = cleanups.pop()) await step().catch(() => {});
}
