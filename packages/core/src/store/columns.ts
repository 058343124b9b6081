/**
 * The SQL tables' column names and row shapes, shared by every SQL adapter so that their
 * statements, migrations and record mapping cannot drift apart. Each list is in the one
 * order an adapter's INSERT / UPDATE / SELECT and `…ToColumns` values use.
 */

/** The secrets table's columns. */
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

/** One secrets column name. */
export type SecretColumn = (typeof SECRET_COLUMNS)[number];

/** The request-links table's columns (DESIGN.md §10). */
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

/** One requests column name. */
export type RequestColumn = (typeof REQUEST_COLUMNS)[number];

/** The events table's columns a store writes (any sequence column is the table's own). */
export const EVENT_COLUMNS = ['subject_id', 'type', 'at', 'ip', 'user_agent', 'detail'] as const;

/** The webhook outbox table's columns (DESIGN.md §11). */
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

/**
 * How a driver hands out the values SQL dialects disagree on: times (epoch milliseconds
 * in SQLite, `Date` from `timestamptz`), bytes (Node `Buffer`s), booleans (0/1 in SQLite)
 * and JSON (text in SQLite, parsed `jsonb` in Postgres).
 */
export interface ColumnTypes {
  time: unknown;
  bytes: unknown;
  flag: unknown;
  json: unknown;
}

/**
 * One dialect's converters between record values and its column values. Values that are
 * the same in every dialect (text, integers, null) are not converted, and a converter
 * never sees null: the mapping handles nullable columns.
 */
export interface ColumnCodec<C extends ColumnTypes> {
  /** Epoch milliseconds to the value a statement binds. */
  writeTime(ms: number): unknown;
  /** A time as the driver returns it, to epoch milliseconds. */
  readTime(value: C['time']): number;
  /** A byte column as the driver returns it, to a plain `Uint8Array` owning exactly its bytes. */
  readBytes(value: C['bytes']): Uint8Array;
  /** A boolean to the value a statement binds. */
  writeFlag(value: boolean): unknown;
  /** A boolean column as the driver returns it. */
  readFlag(value: C['flag']): boolean;
  /** An event's `detail` column (never null here) as the driver returns it. */
  readJson(value: C['json']): Record<string, unknown>;
}

/** A secrets row as a driver returns it. */
export interface SecretRow<C extends ColumnTypes> {
  id: string;
  version: number;
  status: string;
  created_at: C['time'];
  expires_at: C['time'];
  first_viewed_at: C['time'] | null;
  last_viewed_at: C['time'] | null;
  burned_at: C['time'] | null;
  burn_reason: string | null;
  created_by: string;
  label: string | null;
  max_views: number | null;
  views: number;
  failed_attempts: number;
  kdf_log_n: number | null;
  kdf_r: number | null;
  kdf_p: number | null;
  salt: C['bytes'];
  key_proof_verifier: C['bytes'];
  passphrase_verifier: C['bytes'] | null;
  envelope: C['bytes'] | null;
  notify: C['flag'];
  group_id: string | null;
  request_id: string | null;
  ephemeral_key: C['bytes'] | null;
  key_id: string;
  mac: C['bytes'];
}

/** A requests row as a driver returns it. */
export interface RequestRow<C extends ColumnTypes> {
  id: string;
  version: number;
  status: string;
  created_at: C['time'];
  expires_at: C['time'];
  answered_at: C['time'] | null;
  burned_at: C['time'] | null;
  created_by: string;
  label: string | null;
  request_proof_verifier: C['bytes'];
  answer_secret_id: string | null;
  ephemeral_key: C['bytes'] | null;
  key_id: string;
  mac: C['bytes'];
}

/** An events row as a driver returns it. */
export interface EventRow<C extends ColumnTypes> {
  subject_id: string;
  type: string;
  at: C['time'];
  ip: string | null;
  user_agent: string | null;
  detail: C['json'] | null;
}

/** An outbox row as a driver returns it. */
export interface OutboxRow<C extends ColumnTypes> {
  id: string;
  endpoint_id: string;
  payload: string;
  created_at: C['time'];
  status: string;
  attempts: number;
  next_attempt_at: C['time'];
  lease_until: C['time'] | null;
  last_error: string | null;
  finished_at: C['time'] | null;
}
