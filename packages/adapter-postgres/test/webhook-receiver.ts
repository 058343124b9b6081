import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '@hushlink/core';

/** One request as the receiver saw it. */
export interface ReceivedWebhook {
  /** The `webhook-id` header: a receiver's dedupe key. */
  id: string;
  /** The verified body's `type`, or '' when verification failed. */
  type: string;
  /** The verified body's `secretId`, or '' when verification failed. */
  secretId: string;
  verified: boolean;
}

/** A webhook receiver on 127.0.0.1 that records every request. */
export interface WebhookReceiver {
  url: string;
  /** Every request, in arrival order (recorded when its body is in, before any answer). */
  seen: ReceivedWebhook[];
  /** Resolves when the receiver has recorded at least one request. */
  firstRequest: Promise<void>;
  /** Answers 200 from now on; before, requests hang unanswered (a sender's attempt in flight). */
  answer(): void;
  close(): Promise<void>;
}

/**
 * Starts a node:http receiver that verifies each request with `secret` on `clock`
 * (the clock of the dispatchers under test, so injected times pass the 5-minute check).
 */
export async function startWebhookReceiver(
  secret: string,
  clock: () => number,
): Promise<WebhookReceiver> {
  const seen: ReceivedWebhook[] = [];
  let answering = false;
  let noteFirst = () => {};
  const firstRequest = new Promise<void>((resolve) => {
    noteFirst = resolve;
  });
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const received: ReceivedWebhook = {
      id: String(req.headers['webhook-id']),
      type: '',
      secretId: '',
      verified: false,
    };
    try {
      const event = verifyWebhook(secret, req.headers, Buffer.concat(chunks), { now: clock });
      received.type = event.type;
      received.secretId = 'secretId' in event ? event.secretId : '';
      received.verified = true;
    } catch {
      // Recorded as unverified: the test asserts on `verified`.
    }
    seen.push(received);
    noteFirst();
    if (answering) res.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    seen,
    firstRequest,
    answer() {
      answering = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
