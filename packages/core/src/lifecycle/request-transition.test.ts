import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../store/types';
import { effectiveRequestStatus, isAnswerable, transitionRequest } from './request-transition';

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const EPK = new Uint8Array(32).fill(9);

function request(overrides: Partial<RequestRecord> = {}): RequestRecord {
  return {
    id: 'requestaaaaaaaaaaaaaaa',
    version: 1,
    status: 'open',
    createdAt: T0,
    expiresAt: T0 + HOUR,
    answeredAt: null,
    burnedAt: null,
    createdBy: 'alice',
    label: null,
    requestProofVerifier: new Uint8Array(32),
    answerSecretId: null,
    ephemeralKey: null,
    keyId: 'k',
    mac: new Uint8Array(32),
    ...overrides,
  };
}

const answer = {
  type: 'answer',
  answerSecretId: 'secretaaaaaaaaaaaaaaaa',
  ephemeralKey: EPK,
} as const;

describe('transitionRequest', () => {
  it('answers an open request once: answered, with the secret id and epk, audited', () => {
    const result = transitionRequest(request(), answer, T0 + 10);
    if (!result.ok) throw new Error('refused');
    expect(result.record).toMatchObject({
      version: 2,
      status: 'answered',
      answeredAt: T0 + 10,
      answerSecretId: answer.answerSecretId,
      ephemeralKey: EPK,
    });
    expect(result.effects).toEqual([
      {
        type: 'answered',
        at: T0 + 10,
        detail: { secretId: answer.answerSecretId },
        fromClient: true,
      },
    ]);
    expect(transitionRequest(result.record, answer, T0 + 11)).toEqual({
      ok: false,
      refusal: 'not_answerable',
    });
  });

  it('refuses an answer from the expiry instant on, and reads the request as expired', () => {
    const open = request();
    expect(transitionRequest(open, answer, T0 + HOUR)).toEqual({
      ok: false,
      refusal: 'not_answerable',
    });
    expect(isAnswerable(open, T0 + HOUR - 1)).toBe(true);
    expect(effectiveRequestStatus(open, T0 + HOUR)).toBe('expired');
    const expired = transitionRequest(open, { type: 'expire' }, T0 + 2 * HOUR);
    expect(expired).toMatchObject({
      ok: true,
      record: { status: 'expired', version: 2 },
      effects: [{ type: 'expired', at: T0 + HOUR, fromClient: false }],
    });
    expect(transitionRequest(open, { type: 'expire' }, T0)).toMatchObject({ ok: false });
  });

  it('keeps an answered request answered after its expiry', () => {
    const answered = request({ status: 'answered', answerSecretId: 'x', ephemeralKey: EPK });
    expect(effectiveRequestStatus(answered, T0 + 10 * HOUR)).toBe('answered');
    expect(transitionRequest(answered, { type: 'expire' }, T0 + 10 * HOUR)).toMatchObject({
      ok: false,
    });
  });

  it('lets the creator burn an open or answered request, not an expired or burned one', () => {
    const burn = { type: 'burn', reason: 'creator' } as const;
    for (const status of ['open', 'answered'] as const) {
      const result = transitionRequest(request({ status }), burn, T0 + 5);
      expect(result).toMatchObject({
        ok: true,
        record: { status: 'burned', burnedAt: T0 + 5, version: 2 },
        effects: [{ type: 'burned', detail: { reason: 'creator' } }],
      });
    }
    expect(transitionRequest(request(), burn, T0 + HOUR)).toEqual({
      ok: false,
      refusal: 'not_burnable',
    });
    expect(transitionRequest(request({ status: 'burned' }), burn, T0)).toMatchObject({ ok: false });
  });

  it('burns for integrity whatever the record claims, auditing integrity_failed first', () => {
    const result = transitionRequest(
      request({ status: 'burned' }),
      { type: 'burn', reason: 'integrity' },
      T0,
    );
    expect(result).toMatchObject({ ok: true, record: { status: 'burned' } });
    if (result.ok) {
      expect(result.effects.map((e) => [e.type, e.detail])).toEqual([
        ['integrity_failed', null],
        ['burned', { reason: 'integrity' }],
      ]);
    }
  });
});
