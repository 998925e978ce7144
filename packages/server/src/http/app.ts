import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import mercurius from 'mercurius';
import type { RateLimiter } from '../domain/rate-limits/rate-limiter.js';
import type { Services } from '../domain/services.js';
import type { GraphQLContext } from '../graphql/context.js';
import { loaders, loadTypeDefs, resolvers } from '../graphql/schema.js';
import type { Db } from '../storage/db.js';
import { authenticateCaller } from './auth.js';
import { formatGraphQLErrors } from './error-formatter.js';
import { keepRecursiveInputsFromJit } from './jit-guard.js';
import { type LiveOptions, liveRoutes } from './live-routes.js';
import { enforceQueryLimits, type IntrospectionSetting, QUERY_LIMITS } from './query-limits.js';
import { rateLimit } from './rate-limit.js';
import { refuseMalformedGetVariables } from './request-shape.js';
import { sessionRoutes } from './session-routes.js';
import { registerWebApp } from './web-app.js';

/** The GraphQL endpoint. `/graphql` is an alias. */
export const GRAPHQL_PATH = '/graphql/v1';

/** Levels at which each request writes an access line. */
const LOG_LEVELS_WITH_INFO = new Set(['info', 'debug', 'trace']);

/** Requests larger than this are refused with 413 before parsing. */
const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** What the HTTP app needs. */
export interface AppDeps {
  services: Services;
  db: Db;
  logLevel: string;
  /** Counts requests per key and workspace; it answers null when no limit is set. */
  rateLimiter: RateLimiter;
  introspection: IntrospectionSetting;
  /** Proxies in front whose X-Forwarded-* are trusted (THREADLINE_TRUST_PROXY), so request.protocol is https behind a TLS proxy. */
  trustProxy?: number;
  live?: LiveOptions;
  /** The built web app's folder (THREADLINE_WEB_DIR); null for packages/web/dist. */
  webDir?: string | null;
}

/** Builds the Fastify app: GraphQL (with GraphiQL), health, request ids and error handling. */
export async function buildApp({
  services,
  db,
  logLevel,
  rateLimiter,
  introspection,
  trustProxy = 0,
  live,
  webDir = null,
}: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: logLevel },
    // Fastify's own two lines per request are off; the onResponse hook below writes one.
    logController: new LogController({ disableRequestLogging: true }),
    // Ids are ours, never taken from the client; the official SDK reads them from apigw-requestid.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT_BYTES,
    // The nearest `trustProxy` hops, never `true`: Fastify would then take the client's own leftmost
    // X-Forwarded-For entry.
    trustProxy: trustProxy > 0 ? (_address: string, hop: number) => hop < trustProxy : false,
    rewriteUrl: (req) =>
      req.url === '/graphql' || req.url?.startsWith('/graphql?')
        ? GRAPHQL_PATH + req.url.slice(8)
        : (req.url ?? '/'),
  });

  // GraphQL comes as application/json (or application/graphql, which Mercurius adds); a text/plain
  // body is refused with 415 rather than half-parsed.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('caller', null);
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('apigw-requestid', request.id);
    done();
  });
  if (LOG_LEVELS_WITH_INFO.has(logLevel)) {
    // One access line per request (Fastify's own two are off): skipped entirely above info.
    app.addHook('onResponse', (request, reply, done) => {
      request.log.info(
        {
          method: request.method,
          url: request.url,
          statusCode: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      );
      done();
    });
  }

  // Parses cookies (the web app's session) for every route; it signs nothing, the token is the secret.
  await app.register(fastifyCookie);
  await app.register(sessionRoutes(services.sessions));
  await app.register(liveRoutes(services, live));

  app.get('/healthz', async (_request, reply) => {
    try {
      await db.query('SELECT 1');
      return { status: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  await app.register(mercurius, {
    schema: loadTypeDefs(),
    resolvers: resolvers as never,
    loaders: loaders as never,
    path: GRAPHQL_PATH,
    // Every GraphQL route (POST and GET) authenticates and counts the request before its body is parsed.
    additionalRouteOptions: {
      preParsing: [authenticateCaller(services.identity, services.sessions), rateLimit(rateLimiter)],
      preValidation: refuseMalformedGetVariables,
    },
    // Parsing stops at this many tokens, so a huge document costs no more than a large one.
    graphql: { parseOptions: { maxTokens: QUERY_LIMITS.tokens } },
    graphiql: true,
    // Compile a query with graphql-jit after its first run (except those jit-guard.ts keeps from it).
    jit: 1,
    context: (request): GraphQLContext => ({
      caller: request.caller,
      services,
      requestId: request.id,
      log: request.log,
    }),
    errorFormatter: (execution, context) => {
      const { statusCode, response } = formatGraphQLErrors(
        execution.errors ?? [],
        execution.data,
        context.reply?.log ?? app.log,
      );
      // Mercurius types the body as graphql-js's ExecutionResult; ours is its serialised form.
      return { statusCode, response: response as never };
    },
  });
  await registerWebApp(app, { dir: webDir });
  app.graphql.addHook('preValidation', enforceQueryLimits(introspection));
  app.graphql.addHook('preExecution', keepRecursiveInputsFromJit(app.graphql.schema));

  return app;
}
