/**
 * The product page's whole story in a real Chromium against the Express example: sign in,
 * share, reveal in a fresh browser, the history and its audit trail; reusable secrets,
 * the creator's warning, burning after 5 wrong passphrases, "unopened, expired". Every
 * request the browsers send is recorded, and the fragment key appears in none of them.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GONE } from '../support/browser-flows';
import {
  ARTIFACTS,
  createSecret,
  type E2eWorld,
  screenshots,
  seriousA11yViolations,
  signIn,
  startWorld,
} from './browser-fixture';

const CREATOR_WARNING =
  'You created this secret. If you view it, the recipient will not be able to see it.';

let world: E2eWorld;
let admin: Page;
/** Fragment keys of every link created, to look for in the recorded traffic. */
const keys: string[] = [];
/** Content-Security-Policy violations any page reported. */
const cspViolations: string[] = [];

async function recipient(link: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world.newContext();
  const page = await context.newPage();
  watchCsp(page);
  await page.goto(link);
  return { context, page };
}

function watchCsp(page: Page): void {
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
}

function keyOf(link: string): string {
  const key = new URL(link).hash.slice(1);
  expect(key).toHaveLength(43);
  keys.push(key);
  return key;
}

/** The history row of the secret behind `link`, after a refresh. */
async function historyRow(link: string) {
  const id = new URL(link).pathname.split('/').pop() as string;
  await Promise.all([
    admin.waitForResponse((response) => response.url().includes('/api/secrets?')),
    admin.locator('hushlink-history').getByRole('button', { name: 'Refresh' }).click(),
  ]);
  const row = admin.locator(`hushlink-history tr[data-id="${id}"]`);
  await row.waitFor();
  return row;
}

beforeAll(async () => {
  world = await startWorld();
  const context = await world.newContext();
  admin = await context.newPage();
  watchCsp(admin);
  await admin.goto(`${world.origin}/admin/login`);
  expect(await seriousA11yViolations(admin)).toEqual([]);
  await signIn(admin, world.origin);
}, 60_000);

afterAll(async () => {
  await world?.close();
});

describe('sharing a secret, as the product page tells it', () => {
  it('single-use with a passphrase: wrong, right, copy, gone; history shows Viewed and the IP', async () => {
    expect(await seriousA11yViolations(admin)).toEqual([]);
    const link = await createSecret(admin, {
      text: 'db password: hunter2',
      passphrase: 'correct horse',
      label: 'Staging DB',
    });
    keyOf(link);
    expect(link).toMatch(new RegExp(`^${world.origin}/s/[A-Za-z0-9_-]+#[A-Za-z0-9_-]{43}$`));
    await expect(
      admin.getByRole('img', { name: 'QR code of the secret link' }).count(),
    ).resolves.toBe(1);
    expect(await screenshots(admin, 'admin-created')).toEqual({ 360: 360, 1280: 1280 });

    const { context, page } = await recipient(link);
    const reveal = page.getByRole('button', { name: 'Click to reveal' });
    await reveal.waitFor();
    // The fragment left the address bar (and the history entry) before any request.
    expect(await page.evaluate(() => location.hash)).toBe('');
    expect(page.url()).not.toContain('#');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await screenshots(page, 'reveal-ready')).toEqual({ 360: 360, 1280: 1280 });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/reveal-ready-dark-1280.png` });
    await page.emulateMedia({ colorScheme: 'light' });

    await page.getByLabel('Passphrase').fill('wrong horse');
    await reveal.click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Wrong passphrase. 4 attempts left.');

    // Keyboard only: type the right passphrase and press Enter.
    await page.getByLabel('Passphrase').fill('');
    await page.getByLabel('Passphrase').focus();
    await page.keyboard.type('correct horse');
    await page.keyboard.press('Enter');
    const secret = page.getByLabel('Your secret');
    await secret.waitFor();
    expect(await secret.inputValue()).toBe('db password: hunter2');
    expect(await secret.getAttribute('readonly')).not.toBeNull();
    // Focus moved to the revealed secret.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('class'))).toBe(
      'hl-secret',
    );
    await page.getByText('You can close this window').waitFor();
    await page.getByRole('button', { name: 'Copy to clipboard' }).click();
    await page.getByText('Copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('db password: hunter2');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await screenshots(page, 'reveal-revealed')).toEqual({ 360: 360, 1280: 1280 });

    await page.reload();
    await page.getByText(GONE).waitFor();
    await page.goto(link);
    await page.getByText(GONE).waitFor();
    expect(await screenshots(page, 'reveal-gone')).toEqual({ 360: 360, 1280: 1280 });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();

    const row = await historyRow(link);
    await expect.poll(() => row.getAttribute('data-status')).toBe('viewed');
    await row.getByText('Viewed').waitFor();
    await row.getByRole('button', { name: 'Audit trail' }).click();
    const trail = admin.locator('hushlink-history tr.hl-trail:not([hidden])');
    const revealed = trail.locator('tr[data-type="revealed"]');
    await revealed.waitFor();
    expect(await revealed.locator('.hl-ip').textContent()).toBe('127.0.0.1');
    await trail.locator('tr[data-type="passphrase_failed"]').waitFor();
    await trail.locator('tr[data-type="opened"]').first().waitFor();
    expect(await seriousA11yViolations(admin)).toEqual([]);
    expect(await screenshots(admin, 'admin-history')).toEqual({ 360: 360, 1280: 1280 });
  }, 90_000);

  it('a reusable secret opens in two browsers; its creator is warned on their own link', async () => {
    const link = await createSecret(admin, { text: 'shared staging token', reusable: true });
    keyOf(link);

    const own = await admin.context().newPage();
    watchCsp(own);
    await own.goto(link);
    await own.getByText(CREATOR_WARNING).waitFor();
    await own.close();

    for (const n of [1, 2]) {
      const { context, page } = await recipient(link);
      await page.getByRole('button', { name: 'Click to reveal' }).waitFor();
      expect(await page.getByText(CREATOR_WARNING).count()).toBe(0);
      // Keyboard only: the button is the first thing to tab to.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const secret = page.getByLabel('Your secret');
      await secret.waitFor();
      expect(await secret.inputValue()).toBe('shared staging token');
      await context.close();
      const row = await historyRow(link);
      await row.getByText(`${n} (reusable)`).waitFor();
    }
    // The creator burns it from the history: the link stops working.
    const row = await historyRow(link);
    await expect.poll(() => row.getAttribute('data-status')).toBe('viewed');
    admin.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: /^Burn/ }).click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('burned');
    await row.getByText('by you').waitFor();
    const late = await recipient(link);
    await late.page.getByText(GONE).waitFor();
    await late.context.close();
  }, 60_000);

  it('5 wrong passphrases destroy the secret: Burned in the history', async () => {
    const link = await createSecret(admin, { text: 'burn me', passphrase: 'right' });
    keyOf(link);
    const { context, page } = await recipient(link);
    const field = page.getByLabel('Passphrase');
    await field.waitFor();
    for (const left of [4, 3, 2, 1]) {
      await field.fill(`wrong ${left}`);
      await page.getByRole('button', { name: 'Click to reveal' }).click();
      const text =
        left === 1
          ? 'Wrong passphrase. 1 attempt left.'
          : `Wrong passphrase. ${left} attempts left.`;
      await expect.poll(() => page.getByRole('alert').textContent()).toBe(text);
    }
    await field.fill('wrong 0');
    await page.getByRole('button', { name: 'Click to reveal' }).click();
    await page.getByText(`Wrong passphrase. The secret has been destroyed. ${GONE}`).waitFor();
    await context.close();

    const row = await historyRow(link);
    await expect.poll(() => row.getAttribute('data-status')).toBe('burned');
    await row.getByText('too many wrong passphrases').waitFor();
  }, 60_000);

  it('a secret nobody opened before its expiry shows "unopened, expired"', async () => {
    const link = await createSecret(admin, { text: 'too late', ttl: '1 hour' });
    keyOf(link);
    world.advanceClock(2 * 3600 * 1000);
    const row = await historyRow(link);
    await expect.poll(() => row.getAttribute('data-status')).toBe('expired');
    await row.getByText('unopened, expired').waitFor();

    const { context, page } = await recipient(link);
    await page.getByText(GONE).waitFor();
    await context.close();
  }, 60_000);

  it('a link cut short, or without its key, sends nothing and says so', async () => {
    const link = await createSecret(admin, { text: 'never sent' });
    keyOf(link);
    const id = new URL(link).pathname;
    for (const broken of [`${world.origin}${id}`, `${world.origin}${id}#tooShort`]) {
      const context = await world.newContext();
      const page = await context.newPage();
      const calls: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/')) calls.push(request.url());
      });
      await page.goto(broken);
      await page.getByText(/^This link is incomplete/).waitFor();
      expect(page.url()).not.toContain('#');
      expect(calls).toEqual([]);
      await context.close();
    }
    const row = await historyRow(link);
    await expect.poll(() => row.getAttribute('data-status')).toBe('active');
  }, 60_000);

  it('an outage or a rate limit consumes nothing: the recipient tries again', async () => {
    const link = await createSecret(admin, { text: 'second try' });
    keyOf(link);
    const context = await world.newContext();
    const page = await context.newPage();
    // The first meta and the first reveal answer as a failing server would.
    const failOnce = new Set(['meta', 'reveal']);
    await page.route(/\/api\/secrets\/[^/]+\/(meta|reveal)$/, async (route) => {
      const step = route.request().url().split('/').pop() as string;
      if (!failOnce.delete(step)) return route.continue();
      const [status, code, retryAfter] =
        step === 'meta' ? [503, 'unavailable', '5'] : [429, 'rate_limited', '42'];
      await route.fulfill({
        status,
        headers: { 'retry-after': retryAfter },
        contentType: 'application/json',
        body: JSON.stringify({ error: { code, message: code } }),
      });
    });
    await page.goto(link);
    await page.getByText('The service is unavailable right now. Try again in a moment.').waitFor();
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('button', { name: 'Click to reveal' }).click();
    await page.getByText('Too many attempts from your network. Try again in 42 seconds.').waitFor();
    await page.getByRole('button', { name: 'Click to reveal' }).click();
    expect(await page.getByLabel('Your secret').inputValue()).toBe('second try');
    await context.close();
  }, 60_000);

  it('no request carried a fragment key, and no page broke its CSP', () => {
    expect(keys).toHaveLength(6);
    expect(world.sent.length).toBeGreaterThan(20);
    // The browsers did open the links: the server saw /s/{id}, without a fragment.
    expect(world.received.some((r) => /^\/s\/[A-Za-z0-9_-]{22}$/.test(r.url))).toBe(true);
    const browserSide = JSON.stringify(world.sent);
    const serverSide = JSON.stringify(world.received);
    for (const key of keys) {
      expect(browserSide).not.toContain(key);
      expect(serverSide).not.toContain(key);
    }
    // The reveal calls carry proofs only: never a key, never the passphrase.
    const reveals = world.sent.filter((r) => r.url.endsWith('/reveal'));
    expect(reveals.length).toBeGreaterThan(0);
    for (const request of reveals) {
      expect(Object.keys(JSON.parse(request.body ?? '{}')).sort()).toEqual(
        expect.arrayContaining(['keyProof']),
      );
      expect(request.body).not.toContain('horse');
      expect(request.headers.referer).toBeUndefined();
    }
    expect(cspViolations).toEqual([]);
  });
});
