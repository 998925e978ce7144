/**
 * The committed src/api/__generated__ must be what `npm run web:generate` makes from today's server
 * schema and the app's documents: a schema change that breaks a document of the app fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIR, generateFiles } from '../scripts/codegen.js';

describe('packages/web/src/api/__generated__', () => {
  it('matches a fresh generation from the server schema (run npm run web:generate if not)', async () => {
    const fresh = await generateFiles();
    for (const [name, content] of fresh) {
      expect(readFileSync(join(GENERATED_DIR, name), 'utf8'), `${name} is stale`).toBe(content);
    }
  }, 60_000);
});
