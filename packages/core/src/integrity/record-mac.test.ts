import { describe, expect, it } from 'vitest';
import type { SecretRecord } from '../store/types';
import { fullRecord, minimalRecord } from '../testing/record-fixtures';
import { encodeRecordForMac } from './canonical-record';
import { equalBytes } from './equal-bytes';
import { createKeyring } from './keyring';
import { macRecord, verifyRecord, withMac } from './record-mac';
import { verifier } from './verifier';

const KEY_A = 'a1'.repeat(32);
const KEY_B = 'b2'.repeat(32);
const ring = createKeyring(KEY_A);
const signed = (record: SecretRecord, keyring = ring) =>
  withMac({ ...record, keyId: keyring.current.id }, keyring);

/** A different value of the same kind for every field the MAC covers. */
const TAMPERS: Array<[keyof SecretRecord, (r: SecretRecord) => unknown]> = [
  ['id', () => 'otheridaaaaaaaaaaaaaaa'],
  ['version', (r) => r.version + 1],
  ['status', () => 'active'],
  ['createdAt', (r) => r.createdAt - 1],
  ['expiresAt', (r) => r.expiresAt + 86_400_000],
  ['firstViewedAt', () => null],
  ['lastViewedAt', (r) => (r.lastViewedAt ?? 0) + 1],
  ['burnedAt', () => null],
  ['burnReason', () => 'creator'],
  ['createdBy', () => 'mallory'],
  ['label', () => 'relabelled'],
  ['maxViews', () => null],
  ['views', () => 0],
  ['failedAttempts', () => 0],
  ['kdf', () => ({ logN: 14, r: 8, p: 1 })],
  ['salt', () => new Uint8Array(16)],
  ['keyProofVerifier', () => new Uint8Array(32)],
  ['passphraseVerifier', () => null],
  ['envelope', (r) => Uint8Array.from(r.envelope ?? [], (b) => b ^ 1)],
  ['notify', () => false],
  ['groupId', () => null],
  ['requestId', () => null],
  ['ephemeralKey', () => null],
  ['keyId', () => createKeyring(KEY_B).current.id],
];

describe('record MAC', () => {
  it('verifies a record it MACed, with every field set or null', () => {
    expect(verifyRecord(signed(fullRecord()), ring)).toBe(true);
    expect(verifyRecord(signed(minimalRecord()), ring)).toBe(true);
  });

  it('covers every field of the record except the MAC itself', () => {
    const covered = new Set(TAMPERS.map(([field]) => field));
    const all = Object.keys(fullRecord()).filter((k) => k !== 'mac');
    expect(new Set(all)).toEqual(covered);
  });

  it.each(TAMPERS)('detects a changed %s', (field, change) => {
    const record = signed(fullRecord());
    const tampered = { ...record, [field]: change(record) } as SecretRecord;
    expect(verifyRecord(tampered, createKeyring({ current: KEY_A, previous: [KEY_B] }))).toBe(
      false,
    );
  });

  it('detects an envelope swapped for another record’s, or removed', () => {
    const a = signed(fullRecord());
    const b = signed(
      fullRecord({ id: 'otheridaaaaaaaaaaaaaaa', envelope: new Uint8Array(320).fill(3) }),
    );
    expect(verifyRecord({ ...a, envelope: b.envelope }, ring)).toBe(false);
    expect(verifyRecord({ ...a, envelope: null }, ring)).toBe(false);
    expect(verifyRecord({ ...a, envelope: new Uint8Array(0) }, ring)).toBe(false);
  });

  it('detects a MAC copied from another record, truncated or missing', () => {
    const a = signed(fullRecord());
    const b = signed(minimalRecord());
    expect(verifyRecord({ ...a, mac: b.mac }, ring)).toBe(false);
    expect(verifyRecord({ ...a, mac: a.mac.slice(0, 16) }, ring)).toBe(false);
    expect(verifyRecord({ ...a, mac: undefined as unknown as Uint8Array }, ring)).toBe(false);
  });

  it('fails, without throwing, on values of the wrong type (a store bug or a tampered row)', () => {
    const a = signed(fullRecord());
    expect(verifyRecord({ ...a, views: '2' as unknown as number }, ring)).toBe(false);
    expect(verifyRecord({ ...a, kdf: { logN: 20, r: 16, p: 4.5 } }, ring)).toBe(false);
    expect(verifyRecord({ ...a, label: {} as unknown as string }, ring)).toBe(false);
  });

  it('encodes null, empty and missing values distinctly', () => {
    const base = minimalRecord();
    const encodings = [
      { ...base, label: null },
      { ...base, label: '' },
      { ...base, envelope: null },
      { ...base, envelope: new Uint8Array(0) },
      { ...base, groupId: '' },
      { ...base, groupId: undefined as unknown as null },
    ].map((r) => Buffer.from(encodeRecordForMac(r)).toString('hex'));
    expect(new Set(encodings).size).toBe(encodings.length);
  });

  it('keeps verifying records of a rotated-out key, and MACs new ones with the current key', () => {
    const old = signed(fullRecord(), createKeyring(KEY_A));
    const rotated = createKeyring({ current: KEY_B, previous: [KEY_A] });
    expect(verifyRecord(old, rotated)).toBe(true);
    expect(signed(minimalRecord(), rotated).keyId).toBe(createKeyring(KEY_B).current.id);
    // Dropping the old key from the ring refuses its records: an unknown key id fails.
    expect(verifyRecord(old, createKeyring(KEY_B))).toBe(false);
  });

  it('refuses to MAC under a key id the keyring does not hold', () => {
    expect(() => macRecord({ ...fullRecord(), keyId: 'unknown' }, ring)).toThrow(RangeError);
  });
});

describe('verifiers and comparison', () => {
  it('derives a verifier with the verifier key, not the MAC key, per key id', () => {
    const proof = new Uint8Array(32).fill(5);
    const rotated = createKeyring({ current: KEY_B, previous: [KEY_A] });
    const a = verifier(rotated, proof, ring.current.id);
    expect(a).toEqual(verifier(ring, proof));
    expect(a).not.toEqual(verifier(rotated, proof));
    expect(() => verifier(ring, proof, 'unknown')).toThrow(RangeError);
  });

  it('compares bytes exactly', () => {
    expect(equalBytes(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(equalBytes(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(equalBytes(Uint8Array.of(1, 2), Uint8Array.of(1, 2, 0))).toBe(false);
    expect(equalBytes(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });
});
