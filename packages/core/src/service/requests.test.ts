import { describe, expect, it } from 'vitest';
import { deriveRequestProof, encodeBase64url, seal, sealForRequest } from '../crypto';
import { InvalidRequestError, NotAvailableError, StoreUnavailableError } from '../errors';
import type { NotificationEvent } from '../notify/types';
import type { RequestRecord } from '../store/types';
import { MIN_ANSWER_LIFETIME_MS } from './answer-request';
import { createHushlink } from './create-hushlink';
import {
  ALICE,
  CLIENT,
  FAST_KDF,
  type Fixture,
  HOUR,
  makeFixture,
  T0,
  TEST_KEY,
} from './service-fixture';

const CUSTOMER = { ip: '198.51.100.7', userAgent: 'customer/1.0' };
const DAY = 24 * HOUR;

async function openRequest(fixture: Fixture, input: { ttlSeconds?: number; label?: string } = {}) {
  const created = await fixture.hushlink.createRequest({ createdBy: ALICE, ...input }, CLIENT);
  return { ...created, requestProof: deriveRequestProof(created.publicKey) };
}

async function answer(
  fixture: Fixture,
  request: Awaited<ReturnType<typeof openRequest>>,
  text = 'hunter2',
) {
  const sealed = await sealForRequest(text, request.publicKey);
  await fixture.hushlink.answerRequest(
    request.id,
    { requestProof: request.requestProof, ...sealed },
    CUSTOMER,
  );
  return sealed;
}

async function storedRequest(fixture: Fixture, id: string): Promise<RequestRecord> {
  const record = await fixture.store.getRequest(id);
  if (!record) throw new Error(`no request ${id}`);
  return record;
}

const eventTypes = async (fixture: Fixture, id: string) =>
  (await fixture.store.listEvents(id)).map((e) => e.type);

describe('request links through the service', () => {
  it('creates an open request (24 h by default) with its audited request_created', async () => {
    const fixture = makeFixture();
    const request = await openRequest(fixture, { label: 'VPN password' });
    expect(request.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(request.expiresAt.getTime()).toBe(T0 + DAY);
    expect(request.secretKey).toHaveLength(32);
    expect(request.link).toBeNull();
    const page = await fixture.hushlink.requests(ALICE);
    expect(page).toEqual({
      items: [
        {
          id: request.id,
          label: 'VPN password',
          status: 'open',
          createdAt: new Date(T0),
          expiresAt: new Date(T0 + DAY),
          answeredAt: null,
          answerSecretId: null,
          ephemeralKey: null,
        },
      ],
      nextCursor: null,
    });
    expect(await fixture.hushlink.requests('bob')).toEqual({ items: [], nextCursor: null });
    const [created] = await fixture.hushlink.requestEvents(request.id, ALICE);
    expect(created).toMatchObject({ type: 'request_created', ip: CLIENT.ip });
    expect(await fixture.hushlink.requestMeta(request.id, request.requestProof, CUSTOMER)).toEqual({
      label: 'VPN password',
      expiresAt: new Date(T0 + DAY),
    });
  });

  it('builds the customer link with pk in the fragment when given a base URL', async () => {
    const fixture = makeFixture();
    const request = await fixture.hushlink.createRequest({
      createdBy: ALICE,
      baseUrl: 'https://app.example.com/hl/',
    });
    expect(request.link).toBe(
      `https://app.example.com/hl/r/${request.id}#${encodeBase64url(request.publicKey)}`,
    );
  });

  it('turns the one answer into a single-use secret of the creator that only sk opens', async () => {
    const fixture = makeFixture();
    const request = await openRequest(fixture, { label: 'DB password', ttlSeconds: 2 * 3600 });
    fixture.clock.now += 10 * 60_000;
    const sealed = await answer(fixture, request, 'pa55word ✓');
    const stored = await storedRequest(fixture, request.id);
    expect(stored).toMatchObject({ status: 'answered', answeredAt: fixture.clock.now });
    const secretId = stored.answerSecretId as string;
    const secret = await fixture.store.get(secretId);
    expect(secret).toMatchObject({
      createdBy: ALICE,
      requestId: request.id,
      ephemeralKey: sealed.ephemeralKey,
      maxViews: 1,
      label: 'DB password',
      expiresAt: T0 + 2 * HOUR,
      status: 'active',
    });
    expect(await eventTypes(fixture, request.id)).toEqual(['request_created', 'answered']);
    expect(await fixture.store.listEvents(secretId)).toEqual([
      expect.objectContaining({ type: 'created', ip: CUSTOMER.ip }),
    ]);
    // The answer secret's meta tells its creator it is theirs, and which request it answers.
    const meta = await fixture.hushlink.meta(secretId, sealed.keyProof, ALICE, CLIENT);
    expect(meta).toMatchObject({ createdByYou: true, requestId: request.id, passphrase: false });
    // A second answer, and the customer's meta, now find nothing.
    const again = await sealForRequest('second', request.publicKey);
    await expect(
      fixture.hushlink.answerRequest(
        request.id,
        { requestProof: request.requestProof, ...again },
        CUSTOMER,
      ),
    ).rejects.toBeInstanceOf(NotAvailableError);
    await expect(
      fixture.hushlink.requestMeta(request.id, request.requestProof, CUSTOMER),
    ).rejects.toBeInstanceOf(NotAvailableError);
    // A wrong sk reads nothing and consumes nothing; the right one reads it once.
    const wrong = new Uint8Array(32).fill(5);
    await expect(
      fixture.hushlink.readRequestAnswer(request.id, wrong, ALICE),
    ).rejects.toBeInstanceOf(NotAvailableError);
    await expect(
      fixture.hushlink.readRequestAnswer(request.id, request.secretKey, 'bob'),
    ).rejects.toBeInstanceOf(NotAvailableError);
    expect(await fixture.hushlink.readRequestAnswer(request.id, request.secretKey, ALICE)).toBe(
      'pa55word ✓',
    );
    await expect(
      fixture.hushlink.readRequestAnswer(request.id, request.secretKey, ALICE),
    ).rejects.toBeInstanceOf(NotAvailableError);
    expect(await eventTypes(fixture, secretId)).toEqual(['created', 'opened', 'revealed']);
    const [item] = (await fixture.hushlink.requests(ALICE)).items;
    expect(item).toMatchObject({ status: 'answered', answerSecretId: secretId });
    expect(item?.ephemeralKey).toEqual(sealed.ephemeralKey);
  });

  it('gives an answer at least an hour to live, and keeps an answered request answered', async () => {
    const fixture = makeFixture();
    const request = await openRequest(fixture, { ttlSeconds: 3600 });
    fixture.clock.now = T0 + HOUR - 60_000;
    await answer(fixture, request);
    const { answerSecretId } = await storedRequest(fixture, request.id);
    const secret = await fixture.store.get(answerSecretId as string);
    expect(secret?.expiresAt).toBe(fixture.clock.now + MIN_ANSWER_LIFETIME_MS);
    fixture.clock.now = T0 + 90 * 60_000;
    expect((await fixture.hushlink.requests(ALICE)).items[0]?.status).toBe('answered');
    expect(await fixture.hushlink.readRequestAnswer(request.id, request.secretKey, ALICE)).toBe(
      'hunter2',
    );
  });

  it('expires by time: meta and answer 404, the list says expired, the expiry is audited', async () => {
    const fixture = makeFixture();
    const request = await openRequest(fixture, { ttlSeconds: 3600 });
    fixture.clock.now = T0 + HOUR;
    expect((await fixture.hushlink.requests(ALICE)).items[0]?.status).toBe('expired');
    await expect(
      fixture.hushlink.requestMeta(request.id, request.requestProof, CUSTOMER),
    ).rejects.toBeInstanceOf(NotAvailableError);
    const sealed = await sealForRequest('late', request.publicKey);
    await expect(
      fixture.hushlink.answerRequest(
        request.id,
        { requestProof: request.requestProof, ...sealed },
        CUSTOMER,
      ),
    ).rejects.toBeInstanceOf(NotAvailableError);
    expect(await fixture.store.listByCreator(ALICE, 10, null)).toEqual([]);
    expect(await fixture.store.listEvents(request.id)).toEqual([
      expect.objectContaining({ type: 'request_created' }),
      expect.objectContaining({ type: 'expired', at: T0 + HOUR, ip: null }),
    ]);
    // DELETE of an expired request changes nothing.
    await fixture.hushlink.burnRequest(request.id, ALICE, CLIENT);
    expect((await storedRequest(fixture, request.id)).status).toBe('expired');
  });

  it('refuses, counting nothing, a passphrase envelope and a bad or low-order ephemeralKey', async () => {
    const fixture = makeFixture();
    const request = await openRequest(fixture);
    const good = await sealForRequest('x', request.publicKey);
    const withPassphrase = await seal('x', { passphrase: 'pw', kdf: FAST_KDF });
    const cases = [
      { ...good, envelope: withPassphrase.envelope },
      { ...good, ephemeralKey: new Uint8Array(32) },
      { ...good, ephemeralKey: new Uint8Array(31).fill(9) },
      { ...good, keyProof: new Uint8Array(8) },
      { ...good, envelope: good.envelope.slice(0, 40) },
    ];
    for (const input of cases) {
      await expect(
        fixture.hushlink.answerRequest(
          request.id,
          { requestProof: request.requestProof, ...input },
          CUSTOMER,
        ),
      ).rejects.toBeInstanceOf(InvalidRequestError);
    }
    const stored = await storedRequest(fixture, request.id);
    expect(stored).toMatchObject({ status: 'open', version: 1 });
    expect(await eventTypes(fixture, request.id)).toEqual(['request_created']);
    // A malformed proof answers 404 before any other rule.
    await expect(
      fixture.hushlink.answerRequest(
        request.id,
        { ...cases[0], requestProof: new Uint8Array(3) } as never,
        CUSTOMER,
      ),
    ).rejects.toBeInstanceOf(NotAvailableError);
  });

  it('burns an open request, and an answered one with its unread answer', async () => {
    const fixture = makeFixture();
    const open = await openRequest(fixture);
    await expect(fixture.hushlink.burnRequest(open.id, 'bob', CLIENT)).rejects.toBeInstanceOf(
      NotAvailableError,
    );
    await expect(
      fixture.hushlink.burnRequest('nosuchrequestaaaaaaaaa', ALICE, CLIENT),
    ).rejects.toBeInstanceOf(NotAvailableError);
    await fixture.hushlink.burnRequest(open.id, ALICE, CLIENT);
    expect(await storedRequest(fixture, open.id)).toMatchObject({ status: 'burned', burnedAt: T0 });
    await expect(
      fixture.hushlink.requestMeta(open.id, open.requestProof, CUSTOMER),
    ).rejects.toBeInstanceOf(NotAvailableError);

    const answered = await openRequest(fixture);
    await answer(fixture, answered);
    await fixture.hushlink.burnRequest(answered.id, ALICE, CLIENT);
    const { answerSecretId } = await storedRequest(fixture, answered.id);
    expect(await fixture.store.get(answerSecretId as string)).toMatchObject({
      status: 'burned',
      burnReason: 'creator',
      envelope: null,
    });
    expect(await eventTypes(fixture, answered.id)).toEqual([
      'request_created',
      'answered',
      'burned',
    ]);
    await expect(
      fixture.hushlink.readRequestAnswer(answered.id, answered.secretKey, ALICE),
    ).rejects.toBeInstanceOf(NotAvailableError);
    // Burning again changes nothing.
    await fixture.hushlink.burnRequest(answered.id, ALICE, CLIENT);
    expect(await eventTypes(fixture, answered.id)).toEqual([
      'request_created',
      'answered',
      'burned',
    ]);
  });

  it('refuses an edited request row with 404 and audits integrity_failed', async () => {
    const fixture = makeFixture();
    const request = await openRequest(fixture, { ttlSeconds: 3600 });
    const stored = await storedRequest(fixture, request.id);
    // An attacker with database access extends the expiry.
    await fixture.store.compareAndSetRequest(
      request.id,
      1,
      { ...stored, expiresAt: T0 + 30 * DAY },
      [],
    );
    expect((await fixture.hushlink.requests(ALICE)).items[0]).toMatchObject({ status: 'burned' });
    await expect(
      fixture.hushlink.requestMeta(request.id, request.requestProof, CUSTOMER),
    ).rejects.toBeInstanceOf(NotAvailableError);
    expect(await eventTypes(fixture, request.id)).toEqual([
      'request_created',
      'integrity_failed',
      'burned',
    ]);
    expect((await storedRequest(fixture, request.id)).status).toBe('burned');
  });

  it('tells onEvent of request_created and answered under the request id', async () => {
    const heard: NotificationEvent[] = [];
    const fixture = makeFixture({ onEvent: (event) => void heard.push(event) });
    const request = await openRequest(fixture, { label: 'API key' });
    await answer(fixture, request);
    expect(heard.map((e) => [e.type, 'requestId' in e ? e.requestId : e.secretId])).toEqual([
      ['request_created', request.id],
      ['answered', request.id],
      ['created', (await storedRequest(fixture, request.id)).answerSecretId],
    ]);
    expect(heard.every((e) => e.label === 'API key' && e.createdBy === ALICE)).toBe(true);
  });

  it('keys every event of a request under requestId, burned included', async () => {
    const heard: NotificationEvent[] = [];
    const fixture = makeFixture({ onEvent: (event) => void heard.push(event) });
    const request = await openRequest(fixture, { label: 'API key' });
    await fixture.hushlink.burnRequest(request.id, ALICE, CUSTOMER);
    expect(heard.map((e) => [e.type, 'requestId' in e ? e.requestId : null])).toEqual([
      ['request_created', request.id],
      ['burned', request.id],
    ]);
  });

  it('answers 503-style StoreUnavailableError over a store without request methods', async () => {
    const { store } = makeFixture();
    const { insertRequest: _a, getRequest: _b, answerRequest: _c, ...secretsOnly } = store;
    const hushlink = createHushlink({ store: secretsOnly, keys: TEST_KEY });
    await expect(hushlink.createRequest({ createdBy: ALICE })).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
  });
});
