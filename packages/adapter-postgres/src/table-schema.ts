/**
 * Column names, shared by the migrations and the statements so they cannot drift.
 * Times are `timestamptz`, bytes `bytea`; identifiers use the "C" collation so that
 * ordering by id matches JavaScript string order (byte order) on every server locale.
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

export type SecretColumn = (typeof SECRET_COLUMNS)[number];

/** Event columns written by the stores (`seq` is an identity that keeps insertion order). */
export const EVENT_COLUMNS = ['subject_id', 'type', 'at', 'ip', 'user_agent', 'detail'] as const;

/** Slots of the events written with a record: one array per event column. */
export const EVENT_SLOTS = [
  'ev_subject_id',
  'ev_type',
  'ev_at',
  'ev_ip',
  'ev_user_agent',
  'ev_detail',
] as const;

/** Outbox columns (DESIGN.md §11), in the order the outbox statements select them. */
export const OUTBOX_COLUMNS = [
  'id',
  'endpoint_id',
  'payload',
  'created_at',
  'status',
  'attempts',
  'next_attempt_at',
  'lease_until',
  'last_error',
  'finished_at',
] as const;

/** Slots of the outbox messages written with a transition: one array per written column. */
export const OUTBOX_SLOTS = ['ob_id', 'ob_endpoint_id', 'ob_payload', 'ob_created_at'] as const;

/** Request-link columns (DESIGN.md §10), in the order of `requestValues`. */
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

/** Slots of a request's values where a statement also carries a secret's (`rq_` + column). */
export const REQUEST_SLOTS = REQUEST_COLUMNS.map((c) => `rq_${c}` as const);
