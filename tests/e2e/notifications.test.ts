/**
 * Notifications and several recipients (issue 12) in a real Chromium against the Express
 * example, configured through its environment variables to send webhooks to a receiver on
 * loopback: one secret for three recipients with "Notify me when opened"; each link opens
 * on its own in a fresh browser; the admin page shows "opened" live, without a reload; the
 * receiver gets `created`, `opened` and `revealed`, signed, without secret material.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWebhookSecret, verifyWebhook } from '@hushlink/core';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../examples/express/src/config';
import { type CreatedApp, createApp } from '../../examples/express/src/create-app';
import { chromiumArgs, findChromium } from '../../scripts/chromium';
import {
  ADMIN_PASSWORD,
  ADMIN_USER,
  screenshots,
  seriousA11yViolations,
  signIn,
} from './browser-fixture';

const SECRET_TEXT = 'deploy key: 7f3a-not-a-real-key';
/** The fields a webhook body may carry (DESIGN.md §11, plus `detail`): nothing secret. */
const WEBHOOK_FIELDS = [
  'at',
  'createdBy',
  'detail',
  'ip',
  'label',
  'notify',
  'secretId',
  'type',
  'userAgent',
];

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

const signingSecret = generateWebhookSecret();
const deliveries: Delivery[] = [];
const logged: string[] = [];
let receiver: Server;
let app: CreatedApp;
let origin: string;
let browser: Browser;
let dataDir: string;

/** The example's configuration from the environment, as an operator would set it. */
function configWith(env: Record<string, string>) {
  return {
    ...configFromEnv({
      HUSHLINK_DATA_DIR: dataDir,
      PORT: '0',
      APP_SECRET: 'e2e-app-secret-long-enough-to-derive-a-key',
      ...env,
    }),
    adminUser: ADMIN_USER,
    adminPassword: ADMIN_PASSWORD,
    sweepIntervalMs: 0,
    log: (line: string) => logged.push(line),
  };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hushlink-notify-'));
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  app = await createApp(
    configWith({
      HUSHLINK_WEBHOOK_URL: `http://127.0.0.1:${port}/hooks/hushlink`,
      HUSHLINK_WEBHOOK_SECRET: signingSecret,
      HUSHLINK_WEBHOOK_ALLOW_PRIVATE: '1',
    }),
  );
  ({ origin } = await app.listen());
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

/** Opens a link in a fresh browser context (own cookies and storage), clicks reveal, reads it. */
async function revealInFreshBrowser(link: string): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole('button', { name: 'Click to reveal' }).click();
    const secret = page.getByLabel('Your secret');
    await secret.waitFor();
    return await secret.inputValue();
  } finally {
    await context.close();
  }
}

/** The history row of a link's secret. */
function rowOf(admin: Page, link: string) {
  const id = new URL(link).pathname.split('/').pop() as string;
  return admin.locator(`hushlink-history tr[data-id="${id}"]`);
}

describe('notifications and several recipients', () => {
  it('refuses to start with a malformed webhook secret, naming the variable', async () => {
    await expect(
      createApp(
        configWith({
          HUSHLINK_WEBHOOK_URL: 'https://hooks.example.com/',
          HUSHLINK_WEBHOOK_SECRET: 'x',
        }),
      ),
    ).rejects.toThrow(/HUSHLINK_WEBHOOK_SECRET/);
  });

  it('three recipients, three links: each opens on its own, the admin sees "opened" live, the receiver hears of it', async () => {
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, origin);

    // The create form: notify, several recipients, one label each.
    const form = admin.locator('hushlink-create');
    await form.getByLabel('Secret', { exact: true }).fill(SECRET_TEXT);
    await form.getByLabel('Label (optional, only you see it)').fill('Deploy key');
    await form.getByLabel('Notify me when opened').check();
    await form.getByRole('checkbox', { name: /Several recipients/ }).check();
    await form.getByLabel('Recipient 1 label (optional)').fill('Amy');
    await form.getByLabel('Recipient 2 label (optional)').fill('Bob');
    await form.getByRole('button', { name: 'Add a recipient' }).click();
    // Focus moved to the new row: a keyboard user types the third label at once.
    await admin.keyboard.type('Cid');
    expect(await seriousA11yViolations(admin)).toEqual([]);
    expect(await screenshots(admin, 'admin-create-several')).toEqual({ 360: 360, 1280: 1280 });
    await form.getByRole('button', { name: 'Create 3 secret links' }).click();

    const links: Record<string, string> = {};
    for (const name of ['Amy', 'Bob', 'Cid']) {
      const field = form.getByRole('textbox', { name: `Link for ${name}` });
      await field.waitFor();
      links[name] = await field.inputValue();
    }
    const keys = Object.values(links).map((link) => new URL(link).hash.slice(1));
    // Sealed once per recipient: three different ids and three different keys.
    expect(new Set(Object.values(links).map((l) => new URL(l).pathname)).size).toBe(3);
    expect(new Set(keys).size).toBe(3);
    await form.getByRole('button', { name: 'Copy link for Bob' }).waitFor();
    await form.getByText('QR code').first().click();
    await form.getByRole('img', { name: 'QR code of the link for Amy' }).waitFor();

    // The history lists them under one entry, one row each, none opened yet.
    const group = admin.locator('hushlink-history tbody.hl-group');
    await expect.poll(() => group.locator('tr[data-id]').count()).toBe(3);
    expect(await group.locator('tr[data-opened]').count()).toBe(0);
    await group.getByText('0 of 3 opened').waitFor();

    // Bob opens his link in a browser of his own; the admin page shows it without a reload.
    const bobContext = await browser.newContext();
    const bob = await bobContext.newPage();
    await bob.goto(links.Bob as string);
    await bob.getByRole('button', { name: 'Click to reveal' }).waitFor();
    const bobRow = rowOf(admin, links.Bob as string);
    await bobRow.locator('.hl-opened').waitFor({ timeout: 20_000 });
    expect(await bobRow.getAttribute('data-opened')).toBe('true');
    await expect.poll(() => admin.locator('.hl-live').textContent()).toBe('Bob was opened.');
    expect(await rowOf(admin, links.Amy as string).getAttribute('data-opened')).toBeNull();

    await bob.getByRole('button', { name: 'Click to reveal' }).click();
    await bob.getByLabel('Your secret').waitFor();
    expect(await bob.getByLabel('Your secret').inputValue()).toBe(SECRET_TEXT);
    await bobContext.close();

    // Bob's reveal used up his link only: Amy's and Cid's still open, each in a fresh browser.
    expect(await revealInFreshBrowser(links.Amy as string)).toBe(SECRET_TEXT);
    expect(await revealInFreshBrowser(links.Cid as string)).toBe(SECRET_TEXT);
    await expect
      .poll(() => group.locator('tr[data-status="viewed"][data-opened="true"]').count(), {
        timeout: 20_000,
      })
      .toBe(3);
    await group.getByText('3 of 3 opened').waitFor();
    expect(await seriousA11yViolations(admin)).toEqual([]);
    // No sideways scrolling on a phone or a desktop.
    expect(await screenshots(admin, 'admin-group-opened')).toEqual({ 360: 360, 1280: 1280 });

    // The receiver: every delivery signed, no secret material; created, opened, revealed each.
    await expect
      .poll(() => deliveries.filter((d) => d.body.includes('"revealed"')).length, {
        timeout: 20_000,
      })
      .toBe(3);
    const events = deliveries.map((delivery) => {
      const event = verifyWebhook(signingSecret, delivery.headers, delivery.body);
      expect(Object.keys(event).sort()).toEqual(WEBHOOK_FIELDS);
      expect(delivery.body).not.toContain(SECRET_TEXT);
      for (const key of keys) expect(delivery.body).not.toContain(key);
      return event as unknown as { type: string; label: string; notify: boolean; secretId: string };
    });
    const ids = Object.values(links).map((link) => new URL(link).pathname.split('/').pop());
    for (const type of ['created', 'opened', 'revealed']) {
      const ofType = events.filter((event) => event.type === type);
      expect(ofType.map((event) => event.secretId).sort()).toEqual([...ids].sort());
    }
    expect(events.every((event) => event.notify)).toBe(true);
    expect(events.filter((e) => e.type === 'created').map((e) => e.label)).toEqual(
      expect.arrayContaining(['Amy', 'Bob', 'Cid']),
    );
    // A forged signature is refused.
    const [first] = deliveries as [Delivery];
    expect(() => verifyWebhook(generateWebhookSecret(), first.headers, first.body)).toThrow();
    // Each message once: no webhook-id twice from a healthy receiver.
    const messageIds = deliveries.map((d) => d.headers['webhook-id']);
    expect(new Set(messageIds).size).toBe(messageIds.length);

    // The log line a host could replace with an email.
    expect(logged).toContain('[hushlink] opened: Bob by 127.0.0.1');
    await adminContext.close();
  }, 60_000);
});
