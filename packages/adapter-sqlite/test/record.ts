import type { AuditEventInput, SecretRecord } from '@hushlink/core';
import { CONTRACT_EPOCH, eventOf, minimalRecord } from '@hushlink/core/testing';

/**
 * A fresh single-use record for adapter tests: core's minimal record, valid a day, with a
 * 2 KiB envelope (the MAC is arbitrary: stores never check it).
 */
export function singleUseRecord(id: string, overrides: Partial<SecretRecord> = {}): SecretRecord {
  return minimalRecord({
    id,
    expiresAt: CONTRACT_EPOCH + 86_400_000,
    createdBy: 'alice',
    maxViews: 1,
    envelope: new Uint8Array(2048).fill(3),
    ...overrides,
  });
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

/** An audit event of `type` at `at`, from a client. */
export function eventFor(
  subjectId: string,
  type: AuditEventInput['type'],
  at: number,
  detail: AuditEventInput['detail'] = null,
): AuditEventInput {
  return eventOf(subjectId, { type, at, detail });
}
