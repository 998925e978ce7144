/**
 * Every operation document the official SDK (@team-plain/typescript-sdk) can send, as it sends it:
 * the 71 `<Name>Document` literals of its bundle, printed as its `request()` prints them (see
 * bench/sdk-documents.ts for why reading the bundle gives the exact wire text).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type DocumentNode, print } from 'graphql';

const sdkRoot = dirname(createRequire(import.meta.url).resolve('@team-plain/typescript-sdk/package.json'));

/** Each SDK operation's name (`CreateThread`) and wire text. */
export function sdkWireQueries(): { name: string; query: string }[] {
  const bundle = readFileSync(join(sdkRoot, 'dist', 'index.mjs'), 'utf8');
  return [...bundle.matchAll(/^const (\w+)Document = (\{.*\});$/gm)].map((m) => ({
    name: m[1]!,
    query: print(JSON.parse(m[2]!) as DocumentNode),
  }));
}
