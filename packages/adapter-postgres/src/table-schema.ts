import { REQUEST_COLUMNS } from '@hushlink/core';

/**
 * Column names (core's, shared with every SQL adapter) and the statements' parameter slots.
 * Times are `timestamptz`, bytes `bytea`; identifiers use the "C" collation so that
 * ordering by id matches JavaScript string order (byte order) on every server locale.
 */
export {
  EVENT_COLUMNS,
  OUTBOX_COLUMNS,
  REQUEST_COLUMNS,
  SECRET_COLUMNS,
  type SecretColumn,
} from '@hushlink/core';

/** Slots of the events written with a record: one array per event column. */
export const EVENT_SLOTS = [
  'ev_subject_id',
  'ev_type',
  'ev_at',
  'ev_ip',
  'ev_user_agent',
  'ev_detail',
] as const;

/** Slots of the outbox messages written with a transition: one array per written column. */
export const OUTBOX_SLOTS = ['ob_id', 'ob_endpoint_id', 'ob_payload', 'ob_created_at'] as const;

/** Slots of a request's values where a statement also carries a secret's (`rq_` + column). */
export const REQUEST_SLOTS = REQUEST_COLUMNS.map((c) => `rq_${c}` as const);
