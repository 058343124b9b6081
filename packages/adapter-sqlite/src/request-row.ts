import type { RequestRecord, RequestStatus } from '@hushlink/core';

/** The requests table's columns, in the one order every statement and `requestParameters` use. */
export const REQUEST_COLUMNS = [
  'id',
  'version',
  'status',
  'created_at',
  'expires_at',
  'answered_at',
  'burned_at',
  'created_by',
  'label',
  'request_proof_verifier',
  'answer_secret_id',
  'ephemeral_key',
  'key_id',
  'mac',
] as const;

/** A requests row as better-sqlite3 returns it. */
export interface RequestRow {
  id: string;
  version: number;
  status: string;
  created_at: number;
  expires_at: number;
  answered_at: number | null;
  burned_at: number | null;
  created_by: string;
  label: string | null;
  request_proof_verifier: Uint8Array;
  answer_secret_id: string | null;
  ephemeral_key: Uint8Array | null;
  key_id: string;
  mac: Uint8Array;
}

/** A request's values in `REQUEST_COLUMNS` order. */
export function requestParameters(r: RequestRecord): unknown[] {
  return [
    r.id,
    r.version,
    r.status,
    r.createdAt,
    r.expiresAt,
    r.answeredAt,
    r.burnedAt,
    r.createdBy,
    r.label,
    r.requestProofVerifier,
    r.answerSecretId,
    r.ephemeralKey,
    r.keyId,
    r.mac,
  ];
}

/** A row back to a request, exactly as stored (whether it is trustworthy is core's MAC check). */
export function requestFromRow(row: RequestRow): RequestRecord {
  return {
    id: row.id,
    version: row.version,
    status: row.status as RequestStatus,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    answeredAt: row.answered_at,
    burnedAt: row.burned_at,
    createdBy: row.created_by,
    label: row.label,
    requestProofVerifier: new Uint8Array(row.request_proof_verifier),
    answerSecretId: row.answer_secret_id,
    ephemeralKey: row.ephemeral_key === null ? null : new Uint8Array(row.ephemeral_key),
    keyId: row.key_id,
    mac: new Uint8Array(row.mac),
  };
}
