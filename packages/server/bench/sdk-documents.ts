/**
 * The query text the official SDK (@team-plain/typescript-sdk) puts on the wire for an operation.
 *
 * The SDK does not export its DocumentNodes, but its ESM bundle declares each one on a line of its own
 * as `const <Name>Document = { ...JSON... };` (codegen output). Reading that literal and printing it
 * with graphql's `print`, as the SDK's own `request()` does, gives byte for byte the text it sends,
 * fragments in the SDK's own order. Should a future bundle stop looking like that, the fallback is
 * assembling the document from the package's src/graphql/{mutations,fragments}/*.gql, as
 * test/compat/sdk-documents.test.ts does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type DocumentNode, print } from 'graphql';

const sdkRoot = dirname(createRequire(import.meta.url).resolve('@team-plain/typescript-sdk/package.json'));

let bundle: string | null = null;

/** The SDK's wire text for `operation`, e.g. `CreateThread` for the SDK's `CreateThreadDocument`. */
export function sdkWireQuery(operation: string): string {
  bundle ??= readFileSync(join(sdkRoot, 'dist', 'index.mjs'), 'utf8');
  const match = new RegExp(`^const ${operation}Document = (\\{.*\\});$`, 'm').exec(bundle);
  if (!match?.[1]) throw new Error(`The SDK bundle declares no ${operation}Document.`);
  return print(JSON.parse(match[1]) as DocumentNode);
}
