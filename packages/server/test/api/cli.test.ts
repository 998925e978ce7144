/** `threadline create-workspace`: a second workspace with its own key, from the command line. */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { newApiKey, spawnServer } from '../support/server-process.js';
import { createTestDbLocation, type TestDbLocation } from '../support/test-db.js';

const run = promisify(execFile);
const MAIN = resolve(import.meta.dirname, '../../src/main.ts');
let location: TestDbLocation;

afterAll(() => location?.drop());

describe('threadline create-workspace', () => {
  it('prints a key that works on its own workspace only', async () => {
    location = await createTestDbLocation();
    const env = { ...process.env, ...location.env, LOG_LEVEL: 'silent' };
    // The first start makes the first workspace; with PGlite the server must be stopped for the CLI.
    const firstKey = newApiKey();
    const first = await spawnServer(location.env, firstKey);
    await first.stop();
    const firstPassword = /Sign in at http:\S+\/ as admin@localhost with password: (\S+)\n/.exec(
      first.output(),
    )?.[1];
    expect(firstPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const made = await run(
      process.execPath,
      ['--import', 'tsx', MAIN, 'create-workspace', '--name', 'Second desk'],
      { env },
    );
    const workspaceId = /Created workspace (w_\w+) \(Second desk\)/.exec(made.stdout)?.[1];
    const key = /^\s+(threadlineApiKey_\S+)$/m.exec(made.stdout)?.[1];
    const ownerPassword = /owner signs in as admin@localhost with password: (\S+)$/m.exec(made.stdout)?.[1];
    expect(ownerPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(workspaceId).toBeDefined();
    expect(key).toBeDefined();

    const server = await spawnServer(location.env, firstKey);
    try {
      const ask = (apiKey: string) =>
        fetch(`${server.url}/graphql/v1`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
          body: JSON.stringify({ query: '{ myWorkspace { id name } }' }),
        }).then((res) => res.json() as Promise<any>);
      expect((await ask(key!)).data.myWorkspace).toEqual({ id: workspaceId, name: 'Second desk' });
      expect((await ask(firstKey)).data.myWorkspace.id).not.toBe(workspaceId);
      // One email owns both workspaces; each password signs in to its own.
      const signIn = (password: string) =>
        fetch(`${server.url}/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'admin@localhost', password }),
        });
      const cookieOf = (res: Response) => res.headers.getSetCookie()[0]!.split(';')[0]!;
      const askAs = (cookie: string) =>
        fetch(`${server.url}/graphql/v1`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ query: '{ myWorkspace { id } }' }),
        }).then((res) => res.json() as Promise<any>);
      const second = await askAs(cookieOf(await signIn(ownerPassword!)));
      expect(second.data.myWorkspace.id).toBe(workspaceId);
      const original = await askAs(cookieOf(await signIn(firstPassword!)));
      expect(original.data.myWorkspace.id).not.toBe(workspaceId);
      // Printed once: the restart did not print a new password.
      expect(server.output()).not.toContain('with password');
    } finally {
      await server.stop();
    }
  }, 90_000);

  it('refuses a missing name and an unknown command, with the usage', async () => {
    location ??= await createTestDbLocation();
    const env = { ...process.env, ...location.env };
    for (const args of [['create-workspace'], ['make-coffee']]) {
      const failed = await run(process.execPath, ['--import', 'tsx', MAIN, ...args], { env }).catch((e) => e);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('Usage:');
    }
  }, 60_000);
});
