/**
 * The two kinds of row in the method table (table.ts): a query, whose method takes the document's
 * variables, and a mutation, whose method takes its `input`. Each row says how to turn the response
 * into the value Plain's SDK returns; run-operation.ts does the rest for all of them.
 */
import type { PageInfoPartsFragment } from '../__generated__/graphql.js';
import type { Result } from '../result.js';
import type { DocumentTypeDecoration, ResultOf, VariablesOf } from '../typed-document.js';

/** A generated document: its text (`toString()`) and, for inference, its result and variables types. */
export type Document<R = unknown, V = never> = DocumentTypeDecoration<R, V> & { toString(): string };

/** A query method: takes the document's variables, returns what `pick` makes of the response. */
export interface QueryOperation<D, R> {
  kind: 'query';
  document: D;
  pick(data: ResultOf<D>): R;
}

/** A mutation method: takes `input`, returns what `pick` makes of the mutation's payload. */
export interface MutationOperation<D, F extends string, R> {
  kind: 'mutation';
  document: D;
  /** The root field whose payload holds the entity and `error`. */
  field: F;
  /** Null or undefined from `pick` means the server returned no entity, an error unless `returnsNothing`. */
  pick(payload: PayloadOf<D, F>): R | null | undefined;
  /** True for mutations Plain's SDK answers with `{ data: null }` (deletes, removes, replies). */
  returnsNothing: boolean;
}

/** The payload of mutation field `F` of document `D`. */
type PayloadOf<D, F extends string> = F extends keyof ResultOf<D> ? ResultOf<D>[F] : never;

/** A row of the method table. */
// biome-ignore lint/suspicious/noExplicitAny: a row's types vary; each method's own types come from MethodOf.
export type Operation = QueryOperation<any, unknown> | MutationOperation<any, string, unknown>;

/** A query row. */
export function query<D extends Document<object, never>, R>(document: D, pick: (data: ResultOf<D>) => R) {
  return { kind: 'query', document, pick } as QueryOperation<D, R>;
}

/** A mutation row whose method returns the entity `pick` selects from the payload. */
export function mutation<D extends Document<object, never>, F extends keyof ResultOf<D> & string, R>(
  document: D,
  field: F,
  pick: (payload: PayloadOf<D, F>) => R | null | undefined,
) {
  return { kind: 'mutation', document, field, pick, returnsNothing: false } as MutationOperation<D, F, R>;
}

/** A mutation row whose method returns `{ data: null }` on success. */
export function mutationReturningNothing<
  D extends Document<object, never>,
  F extends keyof ResultOf<D> & string,
>(document: D, field: F) {
  return { kind: 'mutation', document, field, pick: () => null, returnsNothing: true } as MutationOperation<
    D,
    F,
    null
  >;
}

/** A connection's nodes, as Plain's SDK returns lists. */
export function nodesOf<T>(connection: { edges: { node: T }[] }): T[] {
  return connection.edges.map((edge) => edge.node);
}

/** A page of a list method's result, the shape the `iterate` helpers read. */
export interface Page<T> {
  items: T[];
  pageInfo: PageInfoPartsFragment;
}

/** The method a row becomes on the client. */
export type MethodOf<O> =
  O extends QueryOperation<infer D, infer R>
    ? QueryMethod<VariablesOf<D>, R>
    : O extends MutationOperation<infer D, string, infer R>
      ? (input: InputOf<VariablesOf<D>>) => Promise<Result<R>>
      : never;

type InputOf<V> = V extends { input: infer I } ? I : never;

/** Variables may be left out when none is required (`getMyWorkspace()`, `getThreads()`). */
type QueryMethod<V, R> =
  Record<never, never> extends V
    ? (variables?: V) => Promise<Result<R>>
    : (variables: V) => Promise<Result<R>>;
