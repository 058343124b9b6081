import type { LookupAddress } from 'node:dns';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookTargetRefusedError } from '../notify';
import { createNodeWebhookSender } from './node-webhook-sender';

/** A resolver that answers every name with `addresses` (a rebinding DNS server, say). */
const resolvingTo = (...addresses: string[]) =>
  ((_host: string, _options: unknown, callback: (e: null, a: LookupAddress[]) => void) =>
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    )) as never;

describe('createNodeWebhookSender', () => {
  const server = createServer((_req, res) => res.writeHead(202).end());
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const request = (host: string) => ({
    url: `http://${host}:${port}/hook`,
    headers: { 'content-type': 'application/json' },
    body: '{}',
    timeoutMs: 2_000,
  });

  it('checks the addresses a host name resolves to at connect time', async () => {
    const guarded = createNodeWebhookSender({ lookup: resolvingTo('127.0.0.1') });
    await expect(guarded(request('hooks.example.test'))).rejects.toBeInstanceOf(
      WebhookTargetRefusedError,
    );
    const mixed = createNodeWebhookSender({ lookup: resolvingTo('93.184.215.14', '10.0.0.7') });
    await expect(mixed(request('hooks.example.test'))).rejects.toThrow(/10\.0\.0\.7/);
  });

  it('refuses private IP literals before connecting, unless private targets are allowed', async () => {
    await expect(createNodeWebhookSender()(request('127.0.0.1'))).rejects.toBeInstanceOf(
      WebhookTargetRefusedError,
    );
    const open = createNodeWebhookSender({ allowPrivate: true, lookup: resolvingTo('127.0.0.1') });
    expect(await open(request('127.0.0.1'))).toEqual({ status: 202 });
    expect(await open(request('hooks.example.test'))).toEqual({ status: 202 });
  });
});
