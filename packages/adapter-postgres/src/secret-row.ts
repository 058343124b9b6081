import {
  type AuditEventInput,
  EVENT_COLUMNS,
  type EventRow as EventRowOf,
  eventFromColumns,
  eventToColumns,
  type OutboxMessage,
  type OutboxMessageInput,
  type OutboxRow as OutboxRowOf,
  outboxFromColumns,
  type SecretRecord,
  type SecretRow as SecretRowOf,
  type StoredAuditEvent,
  secretFromColumns,
  secretToColumns,
} from '@hushlink/core';
import { PG_CODEC, type PgColumnTypes, toTimestamp } from './postgres-column-codec';

export { toTimestamp } from './postgres-column-codec';

/** A secrets row as pg returns it (timestamptz → Date, bytea → Buffer). */
export type SecretRow = SecretRowOf<PgColumnTypes>;

/** An events row as pg returns it. */
export type EventRow = EventRowOf<PgColumnTypes>;

/** An outbox row as pg returns it (timestamptz as `Date`). */
export type OutboxRow = OutboxRowOf<PgColumnTypes>;

/**
 * The record exactly as stored. The status and reason strings are passed through
 * unchecked on purpose: deciding whether a row is trustworthy is core's MAC check.
 */
export function toSecretRecord(row: SecretRow): SecretRecord {
  return secretFromColumns(row, PG_CODEC);
}

/** Statement values for every secrets column, in `SECRET_COLUMNS` order. */
export function secretValues(record: SecretRecord): unknown[] {
  return secretToColumns(record, PG_CODEC);
}

/** Events as parallel arrays, one per column (`EVENT_SLOTS` order), for one `unnest(...)`. */
export function eventValues(events: readonly AuditEventInput[]): unknown[][] {
  const rows = events.map((e) => eventToColumns(e, PG_CODEC));
  return EVENT_COLUMNS.map((_, column) => rows.map((row) => row[column]));
}

/** Outbox messages as parallel arrays (`OUTBOX_SLOTS` order), for one `unnest(...)`. */
export function outboxValues(messages: readonly OutboxMessageInput[]): unknown[][] {
  return [
    messages.map((m) => m.id),
    messages.map((m) => m.endpointId),
    messages.map((m) => m.payload),
    messages.map((m) => toTimestamp(m.createdAt)),
  ];
}

/** An outbox row back to the message. */
export function toOutboxMessage(row: OutboxRow): OutboxMessage {
  return outboxFromColumns(row, PG_CODEC);
}

/** An events row back to the stored event (`detail` arrives parsed from `jsonb`). */
export function toStoredEvent(row: EventRow): StoredAuditEvent {
  return eventFromColumns(row, PG_CODEC);
}
