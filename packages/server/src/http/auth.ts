import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyCaller, IdentityService } from '../domain/identity/identity-service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who the request acts as, set by the auth hook on GraphQL routes. */
    caller: ApiKeyCaller | null;
  }
}

function unauthenticated(reply: FastifyReply, message: string) {
  return reply
    .code(401)
    .send({ errors: [{ message, locations: [], extensions: { code: 'UNAUTHENTICATED' } }] });
}

/**
 * An onRequest hook: resolves `Authorization: Bearer <API key>` to a caller before the body is even
 * read, and answers 401 when the key is missing or unknown.
 */
export function apiKeyAuth(identity: IdentityService) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match)
      return unauthenticated(
        reply,
        'Authentication required: send the header "Authorization: Bearer <API key>".',
      );
    const caller = await identity.authenticateApiKey(match[1]!);
    if (!caller) return unauthenticated(reply, 'Authentication failed. Please check the provided API key.');
    request.caller = caller;
  };
}
