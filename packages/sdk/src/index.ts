/**
 * @threadline/sdk: a typed client of Threadline's GraphQL API with the method surface of Plain's
 * TypeScript SDK, webhook helpers, and the API's enums and types.
 */

export * from './api-types.js';
export { type IterateOptions, type OperationMethods, ThreadlineClient } from './client.js';
export type {
  BadRequestError,
  ForbiddenError,
  GraphQLErrorPayload,
  InternalServerError,
  MutationError,
  NetworkError,
  RateLimitedError,
  ThreadlineError,
  UnknownError,
} from './errors.js';
export { ThreadlineRequestError } from './errors.js';
export type { RawRequestArgs } from './raw-request.js';
export type { Result } from './result.js';
export type { RetryOptions } from './transport/retry.js';
export { type ClientOptions, DEFAULT_API_URL } from './transport/transport.js';
export type { DocumentTypeDecoration, ResultOf, VariablesOf } from './typed-document.js';
export { uiComponent } from './ui-components/index.js';
export * from './webhooks/index.js';
