import type { ColumnCodec } from '@hushlink/core';

/** What better-sqlite3 hands out: times as epoch ms, BLOBs as Buffers, 0/1, JSON as text. */
export interface SqliteColumnTypes {
  time: number;
  bytes: Uint8Array;
  flag: number;
  json: string;
}

/** SQLite's converters: times are stored as epoch milliseconds, booleans as 0/1 (no boolean type). */
export const SQLITE_CODEC: ColumnCodec<SqliteColumnTypes> = {
  writeTime: (ms) => ms,
  readTime: (value) => value,
  readBytes: bytes,
  writeFlag: (value) => (value ? 1 : 0),
  readFlag: (value) => value !== 0,
  readJson: (value) => JSON.parse(value) as Record<string, unknown>,
};

/**
 * better-sqlite3 hands out Node `Buffer`s; a caller should get the type the contract names,
 * owning its bytes. Each BLOB is copied into a Buffer with its own ArrayBuffer, so a plain
 * view over that ArrayBuffer owns exactly these bytes and costs no copy. Should a Buffer
 * ever share a larger (pooled) ArrayBuffer, copy instead, so no caller can reach other bytes.
 */
function bytes(value: Uint8Array): Uint8Array {
  return value.byteOffset === 0 && value.buffer.byteLength === value.byteLength
    ? new Uint8Array(value.buffer)
    : new Uint8Array(value);
}
