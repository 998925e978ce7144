/**
 * The built package, as its users get it: `npm run build` into a temp dir, then the ESM and CommonJS
 * bundles loaded through the package's `exports`, run against a live server, and type-checked from an
 * ESM and a CommonJS consumer. The bundles must import nothing (no runtime dependency at all).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverWithDocsFixtures } from '../../server/test/support/seed-servers.js';
import type * as Sdk from '../src/index.js';
import { THREAD_CREATED_SIGNATURE } from './support/official-webhook-examples.js';

const sdkRoot = fileURLToPath(new URL('..', import.meta.url));
let temp: string;
let packageDir: string;
let buildOutput: string;

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'threadline-sdk-package-'));
  packageDir = join(temp, 'node_modules', '@threadline', 'sdk');
  mkdirSync(packageDir, { recursive: true });
  buildOutput = execFileSync(process.execPath, ['scripts/build.mjs'], {
    cwd: sdkRoot,
    env: { ...process.env, SDK_OUT_DIR: join(packageDir, 'dist') },
    encoding: 'utf8',
  });
  cpSync(join(sdkRoot, 'package.json'), join(packageDir, 'package.json'));
}, 120_000);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the built package', () => {
  const server = serverWithDocsFixtures();

  it('prints the minified size of the client', () => {
    expect(buildOutput).toMatch(/@threadline\/sdk: minified client \d+\.\d KiB \(\d+\.\d KiB gzipped\)/);
  });

  it('bundles import nothing: no runtime dependency, not even graphql', () => {
    for (const bundle of ['dist/esm/index.js', 'dist/cjs/index.js']) {
      const code = readFileSync(join(packageDir, bundle), 'utf8');
      expect(code, bundle).not.toMatch(/^\s*import\s|\bimport\(|\brequire\(/m);
    }
  });

  it('runs seed 001 from the ESM build against a live server', async () => {
    const sdk: typeof Sdk = await import(join(packageDir, 'dist/esm/index.js'));
    const client = new sdk.ThreadlineClient({ apiKey: server().apiKey, apiUrl: server().apiUrl });
    const res = await client.createCustomerEvent({
      title: 'API key generated',
      customerIdentifier: { emailAddress: 'jane@acme.com' },
      components: [
        sdk.uiComponent.text({
          text: 'New API key was added with the fingerprint **3b7896975ee9fd15eeb7**.',
        }),
        sdk.uiComponent.spacer({ size: 'M' }),
        sdk.uiComponent.linkButton({ label: 'View in admin', url: 'https://admin.your-app.com' }),
      ],
      externalId: 'package-test',
    });
    expect(res.error).toBeUndefined();
    expect(res.data?.title).toBe('API key generated');
    // The build's compacted documents still page through lists.
    const threads = await client.getThreads({ first: 5 });
    expect(threads.data?.threads.length).toBeGreaterThan(0);
  });

  it('loads through require() from the CommonJS build, webhooks included', async () => {
    const requireFromTemp = createRequire(join(temp, 'consumer.cjs'));
    const sdk = requireFromTemp('@threadline/sdk') as typeof Sdk;
    expect(sdk.ThreadFieldSchemaType.String).toBe('STRING');
    const client = new sdk.ThreadlineClient({ apiKey: server().apiKey, apiUrl: server().apiUrl });
    expect((await client.getMyWorkspace()).data?.__typename).toBe('Workspace');
    const { officialWebhookExample } = await import('./support/official-webhook-examples.js');
    const body = JSON.stringify(officialWebhookExample('thread-created'));
    expect(await sdk.verifyWebhook(body, THREAD_CREATED_SIGNATURE, 'secret')).toBe(true);
  });

  it('type-checks for ESM and CommonJS consumers through the exports map', () => {
    const consumer = `import { ThreadlineClient, ThreadFieldSchemaType, uiComponent, type ThreadlineError } from '@threadline/sdk';
const client = new ThreadlineClient({ apiKey: 'k' });
export async function run(): Promise<string | ThreadlineError> {
  const res = await client.createThread({
    title: 'Bug Report',
    customerIdentifier: { emailAddress: 'jane@acme.com' },
    components: [uiComponent.text({ text: 'x' })],
    threadFields: [{ key: 'k', type: ThreadFieldSchemaType.String, stringValue: 'v' }],
  });
  return res.error ?? res.data.id;
}
`;
    writeFileSync(join(temp, 'esm.mts'), consumer);
    writeFileSync(join(temp, 'cjs.cts'), consumer);
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext'];
    const run = () =>
      execFileSync(process.execPath, [tsc, ...args, '--lib', 'es2022,dom', 'esm.mts', 'cjs.cts'], {
        cwd: temp,
        encoding: 'utf8',
      });
    expect(run).not.toThrow();
  }, 60_000);
});
