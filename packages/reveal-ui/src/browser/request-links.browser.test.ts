/**
 * The request-link screens in a real Chromium, against an in-test fake of the §10 HTTP
 * contract: the creator requests a secret, the customer's page answers it, the creator's list
 * reveals it once. Every call is recorded: `pk` and `sk` appear in none, and the fragment is
 * gone from the address bar before the first call.
 */
import { decodeBase64url, encodeBase64url } from '@hushlink/core/crypto';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_STRINGS } from '../strings';
import { defineCreatorElements } from './define-creator';
import { defineRequestElement } from './define-request';
import { loadRequestKey } from './request-key-store';

interface Call {
  method: string;
  path: string;
  body: Record<string, unknown> | null;
  hashAtCall: string;
}

/** A minimal server for the routes the request screens use. */
function fakeServer() {
  const requests = new Map<string, Record<string, unknown> & { requestProof: string }>();
  const secrets = new Map<string, { keyProof: string; envelope: string; consumed: boolean }>();
  const calls: Call[] = [];
  let next = 0;
  const json = (status: number, body: unknown) =>
    new Response(body === null ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  const gone = () => json(404, { error: { code: 'not_available', message: 'gone' } });
  const handle = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), location.href);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : null;
    calls.push({ method, path: url.pathname + url.search, body, hashAtCall: location.hash });
    const parts = url.pathname.split('/').slice(2); // after /api/
    const [kind, id, action] = parts as [string, string | undefined, string | undefined];
    if (kind === 'requests' && id === undefined && method === 'POST') {
      const newId = `req${++next}AAAAAAAAAAAAAAAAA`;
      const now = new Date().toISOString();
      const expiresAt = new Date(Date.now() + body.ttlSeconds * 1000).toISOString();
      requests.set(newId, {
        id: newId,
        label: body.label ?? null,
        status: 'open',
        createdAt: now,
        expiresAt,
        answeredAt: null,
        answerSecretId: null,
        ephemeralKey: null,
        requestProof: body.requestProof,
      });
      return json(201, { id: newId, path: `/r/${newId}`, expiresAt });
    }
    if (kind === 'requests' && id === undefined) {
      const items = [...requests.values()].reverse().map(({ requestProof, ...item }) => item);
      return json(200, { items, nextCursor: null });
    }
    const request = id === undefined ? undefined : requests.get(id);
    if (kind === 'requests' && method === 'DELETE' && request) {
      request.status = 'burned';
      return json(204, null);
    }
    if (kind === 'requests' && request) {
      if (request.status !== 'open' || body?.requestProof !== request.requestProof) return gone();
      if (action === 'meta')
        return json(200, { label: request.label, expiresAt: request.expiresAt });
      const answerId = `ans${++next}AAAAAAAAAAAAAAAAA`;
      secrets.set(answerId, { keyProof: body.keyProof, envelope: body.envelope, consumed: false });
      Object.assign(request, {
        status: 'answered',
        answeredAt: new Date().toISOString(),
        answerSecretId: answerId,
        ephemeralKey: body.ephemeralKey,
      });
      return json(201, {});
    }
    const secret = id === undefined ? undefined : secrets.get(id);
    if (kind === 'secrets' && secret && !secret.consumed && body?.keyProof === secret.keyProof) {
      if (action === 'meta') {
        return json(200, {
          passphrase: false,
          kdf: null,
          attemptsLeft: null,
          expiresAt: '',
          createdByYou: true,
          requestId: 'x',
        });
      }
      secret.consumed = true;
      return json(200, { envelope: secret.envelope, remainingViews: 0 });
    }
    return gone();
  };
  return { calls, requests, handle };
}

function mount<K extends keyof HTMLElementTagNameMap>(
  tag: string,
  attributes: Record<string, string> = {},
) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  return element as HTMLElementTagNameMap[K] & HTMLElement;
}

const byText = (root: Element, selector: string, text: string) =>
  [...root.querySelectorAll<HTMLElement>(selector)].find((node) => node.textContent === text);

async function until<T>(find: () => T | undefined | null): Promise<T> {
  return vi.waitFor(
    () => {
      const found = find();
      if (found === undefined || found === null) throw new Error('not yet');
      return found;
    },
    { timeout: 5000, interval: 20 },
  );
}

beforeAll(() => {
  defineCreatorElements();
  defineRequestElement();
});

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  history.replaceState(null, '', location.pathname);
});

describe('request links in the browser', () => {
  it('request, answer once, reveal once: pk and sk travel in no call', async () => {
    const server = fakeServer();
    vi.spyOn(globalThis, 'fetch').mockImplementation(server.handle);
    const s = DEFAULT_STRINGS;

    // The creator asks.
    const form = mount('hushlink-request-form', {
      'data-base-path': '',
      'data-admin-path': '/desk',
    });
    const list = mount('hushlink-requests', { 'data-base-path': '' });
    (form.querySelector('input[name="label"]') as HTMLInputElement).value = 'VPN password';
    (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const linkFields = await until(() => {
      const fields = form.querySelectorAll<HTMLInputElement>('input.hl-link');
      return fields.length === 2 ? fields : null;
    });
    const requestLink = new URL((linkFields[0] as HTMLInputElement).value);
    const readLink = new URL((linkFields[1] as HTMLInputElement).value);
    const [id] = [...server.requests.keys()] as [string];
    expect(requestLink.pathname).toBe(`/r/${id}`);
    expect(readLink.origin).toBe(location.origin);
    expect(readLink.pathname).toBe(`/desk/requests/${id}`);
    const pk = requestLink.hash.slice(1);
    const sk = readLink.hash.slice(1);
    expect(decodeBase64url(pk, 32)).toHaveLength(32);
    expect(encodeBase64url((await loadRequestKey(id)) as Uint8Array)).toBe(sk);
    const created = server.calls.find(
      (call) => call.method === 'POST' && call.path === '/api/requests',
    );
    expect(Object.keys(created?.body ?? {}).sort()).toEqual([
      'label',
      'requestProof',
      'ttlSeconds',
    ]);
    expect(created?.body?.ttlSeconds).toBe(86_400);
    await until(() => list.querySelector(`tr[data-id="${id}"][data-status="open"]`));

    // The customer answers, on a page opened with #pk.
    history.replaceState(null, '', `${location.pathname}#${pk}`);
    const page = mount('hushlink-request', { 'data-id': id, 'data-base-path': '' });
    expect(location.hash).toBe('');
    const start = await until(() => byText(page, 'button', s.clickToStart));
    expect(page.textContent).toContain('Request: VPN password');
    start.click();
    const answer = page.querySelector('textarea') as HTMLTextAreaElement;
    answer.value = 'correct horse 🔐';
    (byText(page, 'button', s.sendSecurely) as HTMLButtonElement).click();
    await until(() => byText(page, 'p', s.sent));
    const sent = server.calls.find((call) => call.path === `/api/requests/${id}/answer`);
    expect(Object.keys(sent?.body ?? {}).sort()).toEqual([
      'envelope',
      'ephemeralKey',
      'keyProof',
      'requestProof',
    ]);

    // A second answer (another tab with the same link) is refused with the "gone" text.
    history.replaceState(null, '', `${location.pathname}#${pk}`);
    const again = mount('hushlink-request', { 'data-id': id, 'data-base-path': '' });
    await until(() => byText(again, 'p', s.gone));

    // The creator reveals it once.
    (byText(list, 'button', s.refresh) as HTMLButtonElement).click();
    const reveal = await until(() =>
      list.querySelector<HTMLButtonElement>(
        `tr[data-id="${id}"][data-status="answered"] .hl-primary`,
      ),
    );
    reveal.click();
    const shown = await until(() => list.querySelector<HTMLTextAreaElement>('textarea.hl-secret'));
    expect(shown.value).toBe('correct horse 🔐');
    expect(await loadRequestKey(id)).toBeNull();

    // Every screen on the page now (link view, list with the answer, "Sent"): no serious
    // or critical accessibility violation.
    const report = await axe.run(document.body);
    const serious = report.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);

    for (const call of server.calls) {
      expect(call.hashAtCall).toBe('');
      const text = `${call.path} ${JSON.stringify(call.body)}`;
      expect(text).not.toContain(pk);
      expect(text).not.toContain(sk);
    }
  });

  it('shows the "no longer available" text for a request that meta answers 404', async () => {
    const server = fakeServer();
    vi.spyOn(globalThis, 'fetch').mockImplementation(server.handle);
    history.replaceState(
      null,
      '',
      `${location.pathname}#${encodeBase64url(new Uint8Array(32).fill(9))}`,
    );
    const page = mount('hushlink-request', {
      'data-id': 'unknownAAAAAAAAAAAAAAA',
      'data-base-path': '',
    });
    const message = await until(() => byText(page, 'p', DEFAULT_STRINGS.gone));
    expect(document.activeElement).toBe(message);
  });

  it('sends nothing for a link without a usable key (cut short, or a low-order point)', async () => {
    const server = fakeServer();
    vi.spyOn(globalThis, 'fetch').mockImplementation(server.handle);
    for (const fragment of ['abc', encodeBase64url(new Uint8Array(32))]) {
      history.replaceState(null, '', `${location.pathname}#${fragment}`);
      const page = mount('hushlink-request', {
        'data-id': 'someIdAAAAAAAAAAAAAAAA',
        'data-base-path': '',
      });
      expect(page.textContent).toContain(DEFAULT_STRINGS.incompleteLink);
    }
    expect(server.calls).toEqual([]);
  });

  it('the private read page takes sk from its fragment and reveals the answer', async () => {
    const server = fakeServer();
    vi.spyOn(globalThis, 'fetch').mockImplementation(server.handle);
    const form = mount('hushlink-request-form', { 'data-base-path': '' });
    (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const fields = await until(() => {
      const found = form.querySelectorAll<HTMLInputElement>('input.hl-link');
      return found.length === 2 ? found : null;
    });
    const requestLink = new URL((fields[0] as HTMLInputElement).value);
    const readLink = new URL((fields[1] as HTMLInputElement).value);
    expect(readLink.pathname.startsWith('/admin/requests/')).toBe(true);
    const id = readLink.pathname.split('/').pop() as string;
    history.replaceState(null, '', `${location.pathname}${requestLink.hash}`);
    const page = mount('hushlink-request', { 'data-id': id, 'data-base-path': '' });
    (await until(() => byText(page, 'button', DEFAULT_STRINGS.clickToStart))).click();
    (page.querySelector('textarea') as HTMLTextAreaElement).value = 'from another device';
    (byText(page, 'button', DEFAULT_STRINGS.sendSecurely) as HTMLButtonElement).click();
    await until(() => byText(page, 'p', DEFAULT_STRINGS.sent));

    history.replaceState(null, '', `${location.pathname}${readLink.hash}`);
    const reader = mount('hushlink-request-answer', { 'data-id': id, 'data-base-path': '' });
    expect(location.hash).toBe('');
    (await until(() => byText(reader, 'button', DEFAULT_STRINGS.reveal))).click();
    const shown = await until(() =>
      reader.querySelector<HTMLTextAreaElement>('textarea.hl-secret'),
    );
    expect(shown.value).toBe('from another device');
  });
});
