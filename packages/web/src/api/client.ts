/**
 * The app's one way to the API: Threadline's SDK on the same origin, authenticated by the session
 * cookie. Typed methods for Plain's operations, `request` for the app's own documents.
 */
import { type DocumentTypeDecoration, ThreadlineClient, type ThreadlineError } from '@threadline/sdk';

/** Called when the server answers 401: the session ended (signed out elsewhere, or expired). */
let onSessionEnded: () => void = () => {};

/** Lets the app react to an ended session (it shows the sign-in page). */
export function whenSessionEnds(callback: () => void): void {
  onSessionEnded = callback;
}

async function sessionFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, { ...init, credentials: 'same-origin' });
  if (response.status === 401) onSessionEnded();
  return response;
}

/** The SDK client of the signed-in person. */
export const api = new ThreadlineClient({ apiUrl: '/graphql/v1', fetch: sessionFetch, retry: false });

/** A failed call, thrown so React Query and forms can show it; `fields` name the inputs at fault. */
export class ApiError extends Error {
  constructor(readonly error: ThreadlineError) {
    super(error.message);
  }

  /** The message of a field of the input (`title`, `threadFields.0.stringValue`), if it has one. */
  fieldMessage(field: string): string | undefined {
    if (this.error.type !== 'mutation_error') return undefined;
    return this.error.errorDetails.fields.find((f) => f.field === field)?.message;
  }
}

/** Unwraps an SDK result, throwing its error. */
export function unwrap<T>(result: { data: T; error?: undefined } | { error: ThreadlineError }): T {
  if (result.error) throw new ApiError(result.error);
  return (result as { data: T }).data;
}

type Variables<V> = V extends Record<string, never> ? [] : [variables: V];

/** Runs one of the app's documents (src/api/documents) and returns its data, typed from the schema. */
export async function request<R, V>(document: DocumentTypeDecoration<R, V>, ...[variables]: Variables<V>) {
  const result = await api.rawRequest({
    query: String(document),
    variables: (variables ?? null) as Record<string, unknown> | null,
  });
  return unwrap(result) as R;
}
