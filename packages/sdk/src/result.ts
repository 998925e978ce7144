import type { ThreadlineError } from './errors.js';

/** A call's outcome: `{ data }` on success or `{ error }`, never both (the shape Plain's SDK returns). */
export type Result<T, E = ThreadlineError> = { data: T; error?: never } | { data?: never; error: E };
