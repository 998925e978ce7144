import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Where the built web app is: packages/web/dist, found from this file's place, which is
 * packages/server/src/http when run with tsx and packages/server/dist/http when compiled.
 */
export function defaultWebDir(): string {
  return fileURLToPath(new URL('../../../web/dist/', import.meta.url));
}

/**
 * The web app's pages only: GraphiQL (served by Mercurius) loads scripts from a CDN and runs inline
 * ones, so this policy would break it; it is never set there.
 */
const HTML_SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

/** Paths that are the API's, never the web app's, even when a browser asks for HTML. */
const API_PATH = /^\/(graphql|graphiql|auth\/|live(\/|$)|healthz(\/|$)|assets\/)/;

const NOT_BUILT =
  "Threadline is running, but its web app is not built.\n\nRun `npm run build` and restart, or set THREADLINE_WEB_DIR to a built web app's folder.\nThe GraphQL API is at /graphql/v1 (GraphiQL at /graphiql).\n";

function acceptsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * Serves the web app at `/`: its files (those under /assets/ cached for a year, as their names carry
 * a hash), and index.html for `/` and for any other browser page that is not the API's (client-side
 * routes such as /threads/th_123). Without a built app, `/` explains how to build it. Registered on
 * the app itself (not in a plugin), so its not-found handler is the app's.
 */
export async function registerWebApp(app: FastifyInstance, options: { dir: string | null }): Promise<void> {
  const dir = options.dir ?? defaultWebDir();
  const indexPath = join(dir, 'index.html');
  const built = existsSync(indexPath);
  const assetsDir = join(dir, 'assets') + sep;

  if (built) {
    await app.register(fastifyStatic, {
      root: dir,
      prefix: '/',
      index: false,
      // Mercurius registers @fastify/static for GraphiQL and decorates reply.sendFile; we do not need it.
      decorateReply: false,
      cacheControl: false,
      // A .env or .git left in the folder is not the app's to serve.
      dotfiles: 'ignore',
      setHeaders(reply: FastifyReply, path: string) {
        reply.header('x-content-type-options', 'nosniff');
        if (path.startsWith(assetsDir)) {
          reply.header('cache-control', 'public, max-age=31536000, immutable');
        } else if (path.endsWith('.html')) {
          reply.header('cache-control', 'no-cache');
          for (const [name, value] of Object.entries(HTML_SECURITY_HEADERS)) reply.header(name, value);
        } else {
          reply.header('cache-control', 'no-cache');
        }
      },
    });
  }

  async function sendIndex(reply: FastifyReply) {
    if (!built) return reply.type('text/plain; charset=utf-8').send(NOT_BUILT);
    // Read on each request: it is small, and a rebuild then shows without a restart.
    const html = await readFile(indexPath);
    return reply
      .headers({ ...HTML_SECURITY_HEADERS, 'cache-control': 'no-cache' })
      .type('text/html; charset=utf-8')
      .send(html);
  }

  app.get('/', (_request, reply) => sendIndex(reply));

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?', 1)[0]!;
    if (
      (request.method === 'GET' || request.method === 'HEAD') &&
      acceptsHtml(request) &&
      !API_PATH.test(path)
    ) {
      return sendIndex(reply);
    }
    // Fastify's own 404 body.
    return reply.code(404).send({
      message: `Route ${request.method}:${request.url} not found`,
      error: 'Not Found',
      statusCode: 404,
    });
  });
}
