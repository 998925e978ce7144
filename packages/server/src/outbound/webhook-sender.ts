import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent, request } from 'undici';
import { hasPrivateHost, isPrivateAddress } from './private-address.js';

/** One POST of a webhook delivery attempt. */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** How a POST ended: a response (any status), an error on the way, or refused before sending. */
export type WebhookResponse =
  | { kind: 'response'; status: number; bodyExcerpt: string }
  | { kind: 'error'; code: string; message: string }
  | { kind: 'rejected'; message: string };

/** Sends one webhook POST; never throws. */
export type SendWebhook = (request: WebhookRequest) => Promise<WebhookResponse>;

/** Options of the sender. */
export interface WebhookSenderOptions {
  /** The whole attempt (connect, send, response headers and the body read) must end within this. */
  timeoutMs: number;
  /** Refuse targets on loopback, private and link-local addresses, checked on every connection. */
  blockPrivate: boolean;
  /** At most this many bytes of a response body are read; the rest is dropped. */
  maxResponseBytes?: number;
  /** The first bytes of a response body kept for the delivery log. */
  excerptBytes?: number;
}

const PRIVATE_ADDRESS = 'EPRIVATEADDRESS';

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A DNS lookup that refuses names resolving to a private address. It runs when the connection is
 * made, so a name cannot pass a check and then resolve elsewhere (DNS rebinding).
 */
function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused) {
      const refusal = Object.assign(
        new Error(`${hostname} resolves to ${refused.address}, a private address.`),
        {
          code: PRIVATE_ADDRESS,
        },
      );
      return callback(refusal, []);
    }
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

function errorCodeOf(error: unknown): { code: string; message: string } {
  const e = error as { name?: string; code?: string; message?: string; cause?: unknown };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    return { code: 'timeout', message: 'The attempt timed out.' };
  const cause = (e?.cause ?? e) as { code?: string; message?: string };
  const code = cause?.code ?? e?.code ?? 'unknown';
  const names: Record<string, string> = {
    ECONNREFUSED: 'connection_refused',
    ECONNRESET: 'connection_reset',
    ENOTFOUND: 'dns_not_found',
    EAI_AGAIN: 'dns_failure',
    UND_ERR_SOCKET: 'connection_reset',
    UND_ERR_HEADERS_TIMEOUT: 'timeout',
    UND_ERR_BODY_TIMEOUT: 'timeout',
    UND_ERR_CONNECT_TIMEOUT: 'timeout',
  };
  return { code: names[code] ?? code.toLowerCase(), message: cause?.message ?? e?.message ?? String(error) };
}

/**
 * Makes the sender of webhook POSTs: no redirects followed (a 3xx is a failed attempt, as Plain
 * counts it), a timeout on the whole attempt, a cap on the response body read, credentials in the
 * URL sent as Basic authorization, and private addresses refused when asked.
 */
export function createWebhookSender(options: WebhookSenderOptions): {
  send: SendWebhook;
  close(): Promise<void>;
} {
  const maxResponseBytes = options.maxResponseBytes ?? 64 * 1024;
  const excerptBytes = options.excerptBytes ?? 1024;
  const agent = new Agent({
    connect: options.blockPrivate ? { lookup: publicOnlyLookup } : {},
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });

  async function send(webhook: WebhookRequest): Promise<WebhookResponse> {
    const url = new URL(webhook.url);
    if (options.blockPrivate && hasPrivateHost(url)) {
      return {
        kind: 'rejected',
        message: `${url.hostname} is a private address; THREADLINE_WEBHOOK_BLOCK_PRIVATE is on.`,
      };
    }
    const headers = { ...webhook.headers };
    if (url.username || url.password) {
      const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
      headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
      url.username = '';
      url.password = '';
    }
    try {
      const response = await request(url, {
        method: 'POST',
        headers,
        body: webhook.body,
        dispatcher: agent,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const chunks: Buffer[] = [];
      let read = 0;
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        if (read < excerptBytes) chunks.push(chunk.subarray(0, excerptBytes - read));
        read += chunk.length;
        if (read >= maxResponseBytes) break;
      }
      response.body.destroy();
      return {
        kind: 'response',
        status: response.statusCode,
        bodyExcerpt: Buffer.concat(chunks).toString('utf8'),
      };
    } catch (error) {
      const { code, message } = errorCodeOf(error);
      if (code === PRIVATE_ADDRESS.toLowerCase()) return { kind: 'rejected', message };
      return { kind: 'error', code, message };
    }
  }

  return { send, close: () => agent.close() };
}
