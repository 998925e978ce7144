import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyCaller, IdentityService } from '../domain/identity/identity-service.js';
import type { SessionCaller, SessionService } from '../domain/identity/session-service.js';

/** Who a request acts as: a machine user through an API key, or a person through a session. */
export type RequestCaller = ApiKeyCaller | SessionCaller;

declare module 'fastify' {
  interface FastifyRequest {
    /** Who the request acts as, set by the auth hook on GraphQL routes. */
    caller: RequestCaller | null;
  }
}

/** The web app's session cookie. */
export const SESSION_COOKIE = 'threadline_session';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function unauthenticated(reply: FastifyReply, message: string) {
  return reply
    .code(401)
    .send({ errors: [{ message, locations: [], extensions: { code: 'UNAUTHENTICATED' } }] });
}

/**
 * Whether a request may be authenticated by its cookie. A browser attaches cookies to cross-site
 * requests too; but a cross-site page can only send a POST with `Content-Type: application/json`
 * after a CORS preflight, which this server never answers. So such a POST comes from our own pages,
 * and anything else (a GET, a form post) is not trusted with the cookie.
 */
export function mayUseSessionCookie(request: FastifyRequest): boolean {
  if (request.method !== 'POST') return false;
  const type = request.headers['content-type'] ?? '';
  const semicolon = type.indexOf(';');
  return (semicolon === -1 ? type : type.slice(0, semicolon)).trim().toLowerCase() === 'application/json';
}

/** Resolves the request's credential to a caller: an API key (Bearer) or, else, the session cookie. */
function resolveCaller(
  request: FastifyRequest,
  identity: IdentityService,
  sessions: SessionService,
  allowCookie: boolean,
): RequestCaller | Promise<RequestCaller | null> | null | 'missing' {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = BEARER.exec(header);
    if (!match) return 'missing';
    const secret = match[1]!;
    return identity.cachedApiKeyCaller(secret) ?? identity.authenticateApiKey(secret);
  }
  const token = allowCookie ? request.cookies[SESSION_COOKIE] : undefined;
  if (!token) return 'missing';
  return sessions.cachedSessionCaller(token) ?? sessions.authenticateSession(token);
}

/** The 401 message for a request without a usable credential. */
const MISSING = 'Authentication required: send the header "Authorization: Bearer <API key>".';

/**
 * A preParsing hook of the GraphQL routes: resolves `Authorization: Bearer <API key>`, or without
 * that header the session cookie (on JSON POSTs only, see mayUseSessionCookie), to a caller before
 * the body is read, answering 401 when there is none or it is unknown. It sits on the routes
 * themselves, not on a URL test, so no spelling of the path (`/graphql/v%31`) gets past it.
 * Callback-style, and synchronous when the credential is cached, because it runs on every request.
 */
export function authenticateCaller(identity: IdentityService, sessions: SessionService) {
  return <Payload>(
    request: FastifyRequest,
    reply: FastifyReply,
    payload: Payload,
    done: (error: Error | null, payload?: Payload) => void,
  ): void => {
    const resolved = resolveCaller(request, identity, sessions, mayUseSessionCookie(request));
    if (resolved === 'missing') {
      unauthenticated(reply, MISSING);
      return;
    }
    const failure = request.headers.authorization
      ? 'Authentication failed. Please check the provided API key.'
      : 'Your session has ended. Please sign in again.';
    if (!(resolved instanceof Promise)) {
      if (!resolved) {
        unauthenticated(reply, failure);
        return;
      }
      request.caller = resolved;
      done(null, payload);
      return;
    }
    resolved.then((caller) => {
      if (!caller) {
        unauthenticated(reply, failure);
        return;
      }
      request.caller = caller;
      done(null, payload);
    }, done);
  };
}

/**
 * Resolves a request's caller for routes outside GraphQL (the live stream): a Bearer API key, or the
 * session cookie, which a GET may use here because the stream only reads and a cross-site page
 * cannot read an EventSource of another origin. Null when there is no valid credential.
 */
export async function callerOf(
  request: FastifyRequest,
  identity: IdentityService,
  sessions: SessionService,
): Promise<RequestCaller | null> {
  const resolved = resolveCaller(request, identity, sessions, true);
  return resolved === 'missing' ? null : resolved;
}
