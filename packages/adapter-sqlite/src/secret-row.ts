import type {
  AuditEventInput,
  BurnReason,
  SecretRecord,
  SecretStatus,
  StoredAuditEvent,
} from '@hushlink/core';

/**
 * The secrets table's columns, in the one order used by every INSERT / UPDATE / SELECT
 * this adapter writes by hand, and by `secretParameters`.
 */
export const SECRET_COLUMNS = [
  'id',
  'version',
  'status',
  'created_at',
  'expires_at',
  'first_viewed_at',
  'last_viewed_at',
  'burned_at',
  'burn_reason',
  'created_by',
  'label',
  'max_views',
  'views',
  'failed_attempts',
  'kdf_log_n',
  'kdf_r',
  'kdf_p',
  'salt',
  'key_proof_verifier',
  'passphrase_verifier',
  'envelope',
  'notify',
  'group_id',
  'request_id',
  'ephemeral_key',
  'key_id',
  'mac',
] as const;

/** A secrets row as better-sqlite3 returns it. */
export interface SecretRow {
  id: string;
  version: number;
  status: string;
  created_at: number;
  expires_at: number;
  first_viewed_at: number | null;
  last_viewed_at: number | null;
  burned_at: number | null;
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
  notify: number;
  group_id: string | null;
  request_id: string | null;
  ephemeral_key: Uint8Array | null;
  key_id: string;
  mac: Uint8Array;
}

/** A record's values in `SECRET_COLUMNS` order (booleans as 0/1: SQLite has no boolean). */
export function secretParameters(r: SecretRecord): unknown[] {
  return [
    r.id,
    r.version,
    r.status,
    r.createdAt,
    r.expiresAt,
    r.firstViewedAt,
    r.lastViewedAt,
    r.burnedAt,
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
    r.notify ? 1 : 0,
    r.groupId,
    r.requestId,
    r.ephemeralKey,
    r.keyId,
    r.mac,
  ];
}

/**
 * A row back to a record, exactly as stored. Byte columns become plain `Uint8Array`s:
 * better-sqlite3 hands out Node `Buffer`s, and a caller should get the type the contract
 * names, owning its bytes (see `bytes`).
 */
export function secretFromRow(row: SecretRow): SecretRecord {
  return {
    id: row.id,
    version: row.version,
    status: row.status as SecretStatus,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    firstViewedAt: row.first_viewed_at,
    lastViewedAt: row.last_viewed_at,
    burnedAt: row.burned_at,
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
    salt: bytes(row.salt),
    keyProofVerifier: bytes(row.key_proof_verifier),
    passphraseVerifier: nullableBytes(row.passphrase_verifier),
    envelope: nullableBytes(row.envelope),
    notify: row.notify !== 0,
    groupId: row.group_id,
    requestId: row.request_id,
    ephemeralKey: nullableBytes(row.ephemeral_key),
    keyId: row.key_id,
    mac: bytes(row.mac),
  };
}

/** The events table's hand-written columns, in parameter order. */
export const EVENT_COLUMNS = ['subject_id', 'type', 'at', 'ip', 'user_agent', 'detail'] as const;

/** An events row as better-sqlite3 returns it. */
export interface EventRow {
  subject_id: string;
  type: string;
  at: number;
  ip: string | null;
  user_agent: string | null;
  detail: string | null;
}

/** An event's values in `EVENT_COLUMNS` order; `detail` is stored as JSON text. */
export function eventParameters(e: AuditEventInput): unknown[] {
  return [
    e.subjectId,
    e.type,
    e.at,
    e.ip,
    e.userAgent,
    e.detail === null ? null : JSON.stringify(e.detail),
  ];
}

export function eventFromRow(row: EventRow): StoredAuditEvent {
  return {
    subjectId: row.subject_id,
    type: row.type as StoredAuditEvent['type'],
    at: row.at,
    ip: row.ip,
    userAgent: row.user_agent,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
  };
}

/**
 * better-sqlite3 copies each BLOB into a Buffer with its own ArrayBuffer, so a plain view
 * over that ArrayBuffer owns exactly these bytes and costs no copy. Should a Buffer ever
 * share a larger (pooled) ArrayBuffer, copy instead, so no caller can reach other bytes.
 */
function bytes(value: Uint8Array): Uint8Array {
  return value.byteOffset === 0 && value.buffer.byteLength === value.byteLength
    ? new Uint8Array(value.buffer)
    : new Uint8Array(value);
}

function nullableBytes(value: Uint8Array | null): Uint8Array | null {
  return value === null ? null : new Uint8Array(value);
}
