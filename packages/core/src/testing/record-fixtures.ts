import type { AuditEventInput, RequestRecord, SecretRecord } from '../store/types';

/** 2026-01-01T00:00:00.000Z: the contract's fixed clock starts here. */
export const CONTRACT_EPOCH = Date.UTC(2026, 0, 1);

const bytes = (length: number, seed: number): Uint8Array =>
  Uint8Array.from({ length }, (_, i) => (seed + i * 7) & 0xff);

/**
 * A stored record with every nullable field set, for store round trips. The MAC is
 * arbitrary: stores never check it.
 */
export function fullRecord(overrides: Partial<SecretRecord> = {}): SecretRecord {
  return {
    id: 'fullrecordaaaaaaaaaaaa',
    version: 3,
    status: 'burned',
    createdAt: CONTRACT_EPOCH,
    expiresAt: CONTRACT_EPOCH + 2_592_000_000,
    firstViewedAt: CONTRACT_EPOCH + 1_000,
    lastViewedAt: CONTRACT_EPOCH + 2_000,
    burnedAt: CONTRACT_EPOCH + 3_000,
    burnReason: 'attempts',
    createdBy: 'user-ü-42',
    label: 'Zugang für Jürgen — 🔑 日本語 "quoted" \\ back',
    maxViews: 1000,
    views: 2,
    failedAttempts: 5,
    kdf: { logN: 20, r: 16, p: 4 },
    salt: bytes(16, 1),
    keyProofVerifier: bytes(32, 2),
    passphraseVerifier: bytes(32, 3),
    envelope: bytes(320, 4),
    notify: true,
    groupId: 'groupaaaaaaaaaaaaaaaaa',
    requestId: 'requestaaaaaaaaaaaaaaa',
    ephemeralKey: bytes(32, 5),
    keyId: 'kid-full-aa',
    mac: bytes(32, 6),
    ...overrides,
  };
}

/** A fresh single-use record with every nullable field null. */
export function minimalRecord(overrides: Partial<SecretRecord> = {}): SecretRecord {
  return {
    id: 'minimalrecordaaaaaaaaa',
    version: 1,
    status: 'active',
    createdAt: CONTRACT_EPOCH,
    expiresAt: CONTRACT_EPOCH + 3_600_000,
    firstViewedAt: null,
    lastViewedAt: null,
    burnedAt: null,
    burnReason: null,
    createdBy: 'user-1',
    label: null,
    maxViews: null,
    views: 0,
    failedAttempts: 0,
    kdf: null,
    salt: bytes(16, 11),
    keyProofVerifier: bytes(32, 12),
    passphraseVerifier: null,
    envelope: bytes(320, 13),
    notify: false,
    groupId: null,
    requestId: null,
    ephemeralKey: null,
    keyId: 'kid-min-aaa',
    mac: bytes(32, 14),
    ...overrides,
  };
}

/** An audit event of `subjectId`, with every field set unless overridden. */
export function eventOf(
  subjectId: string,
  overrides: Partial<AuditEventInput> = {},
): AuditEventInput {
  return {
    subjectId,
    type: 'created',
    at: CONTRACT_EPOCH,
    ip: '203.0.113.0/24',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) «ü»',
    detail: null,
    ...overrides,
  };
}

/**
 * Copies a value read from a store, turning every `Uint8Array` subclass (a Node `Buffer`)
 * into a plain `Uint8Array`, so deep equality compares bytes, not classes.
 */
export function normalizeBytes<T>(value: T): T {
  if (value instanceof Uint8Array) return new Uint8Array(value) as T;
  if (Array.isArray(value)) return value.map(normalizeBytes) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeBytes(v)])) as T;
  }
  return value;
}

/** A stored request with every nullable field set (answered), for store round trips. */
export function fullRequest(overrides: Partial<RequestRecord> = {}): RequestRecord {
  return {
    id: 'fullrequestaaaaaaaaaaa',
    version: 2,
    status: 'answered',
    createdAt: CONTRACT_EPOCH,
    expiresAt: CONTRACT_EPOCH + 86_400_000,
    answeredAt: CONTRACT_EPOCH + 5_000,
    burnedAt: CONTRACT_EPOCH + 6_000,
    createdBy: 'user-ü-42',
    label: 'Passwort für «Jürgen» 🔑 "quoted" \\ back',
    requestProofVerifier: bytes(32, 21),
    answerSecretId: 'answersecretaaaaaaaaaa',
    ephemeralKey: bytes(32, 22),
    keyId: 'kid-full-aa',
    mac: bytes(32, 23),
    ...overrides,
  };
}

/** A fresh open request with every nullable field null. */
export function minimalRequest(overrides: Partial<RequestRecord> = {}): RequestRecord {
  return {
    id: 'minimalrequestaaaaaaaa',
    version: 1,
    status: 'open',
    createdAt: CONTRACT_EPOCH,
    expiresAt: CONTRACT_EPOCH + 3_600_000,
    answeredAt: null,
    burnedAt: null,
    createdBy: 'user-1',
    label: null,
    requestProofVerifier: bytes(32, 31),
    answerSecretId: null,
    ephemeralKey: null,
    keyId: 'kid-min-aaa',
    mac: bytes(32, 32),
    ...overrides,
  };
}
