import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.js';
import { SESSION_TTL_MS, type SessionService } from '../domain/identity/session-service.js';
import { SESSION_COOKIE } from './auth.js';

/** The web app's sign-in endpoints, Threadline's own (Plain has none). */
export const AUTH_PATH_PREFIX = '/auth/';

function cookieOptions(request: FastifyRequest, maxAgeSeconds: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    maxAge: maxAgeSeconds,
    // Behind a TLS proxy, request.protocol is https only with THREADLINE_TRUST_PROXY=1.
    secure: request.protocol === 'https',
  };
}

function errorBody(code: string, message: string, extra: object = {}) {
  return { error: { code, message, ...extra } };
}

/**
 * POST /auth/sign-in and POST /auth/sign-out. Errors answer `{"error":{"code","message"}}`; a
 * malformed body is a 400 (an unparsable one included), never a 500.
 */
export function sessionRoutes(sessions: SessionService) {
  return async (app: FastifyInstance) => {
    // Scoped to these routes: Fastify's own 4xx (bad JSON, wrong content type, too large) in our shape.
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const status = error.statusCode ?? 500;
      if (status >= 500) {
        request.log.error({ err: error }, 'sign-in failed');
        return reply.code(500).send(errorBody('internal', 'Something went wrong. Please try again.'));
      }
      const message =
        status === 415 ? 'Send the request body as JSON (Content-Type: application/json).' : error.message;
      return reply.code(status).send(errorBody('invalid_request', message));
    });

    app.post('/auth/sign-in', async (request, reply: FastifyReply) => {
      let result: Awaited<ReturnType<SessionService['signIn']>>;
      try {
        result = await sessions.signIn(request.body ?? {}, request.ip);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return reply.code(400).send(errorBody(error.code, error.message, { fields: error.fields }));
      }
      if (result.outcome === 'too_many_attempts') {
        const seconds = Math.ceil(result.retryAfterMs / 1000);
        return reply
          .code(429)
          .header('retry-after', seconds)
          .send(
            errorBody(
              'too_many_attempts',
              `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
            ),
          );
      }
      if (result.outcome === 'invalid_credentials') {
        await sleep(result.delayMs);
        return reply.code(401).send(errorBody('invalid_credentials', 'Wrong email or password.'));
      }
      const { user, token } = result;
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(request, SESSION_TTL_MS / 1000));
      return { user: { id: user.id, email: user.email, fullName: user.fullName } };
    });

    app.post('/auth/sign-out', async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await sessions.signOut(token);
      reply.setCookie(SESSION_COOKIE, '', cookieOptions(request, 0));
      return reply.code(204).send();
    });
  };
}
