/**
 * Webhooks survive a killed process: the outbox lives in the SQLite file, written with
 * each transition, so a new dispatcher over the same file delivers what the dead process
 * never sent — including a message it had claimed and was sending when it died.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeWebhookSender } from '@hushlink/core/node';
import { describe, expect, it } from 'vitest';
import { exited, spawnFixture, waitForLine } from '../test/child-process';
import {
  generateWebhookSecret,
  startWebhookDispatcher,
  verifyWebhook,
} from '../test/notify-imports';
import { tempDatabase } from '../test/temp-database';
import { createSqliteStores } from './create-sqlite-stores';

const LEASE_MS = 120_000;

async function receiver(secret: string, clock: () => number) {
  const seen: Array<{ id: string; type: string; verified: boolean }> = [];
  let hang = true;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let type = '';
    let verified = false;
    try {
      type = verifyWebhook(secret, req.headers, Buffer.concat(chunks), { now: clock }).type;
      verified = true;
    } catch {}
    seen.push({ id: String(req.headers['webhook-id']), type, verified });
    if (!hang) res.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    seen,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    answer: () => {
      hang = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function deliverAfterRestart(
  filename: string,
  url: string,
  secret: string,
  now: () => number,
) {
  const stores = createSqliteStores({ filename });
  const dispatcher = startWebhookDispatcher({
    store: stores.secrets,
    webhooks: [{ url, secret }],
    intervalMs: null,
    now,
    leaseMs: LEASE_MS,
    send: createNodeWebhookSender({ allowPrivate: true }),
  });
  const first = await dispatcher.deliverDue();
  const second = await dispatcher.deliverDue();
  await stores.close();
  return [first, second];
}

describe('webhooks across a SIGKILL', () => {
  it('delivers the outbox of a process killed right after its transitions', async () => {
    const temp = tempDatabase();
    const secret = generateWebhookSecret();
    const hook = await receiver(secret, Date.now);
    hook.answer();
    try {
      const setup = createSqliteStores({ filename: temp.filename });
      await setup.migrate();
      await setup.close();
      const child = spawnFixture('webhook-writer.ts', [
        temp.filename,
        hook.url,
        secret,
        'transition',
      ]);
      await waitForLine(child, (line) => line.startsWith('ready'));
      child.kill('SIGKILL');
      expect(await exited(child)).toBe('SIGKILL');
      expect(hook.seen).toEqual([]);

      const [first, second] = await deliverAfterRestart(temp.filename, hook.url, secret, Date.now);
      expect(first).toEqual({ delivered: 2, retrying: 0, failed: 0 });
      expect(second).toEqual({ delivered: 0, retrying: 0, failed: 0 });
      expect(hook.seen.map((s) => [s.type, s.verified])).toEqual([
        ['created', true],
        ['revealed', true],
      ]);
    } finally {
      await hook.close();
      temp.remove();
    }
  });

  it('re-sends, once its lease has run out, a message the killed process was delivering', async () => {
    const temp = tempDatabase();
    const secret = generateWebhookSecret();
    const later = () => Date.now() + LEASE_MS + 1_000;
    const hook = await receiver(secret, later);
    try {
      const setup = createSqliteStores({ filename: temp.filename });
      await setup.migrate();
      await setup.close();
      const child = spawnFixture('webhook-writer.ts', [
        temp.filename,
        hook.url,
        secret,
        'dispatch',
      ]);
      await waitForLine(child, (line) => line.startsWith('ready'));
      while (hook.seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      child.kill('SIGKILL');
      await exited(child);

      hook.answer();
      // Still leased by the dead process: nothing is due yet.
      const [early] = await deliverAfterRestart(temp.filename, hook.url, secret, Date.now);
      expect(early).toEqual({ delivered: 0, retrying: 0, failed: 0 });
      const [first, second] = await deliverAfterRestart(temp.filename, hook.url, secret, later);
      expect(first).toEqual({ delivered: 1, retrying: 0, failed: 0 });
      expect(second).toEqual({ delivered: 0, retrying: 0, failed: 0 });
      // The same webhook-id twice: the receiver's dedupe key for at-least-once delivery.
      expect(hook.seen).toHaveLength(2);
      expect(hook.seen[0]?.id).toBe(hook.seen[1]?.id);
      expect(hook.seen[1]).toMatchObject({ type: 'created', verified: true });
    } finally {
      await hook.close();
      temp.remove();
    }
  });
});
