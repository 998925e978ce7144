import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, getIntrospectionQuery, Lexer, parse, Source, TokenKind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { sdkWireQueries } from '../../test/support/sdk-wire-queries.js';
import { loadTypeDefs } from '../graphql/schema.js';
import { findQueryLimitBreach, QUERY_LIMITS } from './query-limits.js';
import { measureDocument } from './query-measure.js';

const ours = buildSchema(loadTypeDefs());
// Plain's whole schema, so that the SDK documents Threadline does not serve yet are measured with types too.
const plain = buildSchema(
  readFileSync(resolve(import.meta.dirname, '../../../../../shared/reference/plain-schema.graphql'), 'utf8'),
);
const sdk = sdkWireQueries();

function tokens(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}

describe('query limits', () => {
  it('let every one of the official SDK 71 documents through, with headroom', () => {
    expect(sdk).toHaveLength(71);
    const largest = { depth: 0, cost: 0, aliases: 0, rootFields: 0, tokens: 0 };
    for (const { name, query } of sdk) {
      for (const schema of [ours, plain]) {
        expect(findQueryLimitBreach(schema, parse(query), 'off'), name).toBeNull();
        for (const m of measureDocument(schema, parse(query))) {
          largest.depth = Math.max(largest.depth, m.depth);
          largest.cost = Math.max(largest.cost, m.cost);
          largest.aliases = Math.max(largest.aliases, m.aliases);
          largest.rootFields = Math.max(largest.rootFields, m.rootFields);
        }
      }
      largest.tokens = Math.max(largest.tokens, tokens(query));
    }
    // The figures QUERY_LIMITS' comment quotes; a new SDK that moves them should be looked at.
    expect(largest).toEqual({ depth: 8, cost: 77_207, aliases: 1, rootFields: 1, tokens: 650 });
    expect(QUERY_LIMITS.depth).toBeGreaterThanOrEqual(2 * largest.depth);
    expect(QUERY_LIMITS.cost).toBeGreaterThanOrEqual(1.8 * largest.cost);
    expect(QUERY_LIMITS.tokens).toBeGreaterThanOrEqual(10 * largest.tokens);
  });

  it("let GraphiQL's introspection query through when introspection is allowed", () => {
    expect(findQueryLimitBreach(ours, parse(getIntrospectionQuery()), 'authenticated')).toBeNull();
    expect(findQueryLimitBreach(ours, parse(getIntrospectionQuery()), 'off')?.code).toBe(
      'INTROSPECTION_DISABLED',
    );
  });

  it.each([
    [
      'QUERY_TOO_DEEP',
      `{ myWorkspace { ${'createdBy { ... on MachineUserActor { machineUser { '.repeat(10)} id ${'} } }'.repeat(10)} } }`,
    ],
    ['TOO_MANY_ALIASES', `{ ${Array.from({ length: 51 }, (_, i) => `a${i}: __typename`).join(' ')} }`],
    ['TOO_MANY_ROOT_FIELDS', `{ ${'__typename '.repeat(21)} }`],
    [
      'QUERY_TOO_COMPLEX',
      `{ threads(first: 100) { edges { node { timelineEntries(first: 100) { edges { node { ${'id '.repeat(30)} } } } } } } }`,
    ],
  ])('refuses with %s', (code, query) => {
    expect(findQueryLimitBreach(ours, parse(query), 'authenticated')?.code).toBe(code);
  });
});
