import type { RequestRecord, RequestStatus } from '@hushlink/core';
import { toTimestamp } from './secret-row';

/** A requests row as pg returns it (timestamptz → Date, bytea → Buffer). */
export interface RequestRow {
  id: string;
  version: number;
  status: string;
  created_at: Date;
  expires_at: Date;
  answered_at: Date | null;
  burned_at: Date | null;
  created_by: string;
  label: string | null;
  request_proof_verifier: Uint8Array;
  answer_secret_id: string | null;
  ephemeral_key: Uint8Array | null;
  key_id: string;
  mac: Uint8Array;
}

/** Statement values for every requests column, in `REQUEST_COLUMNS` order. */
export function requestValues(r: RequestRecord): unknown[] {
  return [
    r.id,
    r.version,
    r.status,
    toTimestamp(r.createdAt),
    toTimestamp(r.expiresAt),
    toTimestamp(r.answeredAt),
    toTimestamp(r.burnedAt),
    r.createdBy,
    r.label,
    r.requestProofVerifier,
    r.answerSecretId,
    r.ephemeralKey,
    r.keyId,
    r.mac,
  ];
}

/** The request exactly as stored; whether it is trustworthy is core's MAC check. */
export function toRequestRecord(row: RequestRow): RequestRecord {
  const bytes = (b: Uint8Array) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return {
    id: row.id,
    version: row.version,
    status: row.status as RequestStatus,
    createdAt: row.created_at.getTime(),
    expiresAt: row.expires_at.getTime(),
    answeredAt: row.answered_at === null ? null : row.answered_at.getTime(),
    burnedAt: row.burned_at === null ? null : row.burned_at.getTime(),
    createdBy: row.created_by,
    label: row.label,
    requestProofVerifier: bytes(row.request_proof_verifier),
    answerSecretId: row.answer_secret_id,
    ephemeralKey: row.ephemeral_key === null ? null : bytes(row.ephemeral_key),
    keyId: row.key_id,
    mac: bytes(row.mac),
  };
}
