import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { PlainClient } from '@team-plain/typescript-sdk';

const MAIN = resolve(import.meta.dirname, '../../src/main.ts');

/** Threadline running as its own process (`threadline serve`), as a deployment runs it. */
export interface ServerProcess {
  url: string;
  client: PlainClient;
  child: ChildProcess;
  /** Everything the process wrote, for a failing test's message. */
  output(): string;
  /** SIGKILL: no shutdown hooks, no goodbye. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, waiting for a clean exit. */
  stop(): Promise<void>;
}

/** Starts `src/main.ts` on a random port with `env` (a database location, webhook settings, …). */
export async function spawnServer(env: Record<string, string>, apiKey: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      THREADLINE_API_KEY: apiKey,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 60_000);
    const look = () => {
      const match = /listening on (http:\/\/\S+) /.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => fail(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    client: new PlainClient({ apiKey, apiUrl: `${url}/graphql/v1` }),
    child,
    output: () => output,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A random API key for processes started together (the first start makes it the bootstrap key). */
export function newApiKey(): string {
  return `test_${randomBytes(16).toString('hex')}`;
}
