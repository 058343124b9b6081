/**
 * The Next.js example in production (`next build`, then its custom server): the core story
 * in a real Chromium — sign in, create with a passphrase, open the link in a fresh browser,
 * reveal, reload shows "gone". Every request the browsers send is recorded: the fragment
 * key is in none. The pages carry a nonce CSP with 'strict-dynamic' and break none of it,
 * and headers a client sends to choose its own address change nothing in the audit trail.
 * Request links (DESIGN.md §10) and "opened" notifications (§11) work here as in the
 * Express example: the server sends signed webhooks to a receiver on loopback.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateWebhookSecret, verifyWebhook } from '@hushlink/core';
import { encodeBase64url, seal } from '@hushlink/core/crypto';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../scripts/chromium';
import {
  expectReadLinkSpent,
  expectSecondAnswerRefused,
  GONE,
  recordRequests,
  revealAnswerFromList,
  type SentRequest,
} from '../support/browser-flows';
import {
  ADMIN_PASSWORD,
  ADMIN_TOKEN,
  ADMIN_USER,
  buildExample,
  type RunningExample,
  startExample,
} from './next-app';

const REQUEST_ANSWER = 'customer VPN password: c0rrect-h0rse ✓';
const NOTIFY_TEXT = 'staging db password: 9b1e-not-a-real-one';
/** What a client might send to pick its own address; the example must ignore all of it. */
const SPOOFED_HEADERS = {
  'x-hushlink-peer': '203.0.113.9',
  'x-forwarded-for': '198.51.100.7',
  'x-real-ip': '198.51.100.8',
  forwarded: 'for=198.51.100.9',
};

/** One webhook delivery as the receiver got it. */
interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

let server: RunningExample;
let browser: Browser;
/** Every request any browser context sent: url, method, headers, body. */
const sent: SentRequest[] = [];
const cspViolations: string[] = [];
const signingSecret = generateWebhookSecret();
const deliveries: Delivery[] = [];
let receiver: Server | undefined;

async function newContext(headers?: Record<string, string>): Promise<BrowserContext> {
  const context = await browser.newContext(headers ? { extraHTTPHeaders: headers } : {});
  recordRequests(context, sent);
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  return context;
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${server.origin}/admin`);
  await page.waitForURL(`${server.origin}/admin/login`);
  await page.getByLabel('User').fill(ADMIN_USER);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${server.origin}/admin`);
}

/** A webhook receiver on loopback that records every delivery and answers 204. */
async function startReceiver(): Promise<string> {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  const listening = receiver;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  const { port } = listening.address() as AddressInfo;
  return `http://127.0.0.1:${port}/hooks/hushlink`;
}

beforeAll(async () => {
  const webhookUrl = await startReceiver();
  await buildExample();
  // Configured as an operator would: the server's own environment.
  server = await startExample({
    env: {
      HUSHLINK_WEBHOOK_URL: webhookUrl,
      HUSHLINK_WEBHOOK_SECRET: signingSecret,
      HUSHLINK_WEBHOOK_ALLOW_PRIVATE: '1',
    },
  });
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  const listening = receiver;
  if (listening) await new Promise<void>((resolve) => listening.close(() => resolve()));
});

describe('examples/nextjs in production', () => {
  it('creates with a passphrase, reveals once in a fresh browser, then says it is gone', async () => {
    const creator = await newContext();
    const admin = await creator.newPage();
    await signIn(admin);
    const form = admin.locator('hushlink-create');
    await form.getByLabel('Secret', { exact: true }).fill('next.js db password: hunter2');
    await form.getByLabel('Passphrase (optional)').fill('correct horse');
    await form.getByRole('button', { name: 'Create secret link' }).click();
    const linkBox = form.getByRole('textbox', { name: 'Secret link', exact: true });
    await linkBox.waitFor();
    const link = await linkBox.inputValue();
    expect(link).toMatch(new RegExp(`^${server.origin}/s/[A-Za-z0-9_-]+#[A-Za-z0-9_-]{43}$`));
    const key = new URL(link).hash.slice(1);
    const id = new URL(link).pathname.split('/').pop() as string;

    // The recipient's browser also claims other addresses; only the socket's may count.
    const recipient = await newContext(SPOOFED_HEADERS);
    const page = await recipient.newPage();
    const answer = await page.goto(link);
    const csp = answer?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(answer?.headers()['cache-control']).toBe('no-store');
    expect(answer?.headers()['referrer-policy']).toBe('no-referrer');

    const reveal = page.getByRole('button', { name: 'Click to reveal' });
    await reveal.waitFor();
    expect(page.url()).toBe(`${server.origin}/s/${id}`);
    await page.getByLabel('Passphrase').fill('correct horse');
    await reveal.click();
    const secret = page.getByLabel('Your secret');
    await secret.waitFor();
    expect(await secret.inputValue()).toBe('next.js db password: hunter2');
    expect(page.url()).not.toContain('#');

    const again = await page.reload();
    await page.getByText(GONE).waitFor();
    // A fresh nonce on every page answer.
    expect(again?.headers()['content-security-policy']).not.toBe(csp);

    expect(sent.length).toBeGreaterThan(10);
    expect(sent.some((request) => request.url.endsWith(`/api/secrets/${id}/reveal`))).toBe(true);
    expect(JSON.stringify(sent)).not.toContain(key);
    expect(cspViolations).toEqual([]);

    // The audit trail holds the socket's address, whatever the client claimed.
    const events = await fetch(`${server.origin}/api/secrets/${id}/events`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(events.status).toBe(200);
    const { events: trail } = (await events.json()) as {
      events: { type: string; ip: string | null }[];
    };
    expect(trail.map((event) => event.type)).toEqual(['created', 'opened', 'revealed']);
    expect(trail.filter((event) => event.type !== 'created').map((event) => event.ip)).toEqual([
      '127.0.0.1',
      '127.0.0.1',
    ]);
    await creator.close();
    await recipient.close();
  }, 90_000);

  it('asks for a secret, takes one answer, reveals it once, and never sends pk or sk', async () => {
    const creator = await newContext();
    const admin = await creator.newPage();
    await signIn(admin);
    const form = admin.locator('hushlink-request-form');
    await form.getByLabel('Label (optional, shown to the person you ask)').fill('VPN for ACME');
    await form.getByRole('button', { name: 'Create request link' }).click();
    const requestField = form.getByRole('textbox', { name: 'Request link', exact: true });
    await requestField.waitFor();
    const requestLink = await requestField.inputValue();
    const readLink = await form
      .getByRole('textbox', { name: 'Your private link to read the answer' })
      .inputValue();
    expect(requestLink).toMatch(
      new RegExp(`^${server.origin}/r/[A-Za-z0-9_-]{22}#[A-Za-z0-9_-]{43}$`),
    );
    expect(readLink).toMatch(
      new RegExp(`^${server.origin}/admin/requests/[A-Za-z0-9_-]{22}#[A-Za-z0-9_-]{43}$`),
    );
    const id = new URL(requestLink).pathname.split('/').pop() as string;
    const pk = new URL(requestLink).hash.slice(1);
    const sk = new URL(readLink).hash.slice(1);

    // The customer answers in a fresh browser.
    const customer = await newContext();
    const page = await customer.newPage();
    await page.goto(requestLink);
    await page.getByText('VPN for ACME').first().waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('');
    await page.getByRole('button', { name: 'Click to start' }).click();
    await page.getByLabel('Your secret').fill(REQUEST_ANSWER);
    await page.getByRole('button', { name: 'Send securely' }).click();
    await page.getByText('Sent — you can close this window').waitFor();
    await customer.close();

    // A second answer is refused: the page says the link is used, the API answers 404.
    const sentAnswer = await expectSecondAnswerRefused({
      newContext: () => newContext(),
      origin: server.origin,
      requestLink,
      id,
      sent,
    });

    // The creator reveals the answer from the requests list (sk from IndexedDB).
    expect(await revealAnswerFromList(admin, id, 'VPN for ACME')).toBe(REQUEST_ANSWER);

    // Read once: the private link's page (sk in its fragment) finds nothing left.
    await expectReadLinkSpent(admin, readLink);

    // Neither pk nor sk reached the network, nor the server's log.
    const browserSide = JSON.stringify(sent);
    for (const key of [pk, sk]) {
      expect(browserSide).not.toContain(key);
      expect(server.output()).not.toContain(key);
    }
    const answerKeys = Object.keys(JSON.parse(sentAnswer)).sort();
    expect(answerKeys).toEqual(['envelope', 'ephemeralKey', 'keyProof', 'requestProof']);
    expect(sentAnswer).not.toContain('c0rrect');
    expect(cspViolations).toEqual([]);
    await creator.close();
  }, 60_000);

  it('notifies: the admin page shows "opened" live, the receiver gets a signed `opened`', async () => {
    const creator = await newContext();
    const admin = await creator.newPage();
    await signIn(admin);
    const form = admin.locator('hushlink-create');
    await form.getByLabel('Secret', { exact: true }).fill(NOTIFY_TEXT);
    await form.getByLabel('Label (optional, only you see it)').fill('Staging DB');
    await form.getByLabel('Notify me when opened').check();
    await form.getByRole('button', { name: 'Create secret link' }).click();
    const linkBox = form.getByRole('textbox', { name: 'Secret link', exact: true });
    await linkBox.waitFor();
    const link = await linkBox.inputValue();
    const id = new URL(link).pathname.split('/').pop() as string;
    const key = new URL(link).hash.slice(1);
    const row = admin.locator(`hushlink-history tr[data-id="${id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-opened')).toBeNull();

    // The recipient only loads the page (no reveal): that is "opened".
    const recipient = await newContext();
    const page = await recipient.newPage();
    await page.goto(link);
    await page.getByRole('button', { name: 'Click to reveal' }).waitFor();

    // The admin page learns it by itself, without a reload.
    await row.locator('.hl-opened').waitFor({ timeout: 20_000 });
    expect(await row.getAttribute('data-opened')).toBe('true');
    await expect.poll(() => admin.locator('.hl-live').textContent()).toBe('Staging DB was opened.');
    await recipient.close();

    // The receiver: `opened` for this secret, signed with our secret, no secret material.
    await expect
      .poll(() => deliveries.filter((d) => d.body.includes('"opened"') && d.body.includes(id)), {
        timeout: 20_000,
      })
      .toHaveLength(1);
    const events = deliveries
      .filter((delivery) => delivery.body.includes(id))
      .map((delivery) => {
        expect(delivery.body).not.toContain(NOTIFY_TEXT);
        expect(delivery.body).not.toContain(key);
        return verifyWebhook(signingSecret, delivery.headers, delivery.body) as unknown as {
          type: string;
          secretId: string;
          label: string | null;
          ip: string | null;
          notify: boolean;
        };
      });
    const opened = events.find((event) => event.type === 'opened');
    expect(opened).toMatchObject({
      secretId: id,
      label: 'Staging DB',
      ip: '127.0.0.1',
      notify: true,
    });
    // A signature made with another secret is refused.
    const [first] = deliveries as [Delivery];
    expect(() => verifyWebhook(generateWebhookSecret(), first.headers, first.body)).toThrow();
    // The line a host could replace with an email.
    expect(server.output()).toContain('[hushlink] opened: Staging DB by 127.0.0.1');
    expect(cspViolations).toEqual([]);
    await creator.close();
  }, 60_000);
});

describe('examples/nextjs under plain `next start`', () => {
  it('works, with every client "unknown": the peer header is not believed, and the log says so once', async () => {
    const plain = await startExample({ plain: true });
    try {
      const creator = { authorization: `Bearer ${ADMIN_TOKEN}`, ...SPOOFED_HEADERS };
      const sealed = await seal('plain next start');
      const created = await fetch(`${plain.origin}/api/secrets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...creator },
        body: JSON.stringify({
          envelope: encodeBase64url(sealed.envelope),
          keyProof: encodeBase64url(sealed.keyProof),
        }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      for (let i = 0; i < 2; i++) {
        const meta = await fetch(`${plain.origin}/api/secrets/${id}/meta`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...SPOOFED_HEADERS },
          body: JSON.stringify({ keyProof: encodeBase64url(sealed.keyProof) }),
        });
        expect(meta.status).toBe(200);
      }
      const answer = await fetch(`${plain.origin}/api/secrets/${id}/events`, { headers: creator });
      const { events } = (await answer.json()) as { events: { type: string; ip: string | null }[] };
      expect(events.map((event) => [event.type, event.ip])).toEqual([
        ['created', null],
        ['opened', null],
      ]);
      expect(plain.output().match(/every client is "unknown"/g)).toHaveLength(1);
    } finally {
      await plain.stop();
    }
  }, 60_000);
});
