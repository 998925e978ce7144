/** Runs one row of the method table: sends its document, then reads the answer as Plain's SDK does. */
import type { MutationErrorPartsFragment } from '../__generated__/graphql.js';
import type { ThreadlineError } from '../errors.js';
import type { Result } from '../result.js';
import type { Transport } from '../transport/transport.js';
import type { Operation } from './define.js';

/** Calls `operation` with the method's argument (a query's variables, a mutation's input). */
export async function runOperation(
  transport: Transport,
  operation: Operation,
  argument: unknown,
): Promise<Result<unknown>> {
  const isMutation = operation.kind === 'mutation';
  const response = await transport.send({
    query: operation.document.toString(),
    variables: isMutation ? { input: argument } : (argument ?? null),
    // A mutation is safe to send twice only when an externalId makes the server refuse the second.
    idempotent: !isMutation || hasExternalId(argument),
  });
  if (response.error) return response;
  const { data, requestId } = response.data;
  const fail = (error: ThreadlineError): Result<unknown> => ({
    error: requestId === undefined ? error : { ...error, requestId },
  });
  if (operation.kind === 'query') return { data: operation.pick(data) };

  const payload = data[operation.field] as { error?: MutationErrorPartsFragment | null } | null | undefined;
  if (!payload) return fail({ type: 'unknown', message: `The response has no ${operation.field} payload.` });
  if (payload.error) return fail(errorFromMutationError(payload.error));
  // The row's own types checked pick against its document; here every row is one Operation.
  const value = (operation.pick as (payload: unknown) => unknown)(payload);
  if (value == null && !operation.returnsNothing) {
    return fail({ type: 'unknown', message: `${operation.field} returned neither a result nor an error.` });
  }
  return { data: value ?? null };
}

/** A mutation's `error` as a client error; `forbidden` is its own kind, as in Plain's SDK. */
export function errorFromMutationError(error: MutationErrorPartsFragment): ThreadlineError {
  if (error.code === 'forbidden') return { type: 'forbidden', message: error.message };
  return { type: 'mutation_error', message: error.message, errorDetails: error };
}

function hasExternalId(input: unknown): boolean {
  const externalId = (input as { externalId?: unknown } | null | undefined)?.externalId;
  return typeof externalId === 'string' && externalId.length > 0;
}
