import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST the receiver got. */
export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  /** The body exactly as sent, for signature checks. */
  raw: string;
  body: any;
  /** The status the receiver answered with. */
  answered: number;
}

/** How the receiver answers the nth request (1-based); 200 unless told otherwise. */
export type Answer = (
  n: number,
  webhook: Omit<ReceivedWebhook, 'answered'>,
) => number | { status: number; body?: string; delayMs?: number; location?: string };

/** A real HTTP endpoint on 127.0.0.1 that records every webhook it is sent. */
export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Changes how later requests are answered. */
  answerWith(answer: Answer): void;
  /** Waits until `predicate` holds for the received webhooks (polling), or fails after `timeoutMs`. */
  waitFor(
    predicate: (received: ReceivedWebhook[]) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedWebhook[]>;
  /** The successfully answered webhooks of one event type. */
  delivered(type?: string): ReceivedWebhook[];
  close(): Promise<void>;
}

/** Starts a receiver on a random port of 127.0.0.1. */
export async function startWebhookReceiver(answer: Answer = () => 200): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let current = answer;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = null;
      try {
        body = JSON.parse(raw);
      } catch {
        body = null;
      }
      const webhook = { headers: req.headers, raw, body };
      const decided = current(received.length + 1, webhook);
      const reply = typeof decided === 'number' ? { status: decided } : decided;
      received.push({ ...webhook, answered: reply.status });
      setTimeout(() => {
        if (reply.location) res.setHeader('location', reply.location);
        res.statusCode = reply.status;
        res.end(reply.body ?? (reply.status < 300 ? 'ok' : `failing with ${reply.status}`));
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    answerWith(next) {
      current = next;
    },
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline) {
          const seen = received.map(
            (w) =>
              `${w.body?.type} #${w.body?.webhookMetadata?.webhookDeliveryAttemptNumber} -> ${w.answered}`,
          );
          throw new Error(`timed out waiting for webhooks; received: ${JSON.stringify(seen)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received;
    },
    delivered(type) {
      return received.filter(
        (w) => w.answered >= 200 && w.answered < 300 && (!type || w.body?.type === type),
      );
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
