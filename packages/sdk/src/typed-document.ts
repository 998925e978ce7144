/**
 * What a generated document carries for type inference: its result and variables types. The same
 * shape as `DocumentTypeDecoration` in @graphql-typed-document-node/core, kept here so the package
 * has no dependency; tools that read that interface structurally (graphql-request, urql) accept ours.
 */
export interface DocumentTypeDecoration<
  TResult = { [key: string]: unknown },
  TVariables = { [key: string]: unknown },
> {
  /** Never set at runtime; only its type matters. */
  __apiType?: (variables: TVariables) => TResult;
}

/** The result type of a generated document. */
export type ResultOf<T> = T extends DocumentTypeDecoration<infer R, never> ? R : never;

/** The variables type of a generated document. */
export type VariablesOf<T> = T extends DocumentTypeDecoration<unknown, infer V> ? V : never;
