import type { FastifyBaseLogger } from 'fastify';
import type { Caller } from '../domain/caller.js';
import type { Services } from '../domain/services.js';

/**
 * What every resolver receives: who calls, the domain services, and the request's id and logger.
 * `caller` is null only if a request reached GraphQL unauthenticated, which the auth hook prevents;
 * root fields refuse it all the same (see root-field.ts).
 */
export interface GraphQLContext {
  caller: Caller | null;
  services: Services;
  requestId: string;
  log: FastifyBaseLogger;
}

/** The context of a request whose caller is known: what root fields and everything below them see. */
export interface AuthedContext extends GraphQLContext {
  caller: Caller;
}
