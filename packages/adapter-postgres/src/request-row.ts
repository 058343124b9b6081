import {
  type RequestRecord,
  type RequestRow as RequestRowOf,
  requestFromColumns,
  requestToColumns,
} from '@hushlink/core';
import { PG_CODEC, type PgColumnTypes } from './postgres-column-codec';

/** A requests row as pg returns it (timestamptz → Date, bytea → Buffer). */
export type RequestRow = RequestRowOf<PgColumnTypes>;

/** Statement values for every requests column, in `REQUEST_COLUMNS` order. */
export function requestValues(r: RequestRecord): unknown[] {
  return requestToColumns(r, PG_CODEC);
}

/** The request exactly as stored; whether it is trustworthy is core's MAC check. */
export function toRequestRecord(row: RequestRow): RequestRecord {
  return requestFromColumns(row, PG_CODEC);
}
