import type { AuditEventInput, SecretRecord } from '@hushlink/core';

/** A single-use, active record; the MAC is arbitrary because stores never check it. */
export function testRecord(overrides: Partial<SecretRecord> = {}): SecretRecord {
  return {
    id: 'pgtestrecordaaaaaaaaaa',
    version: 1,
    status: 'active',
    createdAt: Date.UTC(2026, 0, 1),
    expiresAt: Date.UTC(2026, 0, 2),
    firstViewedAt: null,
    lastViewedAt: null,
    burnedAt: null,
    burnReason: null,
    createdBy: 'user-1',
    label: null,
    maxViews: 1,
    views: 0,
    failedAttempts: 0,
    kdf: null,
    salt: new Uint8Array(16).fill(1),
    keyProofVerifier: new Uint8Array(32).fill(2),
    passphraseVerifier: null,
    envelope: new Uint8Array(2048).fill(3),
    notify: false,
    groupId: null,
    requestId: null,
    ephemeralKey: null,
    keyId: 'kid-test',
    mac: new Uint8Array(32).fill(4),
    ...overrides,
  };
}

export function testEvent(
  subjectId: string,
  overrides: Partial<AuditEventInput> = {},
): AuditEventInput {
  return {
    subjectId,
    type: 'created',
    at: Date.UTC(2026, 0, 1),
    ip: '203.0.113.7',
    userAgent: 'vitest',
    detail: null,
    ...overrides,
  };
}
