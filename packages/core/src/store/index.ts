/** Storage: the `SecretStore` contract types, the in-memory store and the SQL column mapping adapters share. */

export {
  type ColumnCodec,
  type ColumnTypes,
  EVENT_COLUMNS,
  type EventRow,
  OUTBOX_COLUMNS,
  type OutboxRow,
  REQUEST_COLUMNS,
  type RequestColumn,
  type RequestRow,
  SECRET_COLUMNS,
  type SecretColumn,
  type SecretRow,
} from './columns';
export { createMemoryStore, MEMORY_STORE_NAME, type MemoryStore } from './memory-store';
export {
  eventFromColumns,
  eventToColumns,
  outboxFromColumns,
  requestFromColumns,
  requestToColumns,
  secretFromColumns,
  secretToColumns,
} from './record-columns';
export type * from './types';
