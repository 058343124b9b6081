/**
 * A Hushlink process with webhooks, to be killed with SIGKILL. Its own pool, its clock
 * fixed at `now`. argv: database URL, schema, receiver URL, webhook secret, now (epoch ms),
 * lease ms, mode:
 * - `transition`: creates and reveals a secret (both outbox rows committed with their
 *   transitions), prints `ready <id>`, then idles without ever dispatching;
 * - `dispatch`: creates a secret, prints `ready <id>`, then runs the dispatcher, whose
 *   attempt hangs on a receiver that does not answer: the kill lands mid-delivery, with
 *   the message claimed and its lease held.
 */
import { createHushlink, startWebhookDispatcher } from '@hushlink/core';
import { seal } from '@hushlink/core/crypto';
import { createNodeWebhookSender } from '@hushlink/core/node';
import { createPostgresStores } from '../src/index';

const [databaseUrl, schema, url, secret, nowText, leaseText, mode] = process.argv.slice(2);
if (!databaseUrl || !schema || !url || !secret || !nowText || !leaseText || !mode) {
  throw new Error('usage: webhook-writer <db-url> <schema> <url> <secret> <now> <lease-ms> <mode>');
}
const now = () => Number(nowText);
const stores = createPostgresStores({ connectionString: databaseUrl }, { schema });
const webhooks = [{ url, secret }];
const hushlink = createHushlink({ store: stores.secrets, keys: 'e5'.repeat(32), webhooks, now });
const client = { ip: '198.51.100.7', userAgent: 'webhook-writer' };
const sealed = await seal('kill me after the transition');
const { id } = await hushlink.createSecret(
  { envelope: sealed.envelope, keyProof: sealed.keyProof, createdBy: 'carol', label: 'crash' },
  client,
);
if (mode === 'transition') {
  await hushlink.reveal(id, { keyProof: sealed.keyProof }, client);
  process.stdout.write(`ready ${id}\n`);
} else {
  process.stdout.write(`ready ${id}\n`);
  const dispatcher = startWebhookDispatcher({
    store: stores.secrets,
    webhooks,
    intervalMs: null,
    now,
    // Far longer than the test runs: only the SIGKILL ends this attempt.
    timeoutMs: Number(leaseText) - 1,
    leaseMs: Number(leaseText),
    send: createNodeWebhookSender({ allowPrivate: true }),
  });
  await dispatcher.deliverDue();
}
// Stay alive, pool open, until killed.
setInterval(() => undefined, 1_000);
