import type { AuditEventInput, SecretRecord } from '@hushlink/core';
import { CONTRACT_EPOCH, eventOf, minimalRecord } from '@hushlink/core/testing';

/** A single-use, active record: core's minimal one with a 2 KiB envelope (the MAC is arbitrary). */
export function testRecord(overrides: Partial<SecretRecord> = {}): SecretRecord {
  return minimalRecord({
    id: 'pgtestrecordaaaaaaaaaa',
    expiresAt: CONTRACT_EPOCH + 86_400_000,
    maxViews: 1,
    envelope: new Uint8Array(2048).fill(3),
    ...overrides,
  });
}

/** An audit event of `subjectId`, with every field set unless overridden. */
export function testEvent(
  subjectId: string,
  overrides: Partial<AuditEventInput> = {},
): AuditEventInput {
  return eventOf(subjectId, overrides);
}
