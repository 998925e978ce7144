import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { COST_WEIGHTS, measureDocument } from './query-measure.js';

const schema = buildSchema(`
  type Query { thread(id: ID!): Thread  threads(first: Int, last: Int): ThreadConnection!  me: User }
  type Mutation { touch: Thread }
  type User { id: ID!  name: String! }
  type Thread { id: ID!  labels: [Label!]!  customer: Customer!  entries(first: Int): EntryConnection!  items: [Item!]! }
  union Item = Label | Customer
  type Customer { id: ID!  threads(first: Int): ThreadConnection! }
  type Label { id: ID!  name: String! }
  type ThreadConnection { edges: [ThreadEdge!]!  totalCount: Int! }
  type ThreadEdge { node: Thread! }
  type EntryConnection { edges: [EntryEdge!]! }
  type EntryEdge { node: Entry! }
  type Entry { id: ID! }
`);

function measure(query: string) {
  return measureDocument(schema, parse(query));
}

describe('measureDocument', () => {
  it('counts depth through fields, inline fragments and named fragments', () => {
    const [m] = measure(
      `{ thread(id: "1") { ...T } } fragment T on Thread { customer { ... on Customer { id } } }`,
    );
    expect(m!.depth).toBe(3);
  });

  it('costs each field 1 and a list of objects 10 times its selection', () => {
    const [m] = measure('{ thread(id: "1") { id labels { id name } } }');
    // thread 1 + id 1 + labels (1 + 10 * (id 1 + name 1))
    expect(m!.cost).toBe(1 + 1 + (1 + COST_WEIGHTS.list * 2));
  });

  it('multiplies a connection by its literal first, by 100 for a variable and by 25 without one', () => {
    const costOf = (args: string) =>
      measure(`query($n: Int) { threads${args} { edges { node { id } } } }`)[0]!.cost;
    // threads 1 + edges (1 + n * (node 1 + id 1))
    expect(costOf('(first: 3)')).toBe(1 + 1 + 3 * 2);
    expect(costOf('(last: $n)')).toBe(1 + 1 + 100 * 2);
    expect(costOf('')).toBe(1 + 1 + 25 * 2);
    expect(costOf('(first: 100000)')).toBe(1 + 1 + 100 * 2);
  });

  it('costs fragments on the object types of a union as alternatives: the dearest, not their sum', () => {
    const [m] = measure(`{ thread(id: "1") { items { __typename
      ... on Label { id name }
      ... on Customer { id threads(first: 2) { totalCount } }
      ...L } } } fragment L on Label { name }`);
    // items: 10 x (__typename 1 + the dearer of Label (id, name, and L's name: 3) and Customer (3)).
    expect(m!.cost).toBe(1 + (1 + COST_WEIGHTS.list * (1 + 3)));
    // Fragments on a union itself apply to every member, so they still add up.
    const [both] = measure(`{ thread(id: "1") { items { ...I ...I } } } fragment I on Item { __typename }`);
    expect(both!.cost).toBe(1 + (1 + COST_WEIGHTS.list * 2));
  });

  it('multiplies nested connections', () => {
    const [m] = measure(
      '{ threads(first: 10) { edges { node { entries(first: 10) { edges { node { id } } } } } } }',
    );
    expect(m!.cost).toBe(1 + 1 + 10 * (1 + 1 + 1 + 10 * 2));
  });

  it('counts aliases and root fields through fragments, once per spread', () => {
    const [m] = measure(
      '{ a: me { id } ...R ...R } fragment R on Query { b: me { n: name } c: thread(id: "1") { id } }',
    );
    expect(m!.aliases).toBe(1 + 2 * 3);
    expect(m!.rootFields).toBe(1 + 2 * 2);
  });

  it('does not count a field aliased to its own name', () => {
    expect(measure('{ me: me { id: id } }')[0]!.aliases).toBe(0);
  });

  it('measures fragments that spread fragments twice, 40 levels down, without walking 2^40 paths', () => {
    const fragments = Array.from(
      { length: 40 },
      (_, i) => `fragment F${i} on User { ${i === 39 ? 'x: id' : `...F${i + 1} ...F${i + 1}`} }`,
    );
    const started = performance.now();
    const [m] = measure(`{ me { ...F0 } } ${fragments.join(' ')}`);
    expect(performance.now() - started).toBeLessThan(100);
    expect(m!.aliases).toBe(2 ** 39);
  });

  it('survives fragment cycles and unknown fragments and fields (validation refuses them later)', () => {
    const [m] = measure(
      '{ me { ...A ...Nope unknown { x } } } fragment A on User { ...B } fragment B on User { ...A id }',
    );
    expect(m!.depth).toBe(3);
  });

  it('sees introspection and measures each operation of a document', () => {
    const measures = measure('query A { __schema { types { name } } } mutation B { touch { id } }');
    expect(measures.map((m) => [m.name, m.introspects, m.rootFields])).toEqual([
      ['A', true, 1],
      ['B', false, 1],
    ]);
  });
});
