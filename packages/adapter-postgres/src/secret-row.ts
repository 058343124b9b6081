import type {
  AuditEventInput,
  BurnReason,
  OutboxMessage,
  OutboxMessageInput,
  OutboxStatus,
  SecretRecord,
  SecretStatus,
  StoredAuditEvent,
} from '@hushlink/core';

/** A secrets row as pg returns it (timestamptz → Date, bytea → Buffer). */
export interface SecretRow {
  id: string;
  version: number;
  status: string;
  created_at: Date;
  expires_at: Date;
  first_viewed_at: Date | null;
  last_viewed_at: Date | null;
  burned_at: Date | null;
  burn_reason: string | null;
  created_by: string;
  label: string | null;
  max_views: number | null;
  views: number;
  failed_attempts: number;
  kdf_log_n: number | null;
  kdf_r: number | null;
  kdf_p: number | null;
  salt: Uint8Array;
  key_proof_verifier: Uint8Array;
  passphrase_verifier: Uint8Array | null;
  envelope: Uint8Array | null;
  notify: boolean;
  group_id: string | null;
  request_id: string | null;
  ephemeral_key: Uint8Array | null;
  key_id: string;
  mac: Uint8Array;
}

/** An events row as pg returns it. */
export interface EventRow {
  subject_id: string;
  type: string;
  at: Date;
  ip: string | null;
  user_agent: string | null;
  detail: Record<string, unknown> | null;
}

/**
 * The record exactly as stored. The status and reason strings are passed through
 * unchecked on purpose: deciding whether a row is trustworthy is core's MAC check.
 */
export function toSecretRecord(row: SecretRow): SecretRecord {
  return {
    id: row.id,
    version: row.version,
    status: row.status as SecretStatus,
    createdAt: row.created_at.getTime(),
    expiresAt: row.expires_at.getTime(),
    firstViewedAt: toMillis(row.first_viewed_at),
    lastViewedAt: toMillis(row.last_viewed_at),
    burnedAt: toMillis(row.burned_at),
    burnReason: row.burn_reason as BurnReason | null,
    createdBy: row.created_by,
    label: row.label,
    maxViews: row.max_views,
    views: row.views,
    failedAttempts: row.failed_attempts,
    kdf:
      row.kdf_log_n === null || row.kdf_r === null || row.kdf_p === null
        ? null
        : { logN: row.kdf_log_n, r: row.kdf_r, p: row.kdf_p },
    salt: toBytes(row.salt),
    keyProofVerifier: toBytes(row.key_proof_verifier),
    passphraseVerifier: toBytesOrNull(row.passphrase_verifier),
    envelope: toBytesOrNull(row.envelope),
    notify: row.notify,
    groupId: row.group_id,
    requestId: row.request_id,
    ephemeralKey: toBytesOrNull(row.ephemeral_key),
    keyId: row.key_id,
    mac: toBytes(row.mac),
  };
}

/** Statement values for every secrets column, in `SECRET_COLUMNS` order. */
export function secretValues(record: SecretRecord): unknown[] {
  return [
    record.id,
    record.version,
    record.status,
    toTimestamp(record.createdAt),
    toTimestamp(record.expiresAt),
    toTimestamp(record.firstViewedAt),
    toTimestamp(record.lastViewedAt),
    toTimestamp(record.burnedAt),
    record.burnReason,
    record.createdBy,
    record.label,
    record.maxViews,
    record.views,
    record.failedAttempts,
    record.kdf?.logN ?? null,
    record.kdf?.r ?? null,
    record.kdf?.p ?? null,
    record.salt,
    record.keyProofVerifier,
    record.passphraseVerifier,
    record.envelope,
    record.notify,
    record.groupId,
    record.requestId,
    record.ephemeralKey,
    record.keyId,
    record.mac,
  ];
}

/** Events as parallel arrays, one per column (`EVENT_SLOTS` order), for one `unnest(...)`. */
export function eventValues(events: readonly AuditEventInput[]): unknown[][] {
  const subjectIds: string[] = [];
  const types: string[] = [];
  const ats: string[] = [];
  const ips: (string | null)[] = [];
  const userAgents: (string | null)[] = [];
  const details: (string | null)[] = [];
  for (const e of events) {
    subjectIds.push(e.subjectId);
    types.push(e.type);
    ats.push(new Date(e.at).toISOString());
    ips.push(e.ip);
    userAgents.push(e.userAgent);
    details.push(e.detail === null ? null : JSON.stringify(e.detail));
  }
  return [subjectIds, types, ats, ips, userAgents, details];
}

/** Outbox messages as parallel arrays (`OUTBOX_SLOTS` order), for one `unnest(...)`. */
export function outboxValues(messages: readonly OutboxMessageInput[]): unknown[][] {
  return [
    messages.map((m) => m.id),
    messages.map((m) => m.endpointId),
    messages.map((m) => m.payload),
    messages.map((m) => new Date(m.createdAt).toISOString()),
  ];
}

/** An outbox row as pg returns it (timestamptz as `Date`). */
export interface OutboxRow {
  id: string;
  endpoint_id: string;
  payload: string;
  created_at: Date;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  lease_until: Date | null;
  last_error: string | null;
  finished_at: Date | null;
}

export function toOutboxMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    payload: row.payload,
    createdAt: row.created_at.getTime(),
    status: row.status as OutboxStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at.getTime(),
    leaseUntil: toMillis(row.lease_until),
    lastError: row.last_error,
    finishedAt: toMillis(row.finished_at),
  };
}

export function toStoredEvent(row: EventRow): StoredAuditEvent {
  return {
    subjectId: row.subject_id,
    type: row.type as StoredAuditEvent['type'],
    at: row.at.getTime(),
    ip: row.ip,
    userAgent: row.user_agent,
    detail: row.detail,
  };
}

/** ISO text in UTC: unambiguous whatever the session's TimeZone. */
export function toTimestamp(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function toMillis(date: Date | null): number | null {
  return date === null ? null : date.getTime();
}

/** A plain Uint8Array view of pg's Buffer (no copy), so records compare equal to inputs. */
function toBytes(buffer: Uint8Array): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function toBytesOrNull(buffer: Uint8Array | null): Uint8Array | null {
  return buffer === null ? null : toBytes(buffer);
}
