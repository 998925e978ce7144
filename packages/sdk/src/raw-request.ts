/** `rawRequest`: any document, with the same error handling as the typed methods. */
import type { MutationErrorPartsFragment } from './__generated__/graphql.js';
import { errorFromMutationError } from './operations/run-operation.js';
import type { Result } from './result.js';
import type { Transport } from './transport/transport.js';

/** The argument of rawRequest, as in Plain's SDK. */
export interface RawRequestArgs {
  query: string;
  variables?: Record<string, unknown> | null;
}

/**
 * Sends `query` and returns its `data`. A mutation field that answers a MutationError becomes a
 * `mutation_error` (or `forbidden`), as with the typed methods. Retried only when the document
 * cannot hold a mutation: the word `mutation` anywhere in it counts as one, erring on the safe side.
 */
export async function rawRequest(transport: Transport, args: RawRequestArgs): Promise<Result<unknown>> {
  const response = await transport.send({
    query: args.query,
    variables: args.variables ?? null,
    idempotent: !/\bmutation\b/.test(args.query),
  });
  if (response.error) return response;
  const { data, requestId } = response.data;
  const mutationError = findMutationError(data);
  if (mutationError) {
    const error = errorFromMutationError(mutationError);
    return { error: requestId === undefined ? error : { ...error, requestId } };
  }
  return { data };
}

function findMutationError(data: Record<string, unknown>): MutationErrorPartsFragment | undefined {
  for (const value of Object.values(data)) {
    const error = (value as { error?: Partial<MutationErrorPartsFragment> | null } | null)?.error;
    if (error && typeof error.message === 'string' && typeof error.code === 'string') {
      return {
        __typename: 'MutationError',
        type: 'VALIDATION',
        fields: [],
        ...error,
      } as MutationErrorPartsFragment;
    }
  }
  return undefined;
}
