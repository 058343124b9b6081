/**
 * What recipients rely on over HTTP: link-preview bots consume nothing, a single-use
 * secret is revealed exactly once under concurrency, clients behind a trusted proxy get
 * their own rate-limit buckets, and the audit trail records the resolved IP and agent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, createSecret, startTestServer, type TestServer } from './harness';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(...args: Parameters<typeof startTestServer>): Promise<TestServer> {
  const server = await startTestServer(...args);
  servers.push(server);
  return server;
}

const PREVIEW_BOTS = [
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  'facebookexternalhit/1.1;line-poker/1.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) BingPreview/1.0b Microsoft Office/16.0 (Microsoft Outlook)',
  'Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com',
];

describe('link previews', () => {
  it('100 rounds of GET and HEAD of the page by preview bots consume nothing', async () => {
    const server = await start();
    const secret = await createSecret(server);
    const before = await server.store.probe.dumpRows();
    for (let round = 0; round < 100; round += 1) {
      const agent = PREVIEW_BOTS[round % PREVIEW_BOTS.length] as string;
      for (const method of ['GET', 'HEAD']) {
        const page = await call(`${server.base}/s/${secret.id}`, {
          method,
          headers: { 'user-agent': agent },
        });
        expect(page.status).toBe(200);
      }
    }
    expect(await server.store.probe.dumpRows()).toEqual(before);
    const reveal = await call(`${server.base}/api/secrets/${secret.id}/reveal`, {
      body: { keyProof: secret.keyProof },
    });
    expect(reveal.status).toBe(200);
  });
});

describe('concurrency', () => {
  it('100 concurrent reveals of a single-use secret: exactly one 200, the rest 404', async () => {
    const server = await start({
      rateLimits: { budgets: { recipient: { limit: 1000, windowSeconds: 600 } } },
    });
    const secret = await createSecret(server);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        call(`${server.base}/api/secrets/${secret.id}/reveal`, {
          body: { keyProof: secret.keyProof },
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 404)).toHaveLength(99);
  });
});

describe('client IP behind a trusted proxy', () => {
  const clientA = '203.0.113.7';
  const clientB = '198.51.100.9';

  it('one client cannot exhaust another client’s bucket, even by forging hops', async () => {
    const server = await start({
      trustedProxies: ['127.0.0.1'],
      rateLimits: { budgets: { recipient: { limit: 3, windowSeconds: 600 } } },
    });
    const meta = (forwardedFor: string) =>
      call(`${server.base}/api/secrets/AAAAAAAAAAAAAAAAAAAAAA/meta`, {
        body: {},
        headers: { 'x-forwarded-for': forwardedFor },
      });
    // A forges B's address on the left; the proxy appended A's real one on the right.
    for (let i = 0; i < 3; i += 1) expect((await meta(`${clientB}, ${clientA}`)).status).toBe(404);
    expect((await meta(clientA)).status).toBe(429);
    const b = await meta(clientB);
    expect(b.status).toBe(404);
    expect(b.headers.get('ratelimit')).toMatch(/^"recipient";r=2;/);
  });

  it('the resolved IP and the user agent reach the audit trail', async () => {
    const server = await start({ trustedProxies: ['127.0.0.1', '10.0.0.0/8'] });
    const secret = await createSecret(server);
    const headers = { 'x-forwarded-for': `${clientA}, 10.0.0.1`, 'user-agent': 'Recipient/1.0' };
    await call(`${server.base}/api/secrets/${secret.id}/meta`, {
      body: { keyProof: secret.keyProof },
      headers,
    });
    await call(`${server.base}/api/secrets/${secret.id}/reveal`, {
      body: { keyProof: secret.keyProof },
      headers,
    });
    const events = await call(`${server.base}/api/secrets/${secret.id}/events`, { token: 'alice' });
    expect(
      events.json.events.map((event: { type: string; ip: string; userAgent: string }) => [
        event.type,
        event.ip,
        event.userAgent,
      ]),
    ).toEqual([
      ['created', '127.0.0.1', 'node'],
      ['opened', clientA, 'Recipient/1.0'],
      ['revealed', clientA, 'Recipient/1.0'],
    ]);
  });

  it('stores truncated addresses when the service is configured so', async () => {
    const server = await start(
      { trustedProxies: ['127.0.0.1', '10.0.0.0/8'] },
      { ipStorage: 'truncated' },
    );
    const secret = await createSecret(server);
    const headers = { 'x-forwarded-for': `${clientA}, 10.0.0.1` };
    await call(`${server.base}/api/secrets/${secret.id}/reveal`, {
      body: { keyProof: secret.keyProof },
      headers,
    });
    const events = await call(`${server.base}/api/secrets/${secret.id}/events`, { token: 'alice' });
    expect(events.json.events.at(-1)).toMatchObject({ type: 'revealed', ip: '203.0.113.0/24' });
  });

  it('ignores forwarded headers from an untrusted peer', async () => {
    const server = await start();
    const secret = await createSecret(server);
    await call(`${server.base}/api/secrets/${secret.id}/reveal`, {
      body: { keyProof: secret.keyProof },
      headers: { 'x-forwarded-for': clientA },
    });
    const events = await call(`${server.base}/api/secrets/${secret.id}/events`, { token: 'alice' });
    expect(events.json.events.at(-1)).toMatchObject({ type: 'revealed', ip: '127.0.0.1' });
  });
});
