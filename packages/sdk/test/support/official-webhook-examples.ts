/**
 * The webhook example payloads shipped in @team-plain/typescript-sdk 5.12.1's own tests
 * (src/tests/webhook-payloads/*.ts), loaded as objects in their source key order, so that
 * JSON.stringify reproduces the bytes of the SDK's signature test vector.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { transformSync } from 'esbuild';

const examplesDir = join(
  dirname(createRequire(import.meta.url).resolve('@team-plain/typescript-sdk/package.json')),
  'src/tests/webhook-payloads',
);

/** The example names: thread-created, thread-status-transitioned, customer-created, invalid... */
export type OfficialExample =
  | 'thread-created'
  | 'thread-status-transitioned'
  | 'thread-assignment-transitioned'
  | 'customer-created'
  | 'email-received'
  | 'invalid';

/** One example, as the object its `export default` holds. */
export function officialWebhookExample(name: OfficialExample): any {
  const source = readFileSync(join(examplesDir, `${name}.ts`), 'utf8');
  const { code } = transformSync(source, { loader: 'ts', format: 'cjs' });
  const module = { exports: {} as { default?: unknown } };
  new Function('module', 'exports', code)(module, module.exports);
  return module.exports.default;
}

/** The HMAC-SHA256 under 'secret' of JSON.stringify(thread-created), from the SDK's verify test. */
export const THREAD_CREATED_SIGNATURE = 'ae0d54c966dea1056b6ced04d1bafc3358af592469b5fd55553dcb036b58a1ef';
