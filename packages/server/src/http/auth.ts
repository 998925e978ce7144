import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyCaller, IdentityService } from '../domain/identity/identity-service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who the request acts as, set by the auth hook on GraphQL routes. */
    caller: ApiKeyCaller | null;
  }
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function unauthenticated(reply: FastifyReply, message: string) {
  return reply
    .code(401)
    .send({ errors: [{ message, locations: [], extensions: { code: 'UNAUTHENTICATED' } }] });
}

/**
 * Resolves `Authorization: Bearer <API key>` to a caller before the body is even read, answering 401
 * when the key is missing or unknown. Callback-style, and synchronous when the key is cached, because
 * it runs on every request.
 */
export function apiKeyAuth(identity: IdentityService) {
  return (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void => {
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) {
      unauthenticated(reply, 'Authentication required: send the header "Authorization: Bearer <API key>".');
      return;
    }
    const secret = match[1]!;
    const cached = identity.cachedApiKeyCaller(secret);
    if (cached) {
      request.caller = cached;
      done();
      return;
    }
    identity.authenticateApiKey(secret).then((caller) => {
      if (!caller) {
        unauthenticated(reply, 'Authentication failed. Please check the provided API key.');
        return;
      }
      request.caller = caller;
      done();
    }, done);
  };
}
