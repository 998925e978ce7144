import type { FastifyInstance } from 'fastify';
import type { IdentityService } from '../domain/identity/identity-service.js';
import type { SessionService } from '../domain/identity/session-service.js';
import type { LiveFeed, LiveMessage } from '../domain/live/live-feed.js';
import { callerOf, type RequestCaller } from './auth.js';

/** The live stream's path (Threadline's own, Plain has none). */
export const LIVE_PATH = '/live';

/** Settings of the live stream. */
export interface LiveOptions {
  /** A comment line this often keeps proxies from closing an idle stream, and re-checks the credential. */
  heartbeatMs?: number;
  /** Open streams per process at most; beyond, 503. */
  maxConnections?: number;
}

/** Bytes waiting for a stream's client beyond which the stream is ended. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** Whether a caller may hear any change at all. */
function canHearAnything(caller: RequestCaller): boolean {
  return caller.permissions.has('thread:read') || caller.permissions.has('customer:read');
}

function frameOf(message: LiveMessage, caller: RequestCaller): string | null {
  if (message.kind === 'resync') return 'event: resync\ndata: {}\n\n';
  if (message.kind === 'thread') {
    if (!caller.permissions.has('thread:read')) return null;
    return `event: thread\ndata: ${JSON.stringify({ threadId: message.threadId, type: message.type })}\n\n`;
  }
  if (!caller.permissions.has('customer:read')) return null;
  return `event: customer\ndata: ${JSON.stringify({ customerId: message.customerId, type: message.type })}\n\n`;
}

/**
 * GET /live: server-sent events of the caller's workspace, for the web app's live inbox. Each
 * committed change to a thread is `event: thread` with `{"threadId","type"}`, to a customer
 * `event: customer` with `{"customerId","type"}`; the browser re-reads what it shows through GraphQL.
 * `event: resync` says changes may have been missed (the process lost its connection to the other
 * processes for a while): re-read everything shown.
 * Authenticated by the session cookie (a GET is fine here: the stream only reads, and a page of
 * another origin cannot read it) or a Bearer API key.
 */
export function liveRoutes(
  deps: { live: LiveFeed; identity: IdentityService; sessions: SessionService },
  options: LiveOptions = {},
) {
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  const maxConnections = options.maxConnections ?? 1000;
  return async (app: FastifyInstance) => {
    // Open streams never go idle, so the server would wait for them on close: they are ended first.
    const open = new Set<() => void>();
    app.addHook('preClose', async () => {
      for (const end of [...open]) end();
    });

    app.get(LIVE_PATH, async (request, reply) => {
      const first = await callerOf(request, deps.identity, deps.sessions);
      if (!first) {
        return reply
          .code(401)
          .send({ error: { code: 'unauthenticated', message: 'Sign in, or send an API key.' } });
      }
      if (!canHearAnything(first)) {
        return reply.code(403).send({
          error: { code: 'forbidden', message: 'Live changes need thread:read or customer:read.' },
        });
      }
      if (open.size >= maxConnections) {
        return reply
          .code(503)
          .header('retry-after', 30)
          .send({ error: { code: 'too_many_streams', message: 'Too many live streams; try again later.' } });
      }
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx buffers responses unless told not to, which would hold events back.
        'x-accel-buffering': 'no',
        'apigw-requestid': request.id,
      });
      res.write(': connected\n\n');

      let caller: RequestCaller = first;
      const workspaceId = first.workspaceId;
      const send = (frame: string) => {
        if (res.writableLength <= MAX_BUFFERED_BYTES) {
          res.write(frame);
          return;
        }
        // A client that stops reading would have every frame buffered for it: it is let go instead
        // (a browser that is merely slow reconnects and refreshes everything).
        end();
        res.destroy();
      };
      const unsubscribe = deps.live.subscribe(workspaceId, (message) => {
        const frame = frameOf(message, caller);
        if (frame) send(frame);
      });
      const heartbeat = setInterval(async () => {
        // A signed-out session or a deleted key ends its stream within one heartbeat; a key whose
        // permissions changed hears what they now allow.
        const still = await callerOf(request, deps.identity, deps.sessions).catch(() => null);
        if (still?.workspaceId !== workspaceId || !canHearAnything(still)) return end();
        caller = still;
        send(': ping\n\n');
      }, heartbeatMs);
      heartbeat.unref();
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
        if (!res.writableEnded) res.end();
      };
      open.add(end);
      request.raw.on('close', end);
      res.on('error', end);
    });
  };
}
