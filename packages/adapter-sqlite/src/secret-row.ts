import {
  type AuditEventInput,
  type EventRow as EventRowOf,
  eventFromColumns,
  eventToColumns,
  type SecretRecord,
  type SecretRow as SecretRowOf,
  type StoredAuditEvent,
  secretFromColumns,
  secretToColumns,
} from '@hushlink/core';
import { SQLITE_CODEC, type SqliteColumnTypes } from './sqlite-column-codec';

export { EVENT_COLUMNS, SECRET_COLUMNS } from '@hushlink/core';

/** A secrets row as better-sqlite3 returns it. */
export type SecretRow = SecretRowOf<SqliteColumnTypes>;

/** A record's values in `SECRET_COLUMNS` order. */
export function secretParameters(r: SecretRecord): unknown[] {
  return secretToColumns(r, SQLITE_CODEC);
}

/** A row back to a record, exactly as stored, with plain `Uint8Array`s owning their bytes. */
export function secretFromRow(row: SecretRow): SecretRecord {
  return secretFromColumns(row, SQLITE_CODEC);
}

/** An events row as better-sqlite3 returns it. */
export type EventRow = EventRowOf<SqliteColumnTypes>;

/** An event's values in `EVENT_COLUMNS` order; `detail` is stored as JSON text. */
export function eventParameters(e: AuditEventInput): unknown[] {
  return eventToColumns(e, SQLITE_CODEC);
}

/** An events row back to the stored event. */
export function eventFromRow(row: EventRow): StoredAuditEvent {
  return eventFromColumns(row, SQLITE_CODEC);
}
