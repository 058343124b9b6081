import type { AuditEventInput, SecretRecord } from '@hushlink/core';

/** A fresh single-use record for adapter tests (the MAC is arbitrary: stores never check it). */
export function singleUseRecord(id: string, overrides: Partial<SecretRecord> = {}): SecretRecord {
  return {
    id,
    version: 1,
    status: 'active',
    createdAt: 1_767_225_600_000,
    expiresAt: 1_767_225_600_000 + 86_400_000,
    firstViewedAt: null,
    lastViewedAt: null,
    burnedAt: null,
    burnReason: null,
    createdBy: 'alice',
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
    keyId: 'test-key-id',
    mac: new Uint8Array(32).fill(4),
    ...overrides,
  };
}

/** The transition a single-use reveal persists: viewed, envelope deleted. */
export function revealedRecord(record: SecretRecord, at: number): SecretRecord {
  return {
    ...record,
    version: record.version + 1,
    status: 'viewed',
    views: record.views + 1,
    firstViewedAt: record.firstViewedAt ?? at,
    lastViewedAt: at,
    envelope: null,
  };
}

export function eventFor(
  subjectId: string,
  type: AuditEventInput['type'],
  at: number,
  detail: AuditEventInput['detail'] = null,
): AuditEventInput {
  return { subjectId, type, at, ip: '203.0.113.7', userAgent: 'test', detail };
}
