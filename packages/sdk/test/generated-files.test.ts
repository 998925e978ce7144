/**
 * The committed src/__generated__ must be what `npm run sdk:generate` makes from today's server schema
 * and documents (so CI catches a schema change nobody regenerated for), and the client must offer
 * every operation of Plain's SDK that the server implements, under Plain's method name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PlainClient } from '@team-plain/typescript-sdk';
import { buildSchema, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../server/src/graphql/schema.js';
import { GENERATED_DIR, generateFiles } from '../scripts/codegen.js';
import { OPERATIONS } from '../src/operations/table.js';

describe('src/__generated__', () => {
  it('matches a fresh generation from the server schema (run npm run sdk:generate if not)', async () => {
    const fresh = await generateFiles();
    expect(readdirSync(GENERATED_DIR).sort()).toEqual([...fresh.keys()].sort());
    for (const [name, content] of fresh) {
      expect(readFileSync(join(GENERATED_DIR, name), 'utf8'), `${name} is stale`).toBe(content);
    }
  }, 60_000);
});

/** Operation documents in a folder tree, by operation name. */
function operationsIn(folder: string): Map<string, OperationDefinitionNode> {
  const found = new Map<string, OperationDefinitionNode>();
  for (const entry of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    if (!/\.(gql|graphql)$/.test(entry)) continue;
    for (const definition of parse(readFileSync(join(folder, entry), 'utf8')).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION) found.set(definition.name!.value, definition);
    }
  }
  return found;
}

describe('the method table', () => {
  const plainRoot = dirname(
    createRequire(import.meta.url).resolve('@team-plain/typescript-sdk/package.json'),
  );
  const plainOperations = operationsIn(join(plainRoot, 'src', 'graphql'));
  const ourOperations = operationsIn(new URL('../src/operations', import.meta.url).pathname);
  const schema = buildSchema(loadTypeDefs());

  const implemented = [...plainOperations.values()].filter((operation) => {
    const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
    return operation.selectionSet.selections.every(
      (s) => s.kind === Kind.FIELD && root?.getFields()[s.name.value] !== undefined,
    );
  });

  it('has a document for every Plain SDK operation the server implements, and no other', () => {
    expect([...ourOperations.keys()].sort()).toEqual(implemented.map((o) => o.name!.value).sort());
  });

  it('names its methods as Plain SDK 5.12.1 does', () => {
    const plainMethods = Object.getOwnPropertyNames(PlainClient.prototype);
    for (const method of Object.keys(OPERATIONS)) expect(plainMethods).toContain(method);
  });

  it('uses each document, with the variables Plain declares for it', () => {
    const used = new Set(Object.values(OPERATIONS).map((op) => parseOperationName(op.document.toString())));
    expect([...used].sort()).toEqual([...ourOperations.keys()].sort());
    for (const [name, ours] of ourOperations) {
      const variables = (op?: OperationDefinitionNode) =>
        op?.variableDefinitions?.map((v) => v.variable.name.value).sort();
      expect(variables(ours), name).toEqual(variables(plainOperations.get(name)));
    }
  });
});

function parseOperationName(text: string): string {
  const operation = parse(text).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return (operation as OperationDefinitionNode).name!.value;
}
