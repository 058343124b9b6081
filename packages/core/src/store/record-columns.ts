import type {
  ColumnCodec,
  ColumnTypes,
  EventRow,
  OutboxRow,
  RequestRow,
  SecretRow,
} from './columns';
import type {
  AuditEventInput,
  BurnReason,
  OutboxMessage,
  OutboxStatus,
  RequestRecord,
  RequestStatus,
  SecretRecord,
  SecretStatus,
  StoredAuditEvent,
} from './types';

/** Applies `convert` to a value that may be null. */
function nullable<T, R>(value: T | null, convert: (value: T) => R): R | null {
  return value === null ? null : convert(value);
}

/**
 * A secret's values in `SECRET_COLUMNS` order, ready to bind. Bytes are bound as they are
 * (every driver takes a `Uint8Array`).
 */
export function secretToColumns<C extends ColumnTypes>(
  r: SecretRecord,
  codec: ColumnCodec<C>,
): unknown[] {
  const time = (ms: number | null) => nullable(ms, (v) => codec.writeTime(v));
  return [
    r.id,
    r.version,
    r.status,
    codec.writeTime(r.createdAt),
    codec.writeTime(r.expiresAt),
    time(r.firstViewedAt),
    time(r.lastViewedAt),
    time(r.burnedAt),
    r.burnReason,
    r.createdBy,
    r.label,
    r.maxViews,
    r.views,
    r.failedAttempts,
    r.kdf?.logN ?? null,
    r.kdf?.r ?? null,
    r.kdf?.p ?? null,
    r.salt,
    r.keyProofVerifier,
    r.passphraseVerifier,
    r.envelope,
    codec.writeFlag(r.notify),
    r.groupId,
    r.requestId,
    r.ephemeralKey,
    r.keyId,
    r.mac,
  ];
}

/**
 * A secrets row back to the record exactly as stored. Status and reason strings pass
 * through unchecked on purpose: whether a row is trustworthy is core's MAC check.
 */
export function secretFromColumns<C extends ColumnTypes>(
  row: SecretRow<C>,
  codec: ColumnCodec<C>,
): SecretRecord {
  const time = (value: C['time'] | null) => nullable(value, (v) => codec.readTime(v));
  const bytes = (value: C['bytes'] | null) => nullable(value, (v) => codec.readBytes(v));
  return {
    id: row.id,
    version: row.version,
    status: row.status as SecretStatus,
    createdAt: codec.readTime(row.created_at),
    expiresAt: codec.readTime(row.expires_at),
    firstViewedAt: time(row.first_viewed_at),
    lastViewedAt: time(row.last_viewed_at),
    burnedAt: time(row.burned_at),
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
    salt: codec.readBytes(row.salt),
    keyProofVerifier: codec.readBytes(row.key_proof_verifier),
    passphraseVerifier: bytes(row.passphrase_verifier),
    envelope: bytes(row.envelope),
    notify: codec.readFlag(row.notify),
    groupId: row.group_id,
    requestId: row.request_id,
    ephemeralKey: bytes(row.ephemeral_key),
    keyId: row.key_id,
    mac: codec.readBytes(row.mac),
  };
}

/** A request's values in `REQUEST_COLUMNS` order, ready to bind. */
export function requestToColumns<C extends ColumnTypes>(
  r: RequestRecord,
  codec: ColumnCodec<C>,
): unknown[] {
  const time = (ms: number | null) => nullable(ms, (v) => codec.writeTime(v));
  return [
    r.id,
    r.version,
    r.status,
    codec.writeTime(r.createdAt),
    codec.writeTime(r.expiresAt),
    time(r.answeredAt),
    time(r.burnedAt),
    r.createdBy,
    r.label,
    r.requestProofVerifier,
    r.answerSecretId,
    r.ephemeralKey,
    r.keyId,
    r.mac,
  ];
}

/** A requests row back to the request exactly as stored (trust is core's MAC check). */
export function requestFromColumns<C extends ColumnTypes>(
  row: RequestRow<C>,
  codec: ColumnCodec<C>,
): RequestRecord {
  const time = (value: C['time'] | null) => nullable(value, (v) => codec.readTime(v));
  return {
    id: row.id,
    version: row.version,
    status: row.status as RequestStatus,
    createdAt: codec.readTime(row.created_at),
    expiresAt: codec.readTime(row.expires_at),
    answeredAt: time(row.answered_at),
    burnedAt: time(row.burned_at),
    createdBy: row.created_by,
    label: row.label,
    requestProofVerifier: codec.readBytes(row.request_proof_verifier),
    answerSecretId: row.answer_secret_id,
    ephemeralKey: nullable(row.ephemeral_key, (v) => codec.readBytes(v)),
    keyId: row.key_id,
    mac: codec.readBytes(row.mac),
  };
}

/** An event's values in `EVENT_COLUMNS` order; `detail` is bound as JSON text. */
export function eventToColumns<C extends ColumnTypes>(
  e: AuditEventInput,
  codec: ColumnCodec<C>,
): unknown[] {
  return [
    e.subjectId,
    e.type,
    codec.writeTime(e.at),
    e.ip,
    e.userAgent,
    e.detail === null ? null : JSON.stringify(e.detail),
  ];
}

/** An events row back to the stored event. */
export function eventFromColumns<C extends ColumnTypes>(
  row: EventRow<C>,
  codec: ColumnCodec<C>,
): StoredAuditEvent {
  return {
    subjectId: row.subject_id,
    type: row.type as StoredAuditEvent['type'],
    at: codec.readTime(row.at),
    ip: row.ip,
    userAgent: row.user_agent,
    detail: nullable(row.detail, (v) => codec.readJson(v)),
  };
}

/** An outbox row back to the message. */
export function outboxFromColumns<C extends ColumnTypes>(
  row: OutboxRow<C>,
  codec: ColumnCodec<C>,
): OutboxMessage {
  const time = (value: C['time'] | null) => nullable(value, (v) => codec.readTime(v));
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    payload: row.payload,
    createdAt: codec.readTime(row.created_at),
    status: row.status as OutboxStatus,
    attempts: row.attempts,
    nextAttemptAt: codec.readTime(row.next_attempt_at),
    leaseUntil: time(row.lease_until),
    lastError: row.last_error,
    finishedAt: time(row.finished_at),
  };
}
