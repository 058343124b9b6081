import { describe, expect, it } from 'vitest';
import { deriveRequestProof, sealForRequest } from '../crypto';
import { NotAvailableError } from '../errors';
import type { NotificationEvent } from '../notify/types';
import { createHushlink } from './create-hushlink';
import { ALICE, CLIENT, type Fixture, HOUR, makeFixture, T0, TEST_KEY } from './service-fixture';
import { SWEEP_BATCH } from './sweep';

const CUSTOMER = { ip: '198.51.100.7', userAgent: 'customer/1.0' };

async function openRequest(fixture: Fixture, ttlSeconds = 3600) {
  const created = await fixture.hushlink.createRequest({ createdBy: ALICE, ttlSeconds }, CLIENT);
  return { ...created, requestProof: deriveRequestProof(created.publicKey) };
}

const eventsOf = (fixture: Fixture, id: string) => fixture.store.listEvents(id);
const statusOf = async (fixture: Fixture, id: string) =>
  (await fixture.store.getRequest(id))?.status;

describe('the sweep persists request expiry', () => {
  it('expires an open request at expiresAt with its event, once, and leaves others alone', async () => {
    const fixture = makeFixture();
    const due = await openRequest(fixture);
    const later = await openRequest(fixture, 2 * 3600);
    const burned = await openRequest(fixture);
    await fixture.hushlink.burnRequest(burned.id, ALICE, CLIENT);
    const answered = await openRequest(fixture);
    // Answered half-way: the answer secret lives until T0 + 90 min, past the sweep below.
    fixture.clock.now = T0 + HOUR / 2;
    const sealed = await sealForRequest('in time', answered.publicKey);
    await fixture.hushlink.answerRequest(
      answered.id,
      { requestProof: answered.requestProof, ...sealed },
      CUSTOMER,
    );

    fixture.clock.now = T0 + HOUR;
    expect(await fixture.hushlink.sweep()).toEqual({ swept: 1, purged: 0 });
    expect(await fixture.store.getRequest(due.id)).toMatchObject({ status: 'expired', version: 2 });
    const trail = await eventsOf(fixture, due.id);
    expect(trail).toEqual([
      expect.objectContaining({ type: 'request_created' }),
      {
        subjectId: due.id,
        type: 'expired',
        at: T0 + HOUR,
        ip: null,
        userAgent: null,
        detail: null,
      },
    ]);
    expect(await statusOf(fixture, later.id)).toBe('open');
    expect(await statusOf(fixture, burned.id)).toBe('burned');
    expect(await statusOf(fixture, answered.id)).toBe('answered');
    // The creator's list and the trail say the same; a second sweep writes nothing.
    const items = (await fixture.hushlink.requests(ALICE)).items;
    expect(items.find((i) => i.id === due.id)?.status).toBe('expired');
    expect(await fixture.hushlink.sweep()).toEqual({ swept: 0, purged: 0 });
    expect(await eventsOf(fixture, due.id)).toEqual(trail);
    // The persisted record MACs soundly: reads keep answering 404, and add nothing.
    await expect(
      fixture.hushlink.requestMeta(due.id, due.requestProof, CUSTOMER),
    ).rejects.toBeInstanceOf(NotAvailableError);
    expect(await eventsOf(fixture, due.id)).toEqual(trail);
  });

  it('tells onEvent and the outbox of the expiry, under the request id', async () => {
    const heard: NotificationEvent[] = [];
    const fixture = makeFixture({
      onEvent: (event) => void heard.push(event),
      webhooks: [{ url: 'https://hooks.example/h', secret: `whsec_${'A'.repeat(32)}` }],
    });
    const request = await openRequest(fixture);
    fixture.clock.now = T0 + HOUR;
    await fixture.hushlink.sweep();
    const expired = heard.filter((e) => e.type === 'expired');
    expect(expired).toEqual([
      expect.objectContaining({ requestId: request.id, at: new Date(T0 + HOUR).toISOString() }),
    ]);
    const claimed = await fixture.store.claimDueOutbox(T0 + HOUR, 60_000, 100);
    expect(claimed.map((m) => JSON.parse(m.payload).type).sort()).toEqual([
      'expired',
      'request_created',
    ]);
  });

  it('burns for integrity an expired request whose row was edited', async () => {
    const fixture = makeFixture();
    const request = await openRequest(fixture);
    const stored = await fixture.store.getRequest(request.id);
    if (!stored) throw new Error('no request');
    await fixture.store.compareAndSetRequest(request.id, 1, { ...stored, label: 'edited' }, []);
    fixture.clock.now = T0 + HOUR;
    expect(await fixture.hushlink.sweep()).toEqual({ swept: 1, purged: 0 });
    expect(await fixture.store.getRequest(request.id)).toMatchObject({
      status: 'burned',
      burnedAt: T0 + HOUR,
    });
    expect((await eventsOf(fixture, request.id)).map((e) => e.type)).toEqual([
      'request_created',
      'integrity_failed',
      'burned',
    ]);
  });

  it('sweeps more requests than one batch holds in one sweep', async () => {
    const fixture = makeFixture();
    const count = SWEEP_BATCH + 30;
    for (let i = 0; i < count; i++) await openRequest(fixture);
    fixture.clock.now = T0 + HOUR;
    expect(await fixture.hushlink.sweep()).toEqual({ swept: count, purged: 0 });
    expect(await fixture.store.listRequestsDueForSweep(fixture.clock.now, 10)).toEqual([]);
  });

  it('writes one expired event when the sweep and a customer race', async () => {
    const fixture = makeFixture();
    const request = await openRequest(fixture);
    fixture.clock.now = T0 + HOUR;
    const [swept, meta] = await Promise.allSettled([
      fixture.hushlink.sweep(),
      fixture.hushlink.requestMeta(request.id, request.requestProof, CUSTOMER),
    ]);
    expect(swept.status).toBe('fulfilled');
    expect(meta.status === 'rejected' && meta.reason).toBeInstanceOf(NotAvailableError);
    const expired = (await eventsOf(fixture, request.id)).filter((e) => e.type === 'expired');
    expect(expired).toHaveLength(1);
    expect(await statusOf(fixture, request.id)).toBe('expired');
  });

  it('purges an expired request with its events after retention', async () => {
    const fixture = makeFixture();
    const request = await openRequest(fixture);
    fixture.clock.now = T0 + HOUR;
    await fixture.hushlink.sweep();
    fixture.clock.now = T0 + HOUR + 30 * 24 * HOUR + 1;
    expect(await fixture.hushlink.sweep()).toEqual({ swept: 0, purged: 1 });
    expect(await fixture.store.getRequest(request.id)).toBeNull();
    expect(await eventsOf(fixture, request.id)).toEqual([]);
  });

  it('still sweeps secrets over a store written before listRequestsDueForSweep', async () => {
    const { store, clock } = makeFixture();
    const { listRequestsDueForSweep: _, ...older } = store;
    const hushlink = createHushlink({ store: older, keys: TEST_KEY, now: () => clock.now });
    const request = await hushlink.createRequest({ createdBy: ALICE, ttlSeconds: 3600 }, CLIENT);
    clock.now = T0 + HOUR;
    expect(await hushlink.sweep()).toEqual({ swept: 0, purged: 0 });
    expect((await store.getRequest(request.id))?.status).toBe('open');
    // Expiry stays hard on reads all the same.
    expect((await hushlink.requests(ALICE)).items[0]?.status).toBe('expired');
  });
});
