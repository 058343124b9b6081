/**
 * Receiving a secret (DESIGN.md §10) in a real Chromium against the Express example: the
 * creator asks in /admin, a customer answers in a fresh browser at /r/{id}, a second
 * answer is refused, the creator reveals the answer from the requests list, and after a
 * reload the answer is gone. A signed-out creator opening the private link signs in and
 * reads the answer. Every request the browsers sent is recorded: neither `pk` nor `sk`
 * appears in any of them, nor in what the server received.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectReadLinkSpent,
  expectSecondAnswerRefused,
  revealAnswerFromList,
} from '../support/browser-flows';
import { ADMIN_PASSWORD, ADMIN_USER, type E2eWorld, signIn, startWorld } from './browser-fixture';

const ANSWER = 'customer VPN password: c0rrect-h0rse ✓';

let world: E2eWorld;
let admin: Page;
const cspViolations: string[] = [];

function watchCsp(page: Page): void {
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
}

beforeAll(async () => {
  world = await startWorld();
  const context = await world.newContext();
  admin = await context.newPage();
  watchCsp(admin);
  await signIn(admin, world.origin);
}, 60_000);

afterAll(async () => {
  await world?.close();
});

/** The creator asks for a secret in /admin; returns the request link and the private link. */
async function askForSecret(label: string): Promise<{ requestLink: string; readLink: string }> {
  await admin.goto(`${world.origin}/admin`);
  const form = admin.locator('hushlink-request-form');
  await form.getByLabel('Label (optional, shown to the person you ask)').fill(label);
  await form.getByRole('button', { name: 'Create request link' }).click();
  const requestField = form.getByRole('textbox', { name: 'Request link', exact: true });
  await requestField.waitFor();
  const requestLink = await requestField.inputValue();
  const readLink = await form
    .getByRole('textbox', { name: 'Your private link to read the answer' })
    .inputValue();
  return { requestLink, readLink };
}

/** A customer answers `requestLink` with `text` in a fresh browser. */
async function answerRequest(requestLink: string, label: string, text: string): Promise<void> {
  const customer = await world.newContext();
  const page = await customer.newPage();
  watchCsp(page);
  await page.goto(requestLink);
  await page.getByText(label).first().waitFor();
  expect(await page.evaluate(() => location.hash)).toBe('');
  await page.getByRole('button', { name: 'Click to start' }).click();
  await page.getByLabel('Your secret').fill(text);
  await page.getByRole('button', { name: 'Send securely' }).click();
  await page.getByText('Sent — you can close this window').waitFor();
  await customer.close();
}

describe('request links, end to end', () => {
  it('asks, answers once, reveals once, and never sends pk or sk', async () => {
    // The creator asks for a secret.
    const { requestLink, readLink } = await askForSecret('VPN for ACME');
    expect(requestLink).toMatch(
      new RegExp(`^${world.origin}/r/[A-Za-z0-9_-]{22}#[A-Za-z0-9_-]{43}$`),
    );
    expect(readLink).toMatch(
      new RegExp(`^${world.origin}/admin/requests/[A-Za-z0-9_-]{22}#[A-Za-z0-9_-]{43}$`),
    );
    const id = new URL(requestLink).pathname.split('/').pop() as string;
    const pk = new URL(requestLink).hash.slice(1);
    const sk = new URL(readLink).hash.slice(1);

    // A customer answers in a fresh browser.
    await answerRequest(requestLink, 'VPN for ACME', ANSWER);

    // A second answer is refused: the page says the link is used, the API answers 404.
    const sentAnswer = await expectSecondAnswerRefused({ ...world, requestLink, id });

    // The creator reveals the answer from the requests list (sk from IndexedDB).
    expect(await revealAnswerFromList(admin, id, 'VPN for ACME')).toBe(ANSWER);

    // After a reload, the answer is gone, even with the private link's sk.
    await admin.reload();
    await expectReadLinkSpent(admin, readLink);

    // Neither pk nor sk reached the network, from either side.
    const browserSide = JSON.stringify(world.sent);
    const serverSide = JSON.stringify(world.received);
    for (const key of [pk, sk]) {
      expect(browserSide).not.toContain(key);
      expect(serverSide).not.toContain(key);
    }
    expect(world.received.some((r) => r.url === `/r/${id}`)).toBe(true);
    const answerKeys = Object.keys(JSON.parse(sentAnswer)).sort();
    expect(answerKeys).toEqual(['envelope', 'ephemeralKey', 'keyProof', 'requestProof']);
    expect(sentAnswer).not.toContain('c0rrect');
    expect(cspViolations).toEqual([]);
  }, 60_000);

  it('lets a signed-out creator open the private link, sign in and read the answer', async () => {
    const { requestLink, readLink } = await askForSecret('DB for Globex');
    const id = new URL(readLink).pathname.split('/').pop() as string;
    const sk = new URL(readLink).hash.slice(1);
    await answerRequest(requestLink, 'DB for Globex', 'globex db: s3cond-answer');

    // Another device: no session, no key in its IndexedDB.
    const device = await world.newContext();
    const page = await device.newPage();
    watchCsp(page);
    await page.goto(readLink);
    const signInLink = page.getByRole('link', { name: 'Sign in to read the answer' });
    await signInLink.waitFor();
    expect(page.url()).toBe(`${world.origin}/admin/requests/${id}`);
    await signInLink.click();
    await page.waitForURL(`${world.origin}/admin/login?next=%2Fadmin%2Frequests%2F${id}`);
    await page.getByLabel('User').fill(ADMIN_USER);
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // Back on the private page, signed in: sk comes from IndexedDB, not from the link.
    await page.waitForURL(`${world.origin}/admin/requests/${id}`);
    await page.getByText('DB for Globex').waitFor();
    await page.getByRole('button', { name: 'Reveal' }).click();
    const answer = page.getByRole('textbox', { name: 'The answer', exact: true });
    await answer.waitFor();
    expect(await answer.inputValue()).toBe('globex db: s3cond-answer');
    await device.close();

    // The login's `next` returns only to this site's admin pages.
    const hostile = await fetch(`${world.origin}/admin/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        user: ADMIN_USER,
        password: ADMIN_PASSWORD,
        next: '//evil.example/admin',
      }),
    });
    expect(hostile.status).toBe(303);
    expect(hostile.headers.get('location')).toBe('/admin');

    expect(JSON.stringify(world.sent)).not.toContain(sk);
    expect(JSON.stringify(world.received)).not.toContain(sk);
    expect(cspViolations).toEqual([]);
  }, 60_000);
});
