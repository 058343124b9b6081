import {
  type RequestRecord,
  type RequestRow as RequestRowOf,
  requestFromColumns,
  requestToColumns,
} from '@hushlink/core';
import { SQLITE_CODEC, type SqliteColumnTypes } from './sqlite-column-codec';

export { REQUEST_COLUMNS } from '@hushlink/core';

/** A requests row as better-sqlite3 returns it. */
export type RequestRow = RequestRowOf<SqliteColumnTypes>;

/** A request's values in `REQUEST_COLUMNS` order. */
export function requestParameters(r: RequestRecord): unknown[] {
  return requestToColumns(r, SQLITE_CODEC);
}

/** A row back to a request, exactly as stored (whether it is trustworthy is core's MAC check). */
export function requestFromRow(row: RequestRow): RequestRecord {
  return requestFromColumns(row, SQLITE_CODEC);
}
