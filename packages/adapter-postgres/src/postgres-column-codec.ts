import type { ColumnCodec } from '@hushlink/core';

/** What pg hands out: `timestamptz` as `Date`, `bytea` as `Buffer`, booleans, parsed `jsonb`. */
export interface PgColumnTypes {
  time: Date;
  bytes: Uint8Array;
  flag: boolean;
  json: Record<string, unknown>;
}

/** Postgres's converters: times bound as ISO text, read back from `Date`. */
export const PG_CODEC: ColumnCodec<PgColumnTypes> = {
  writeTime: (ms) => toTimestamp(ms),
  readTime: (value) => value.getTime(),
  readBytes: toBytes,
  writeFlag: (value) => value,
  readFlag: (value) => value,
  readJson: (value) => value,
};

/** ISO text in UTC: unambiguous whatever the session's TimeZone. */
export function toTimestamp(ms: number): string;
export function toTimestamp(ms: number | null): string | null;
export function toTimestamp(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** A plain Uint8Array view of pg's Buffer (no copy), so records compare equal to inputs. */
function toBytes(buffer: Uint8Array): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
