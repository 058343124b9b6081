/**
 * What the Express (tests/e2e) and Next.js (tests/nextjs) browser tests both do: record every
 * request a context sends, and the steps of a request link that both apps must pass alike.
 */

import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The recipient's text when a link is used up (the seed's exact words). */
export const GONE =
  'Information no longer available. Contact the person who sent you this link and ask them to create a new secret.';

/** One request as a browser sent it. */
export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
}

/**
 * Records every request `context` sends into `sent`. Recorded at once; the full header set
 * (cookies included) replaces the visible one when it arrives, and a request still in flight
 * when its context closes keeps what was seen (no unhandled rejection).
 */
export function recordRequests(context: BrowserContext, sent: SentRequest[]): void {
  context.on('request', (request) => {
    const record: SentRequest = {
      url: request.url(),
      method: request.method(),
      headers: request.headers(),
      body: request.postData(),
    };
    sent.push(record);
    request.allHeaders().then(
      (all) => {
        record.headers = all;
      },
      () => {},
    );
  });
}

/**
 * A second customer finds the request link used, and replaying the first answer's exact body
 * to the API answers 404. Returns that recorded answer body.
 */
export async function expectSecondAnswerRefused(options: {
  newContext: () => Promise<BrowserContext>;
  origin: string;
  requestLink: string;
  id: string;
  sent: readonly SentRequest[];
}): Promise<string> {
  const second = await options.newContext();
  const late = await second.newPage();
  await late.goto(options.requestLink);
  await late.getByText(GONE).waitFor();
  await second.close();
  const sentAnswer = options.sent.find((r) => r.url.endsWith(`/api/requests/${options.id}/answer`));
  expect(sentAnswer?.body).toBeTruthy();
  const replay = await fetch(`${options.origin}/api/requests/${options.id}/answer`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: sentAnswer?.body ?? '',
  });
  expect(replay.status).toBe(404);
  return sentAnswer?.body ?? '';
}

/** The creator reveals an answered request from the requests list; returns the text shown. */
export async function revealAnswerFromList(
  admin: Page,
  id: string,
  label: string,
): Promise<string> {
  const list = admin.locator('hushlink-requests');
  await Promise.all([
    admin.waitForResponse((r) => r.url().includes('/api/requests?')),
    list.getByRole('button', { name: 'Refresh' }).click(),
  ]);
  const row = list.locator(`tr[data-id="${id}"]`);
  await expect.poll(() => row.getAttribute('data-status')).toBe('answered');
  await row.getByRole('button', { name: `Reveal ${label}` }).click();
  const answer = list.getByLabel('The answer');
  await answer.waitFor();
  return answer.inputValue();
}

/** The private read link (sk in its fragment) finds the answer already read, and strips the fragment. */
export async function expectReadLinkSpent(admin: Page, readLink: string): Promise<void> {
  await admin.goto(readLink);
  await admin.getByRole('button', { name: 'Reveal' }).click();
  await admin.getByText('This answer was already read, or is no longer available.').waitFor();
  expect(await admin.evaluate(() => location.hash)).toBe('');
}
