import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../store/types';
import { createKeyring } from './keyring';
import { macRequest, verifyRequest, withRequestMac } from './request-mac';

const keyring = createKeyring('d4'.repeat(32));

function signed(overrides: Partial<RequestRecord> = {}): RequestRecord {
  return withRequestMac(
    {
      id: 'requestaaaaaaaaaaaaaaa',
      version: 2,
      status: 'answered',
      createdAt: 1_000,
      expiresAt: 2_000,
      answeredAt: 1_500,
      burnedAt: null,
      createdBy: 'alice',
      label: 'VPN',
      requestProofVerifier: new Uint8Array(32).fill(1),
      answerSecretId: 'secretaaaaaaaaaaaaaaaa',
      ephemeralKey: new Uint8Array(32).fill(2),
      keyId: keyring.current.id,
      mac: new Uint8Array(0),
      ...overrides,
    },
    keyring,
  );
}

describe('request MAC', () => {
  it('verifies a signed request', () => {
    expect(verifyRequest(signed(), keyring)).toBe(true);
  });

  it.each<[string, Partial<RequestRecord>]>([
    ['id', { id: 'otheraaaaaaaaaaaaaaaaa' }],
    ['version', { version: 3 }],
    ['status', { status: 'open' }],
    ['createdAt', { createdAt: 999 }],
    ['expiresAt', { expiresAt: 9_999_999 }],
    ['answeredAt', { answeredAt: null }],
    ['burnedAt', { burnedAt: 1 }],
    ['createdBy', { createdBy: 'mallory' }],
    ['label', { label: null }],
    ['requestProofVerifier', { requestProofVerifier: new Uint8Array(32).fill(3) }],
    ['answerSecretId', { answerSecretId: null }],
    ['ephemeralKey', { ephemeralKey: new Uint8Array(32).fill(4) }],
    ['keyId', { keyId: 'unknown' }],
  ])('fails when %s is edited', (_field, patch) => {
    expect(verifyRequest({ ...signed(), ...patch }, keyring)).toBe(false);
  });

  it('answers false, never a throw, for a malformed row, and refuses to MAC an unknown key id', () => {
    expect(verifyRequest({ ...signed(), mac: new Uint8Array(5) }, keyring)).toBe(false);
    expect(verifyRequest({ ...signed(), label: {} as unknown as string }, keyring)).toBe(false);
    expect(() => macRequest({ ...signed(), keyId: 'nope' }, keyring)).toThrow(RangeError);
  });
});
