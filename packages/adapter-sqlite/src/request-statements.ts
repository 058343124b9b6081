import { REQUEST_COLUMNS } from './request-row';
import { rowStatementsFor } from './row-statements';
import type { TableNames } from './table-names';

/**
 * The request statements written by hand (as the secrets' hot path): each runs as a
 * cached prepared statement. Listing and purging are Kysely-built (./cold-queries.ts).
 */
export interface RequestStatements {
  /** Parameters: `requestParameters(record)`. */
  insert: string;
  /** Parameters: `[id]`. */
  get: string;
  /** Parameters: `[...requestParameters(next) without id, id, expectedVersion]`. */
  compareAndSet: string;
}

export function requestStatementsFor(t: TableNames): RequestStatements {
  return rowStatementsFor(t.requests, REQUEST_COLUMNS);
}
