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
 * A preParsing hook of the GraphQL routes: resolves `Authorization: Bearer <API key>` to a caller
 * before the body is read, answering 401 when the key is missing or unknown. It sits on the routes
 * themselves, not on a URL test, so no spelling of the path (`/graphql/v%31`) gets past it.
 * Callback-style, and synchronous when the key is cached, because it runs on every request.
 */
export function apiKeyAuth(identity: IdentityService) {
  return <Payload>(
    request: FastifyRequest,
    reply: FastifyReply,
    payload: Payload,
    done: (error: Error | null, payload?: Payload) => void,
  ): void => {
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) {
      unauthenticated(reply, 'Authentication required: send the header "Authorization: Bearer <API key>".');
      return;
    }
    const secret = match[1]!;
    const cached = identity.cachedApiKeyCaller(secret);
    if (cached) {
      request.caller = cached;
      done(null, payload);
      return;
    }
    identity.authenticateApiKey(secret).then((caller) => {
      if (!caller) {
        unauthenticated(reply, 'Authentication failed. Please check the provided API key.');
        return;
      }
      request.caller = caller;
      done(null, payload);
    }, done);
  };
}
