import type { FastifyBaseLogger } from 'fastify';
import type { Caller } from '../domain/caller.js';
import type { Services } from '../domain/services.js';

/** What every resolver receives: who calls, the domain services, and the request's id and logger. */
export interface GraphQLContext {
  caller: Caller;
  services: Services;
  requestId: string;
  log: FastifyBaseLogger;
}
