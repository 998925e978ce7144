/**
 * graphql-jit cannot compile an operation whose variables have a recursive input type (ThreadsFilter
 * holds and/or/not ThreadsFilters): it generates the coercion code inline, recursing until the heap
 * is gone (zalando-incubator/graphql-jit#81, open). Mercurius compiles only documents that no
 * preExecution hook replaced, so this hook hands such a document back as "modified": it then runs
 * on graphql-js, and every other document still gets compiled.
 */
import type { DocumentNode, GraphQLSchema, TypeNode } from 'graphql';

interface InputTypeLike {
  name: string;
  getFields?: () => Record<string, { type: unknown }>;
}

// Structural, not graphql-js's isInputObjectType(): Mercurius's graphql is another module copy.
function namedType(type: unknown): InputTypeLike {
  let inner = type as { ofType?: unknown };
  while (inner.ofType) inner = inner.ofType as { ofType?: unknown };
  return inner as InputTypeLike;
}

/** The names of the schema's input types from which a chain of fields leads back to themselves. */
export function recursiveInputTypes(schema: GraphQLSchema): Set<string> {
  const recursive = new Set<string>();
  const inputTypes = Object.values(schema.getTypeMap()).filter(
    (t) => (t as { astNode?: { kind?: string } }).astNode?.kind === 'InputObjectTypeDefinition',
  ) as InputTypeLike[];
  for (const start of inputTypes) {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length > 0) {
      const type = stack.pop()!;
      for (const field of Object.values(type.getFields?.() ?? {})) {
        const next = namedType(field.type);
        if (next.name === start.name) recursive.add(start.name);
        if (next.getFields && !seen.has(next.name)) {
          seen.add(next.name);
          stack.push(next);
        }
      }
    }
  }
  return recursive;
}

function namedTypeName(node: TypeNode): string {
  return node.kind === 'NamedType' ? node.name.value : namedTypeName(node.type);
}

/**
 * A Mercurius preExecution hook that keeps documents with variables of a recursive input type from
 * graphql-jit, by returning them as their own replacement.
 */
export function keepRecursiveInputsFromJit(schema: GraphQLSchema) {
  const recursive = recursiveInputTypes(schema);
  const verdicts = new WeakMap<DocumentNode, boolean>();
  return async (_schema: unknown, document: DocumentNode) => {
    let keep = verdicts.get(document);
    if (keep === undefined) {
      keep = document.definitions.some(
        (d) =>
          d.kind === 'OperationDefinition' &&
          (d.variableDefinitions ?? []).some((v) => recursive.has(namedTypeName(v.type))),
      );
      verdicts.set(document, keep);
    }
    return keep ? { document } : undefined;
  };
}
