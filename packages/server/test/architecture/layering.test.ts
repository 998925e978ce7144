/** Imports go downward only: http -> graphql -> domain -> storage (style.md). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');
const LAYERS = ['http', 'graphql', 'domain', 'storage'] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

function layerOf(path: string): number {
  return LAYERS.indexOf(relative(SRC, path).split('/')[0] as (typeof LAYERS)[number]);
}

const IMPORT = /^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm;

describe('layering', () => {
  const violations: string[] = [];
  for (const file of filesUnder(SRC)) {
    const from = layerOf(file);
    if (from < 0) continue;
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (!specifier!.startsWith('.')) {
        // The domain knows no GraphQL and no SQL driver.
        if (
          LAYERS[from] === 'domain' &&
          /^(graphql|mercurius|fastify|pg|@electric-sql\/pglite)$/.test(specifier!)
        ) {
          violations.push(`${relative(SRC, file)} imports ${specifier}`);
        }
        continue;
      }
      const to = layerOf(resolve(file, '..', specifier!));
      if (to >= 0 && to < from) violations.push(`${relative(SRC, file)} imports ${specifier} (upward)`);
    }
  }

  it('has no upward imports and no driver or GraphQL imports in the domain', () => {
    expect(violations).toEqual([]);
  });
});
