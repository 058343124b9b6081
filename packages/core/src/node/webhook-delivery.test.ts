/**
 * End to end on loopback: the service writes the outbox, the dispatcher delivers it with
 * the Node sender to a real node:http receiver, which checks every signature with
 * `verifyWebhook`. Time is an injected clock; only the network is real.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  generateWebhookSecret,
  type NotificationEvent,
  startWebhookDispatcher,
  verifyWebhook,
  type WebhookEndpoint,
} from '../notify';
import { createHushlink } from '../service';
import { ALICE, CLIENT, createSealed, T0, TEST_KEY } from '../service/service-fixture';
import { createMemoryStore } from '../store';
import { createNodeWebhookSender } from './node-webhook-sender';

const SECRET = generateWebhookSecret();

interface Received {
  id: string;
  path: string;
  event: NotificationEvent;
}

/** A webhook receiver on 127.0.0.1 that verifies each delivery and answers `reply()`. */
async function startReceiver(clock: { now: number }, port = 0) {
  const received: Received[] = [];
  const forged: string[] = [];
  let reply: (req: IncomingMessage) => { status: number; headers?: Record<string, string> } | null =
    () => ({ status: 204 });
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    try {
      const event = verifyWebhook(SECRET, req.headers, body, { now: () => clock.now });
      received.push({ id: String(req.headers['webhook-id']), path: req.url ?? '', event });
    } catch (error) {
      forged.push(String(error));
    }
    const answer = reply(req);
    if (answer === null) return; // never answers: the sender's timeout must fire
    res.writeHead(answer.status, answer.headers).end();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    received,
    forged,
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    setReply: (next: typeof reply) => {
      reply = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
const open: Receiver[] = [];
afterEach(async () => {
  for (const receiver of open.splice(0)) await receiver.close().catch(() => undefined);
});

async function setup(webhookOptions: Partial<WebhookEndpoint>[] = [{}], timeoutMs = 5_000) {
  const clock = { now: T0 };
  const receiver = await startReceiver(clock);
  open.push(receiver);
  const webhooks = webhookOptions.map((o, i) => ({
    url: `${receiver.url}/hook${i}`,
    secret: SECRET,
    ...o,
  }));
  const store = createMemoryStore();
  const errors: unknown[] = [];
  const hushlink = createHushlink({ store, keys: TEST_KEY, now: () => clock.now, webhooks });
  const dispatcher = startWebhookDispatcher({
    store,
    webhooks,
    intervalMs: null,
    now: () => clock.now,
    timeoutMs,
    send: createNodeWebhookSender({ allowPrivate: true }),
    onError: (error) => errors.push(error),
  });
  return { clock, receiver, store, hushlink, dispatcher, errors };
}

describe('webhook delivery to a loopback receiver', () => {
  it('delivers every event exactly once, signed, per endpoint filter, without secret material', async () => {
    const { receiver, hushlink, dispatcher, clock } = await setup([{}, { events: ['revealed'] }]);
    const s = await createSealed(hushlink, { label: 'for Bob', notify: true });
    await hushlink.meta(s.id, s.keyProof, null, CLIENT);
    await hushlink.reveal(s.id, { keyProof: s.keyProof }, CLIENT);
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 4, retrying: 0, failed: 0 });
    clock.now += 3_600_000;
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 0, retrying: 0, failed: 0 });

    expect(receiver.forged).toEqual([]);
    const ids = receiver.received.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const byPath = (path: string) => receiver.received.filter((r) => r.path === path);
    expect(
      byPath('/hook0')
        .map((r) => r.event.type)
        .sort(),
    ).toEqual(['created', 'opened', 'revealed']);
    expect(byPath('/hook1').map((r) => r.event.type)).toEqual(['revealed']);
    expect(byPath('/hook1')[0]?.event).toEqual({
      type: 'revealed',
      secretId: s.id,
      label: 'for Bob',
      at: new Date(T0).toISOString(),
      ip: CLIENT.ip,
      userAgent: CLIENT.userAgent,
      notify: true,
      createdBy: ALICE,
      detail: { views: 1, remainingViews: 0 },
    });
    const everything = JSON.stringify(receiver.received);
    for (const bytes of [s.envelope, s.key, s.keyProof]) {
      expect(everything).not.toContain(Buffer.from(bytes).toString('base64url'));
    }
    expect(everything).not.toContain(s.plaintext);
  });

  it('keeps retrying while the receiver is down and delivers once it is back', async () => {
    const { receiver, hushlink, dispatcher, clock } = await setup();
    const { port } = receiver;
    await receiver.close();
    await createSealed(hushlink);
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    clock.now += 4_999;
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    clock.now += 1;
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    const back = await startReceiver(clock, port);
    open.push(back);
    clock.now += 9_999;
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    clock.now += 1;
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(back.received.map((r) => r.event.type)).toEqual(['created']);
    clock.now += 86_400_000;
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(back.received).toHaveLength(1);
  });

  it('backs off 5 s doubling and gives up after 24 hours, visibly to the host', async () => {
    const { receiver, hushlink, dispatcher, clock } = await setup();
    receiver.setReply(() => ({ status: 500 }));
    await createSealed(hushlink);
    const attemptsAt: number[] = [];
    let report = { delivered: 0, retrying: 1, failed: 0 };
    while (report.failed === 0) {
      report = await dispatcher.deliverDue();
      if (report.retrying + report.failed > 0) attemptsAt.push(clock.now - T0);
      clock.now += 5_000;
    }
    expect(attemptsAt.slice(0, 4)).toEqual([0, 5_000, 15_000, 35_000]);
    expect(attemptsAt).toHaveLength(15);
    expect(attemptsAt.at(-1)).toBeLessThanOrEqual(86_400_000);
    const failed = await dispatcher.listFailedDeliveries();
    expect(failed).toEqual([
      expect.objectContaining({
        attempts: 15,
        lastError: 'HTTP 500',
        endpointId: `${receiver.url}/hook0`,
      }),
    ]);
    expect(JSON.parse(failed[0]?.payload ?? '{}')).toMatchObject({ type: 'created' });
    expect(receiver.received).toHaveLength(15);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(1);
  });

  it('does not follow redirects and times out a receiver that never answers', async () => {
    const { receiver, hushlink, dispatcher, clock, errors } = await setup([{}], 100);
    receiver.setReply((req) =>
      req.url === '/hook0' ? { status: 307, headers: { location: '/elsewhere' } } : { status: 204 },
    );
    await createSealed(hushlink);
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(receiver.received.map((r) => r.path)).toEqual(['/hook0']);

    receiver.setReply(() => null);
    clock.now += 5_000;
    const started = Date.now();
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(String(errors.at(-1))).toMatch(/timed out after 100 ms/);
  });
});
