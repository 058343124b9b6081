/**
 * The Next.js example in production (`next build`, then its custom server): the core story
 * in a real Chromium — sign in, create with a passphrase, open the link in a fresh browser,
 * reveal, reload shows "gone". Every request the browsers send is recorded: the fragment
 * key is in none. The pages carry a nonce CSP with 'strict-dynamic' and break none of it,
 * and headers a client sends to choose its own address change nothing in the audit trail.
 */
import { encodeBase64url, seal } from '@hushlink/core/crypto';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../scripts/chromium';
import {
  ADMIN_PASSWORD,
  ADMIN_TOKEN,
  ADMIN_USER,
  buildExample,
  type RunningExample,
  startExample,
} from './next-app';

const GONE =
  'Information no longer available. Contact the person who sent you this link and ask them to create a new secret.';
/** What a client might send to pick its own address; the example must ignore all of it. */
const SPOOFED_HEADERS = {
  'x-hushlink-peer': '203.0.113.9',
  'x-forwarded-for': '198.51.100.7',
  'x-real-ip': '198.51.100.8',
  forwarded: 'for=198.51.100.9',
};

let server: RunningExample;
let browser: Browser;
/** Every request any browser context sent: url, headers, body. */
const sent: string[] = [];
const cspViolations: string[] = [];

async function newContext(headers?: Record<string, string>): Promise<BrowserContext> {
  const context = await browser.newContext(headers ? { extraHTTPHeaders: headers } : {});
  context.on('request', (request) => {
    void request.allHeaders().then((all) => {
      sent.push(JSON.stringify({ url: request.url(), headers: all, body: request.postData() }));
    });
  });
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

beforeAll(async () => {
  await buildExample();
  server = await startExample();
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
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
    expect(sent.some((request) => request.includes(`/api/secrets/${id}/reveal`))).toBe(true);
    for (const request of sent) expect(request).not.toContain(key);
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
