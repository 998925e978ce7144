import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { keepRecursiveInputsFromJit, recursiveInputTypes } from './jit-guard.js';

const schema = buildSchema(`
  input Filter { name: String, and: [Filter!], nested: Outer }
  input Outer { inner: Inner }
  input Inner { back: Outer }
  input Flat { name: String, range: Range }
  input Range { after: String }
  type Query { list(filter: Filter, flat: Flat, outer: Outer): [String] }
`);

describe('recursiveInputTypes', () => {
  it('finds types that lead back to themselves, directly or through others', () => {
    expect([...recursiveInputTypes(schema)].sort()).toEqual(['Filter', 'Inner', 'Outer']);
  });
});

describe('keepRecursiveInputsFromJit', () => {
  const hook = keepRecursiveInputsFromJit(schema);

  it('hands back a document whose variables have a recursive type', async () => {
    const document = parse('query($f: Filter) { list(filter: $f) }');
    expect(await hook(schema, document)).toEqual({ document });
  });

  it('leaves other documents alone, so they are still compiled', async () => {
    expect(await hook(schema, parse('query($f: Flat) { list(flat: $f) }'))).toBeUndefined();
    expect(await hook(schema, parse('{ list(filter: { name: "x" }) }'))).toBeUndefined();
  });
});
