import { REQUEST_COLUMNS } from './request-row';
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
  const columns = REQUEST_COLUMNS.join(', ');
  const placeholders = REQUEST_COLUMNS.map(() => '?').join(', ');
  const assignments = REQUEST_COLUMNS.filter((c) => c !== 'id')
    .map((c) => `${c} = ?`)
    .join(', ');
  return {
    insert: `insert into ${t.requests} (${columns}) values (${placeholders})`,
    get: `select ${columns} from ${t.requests} where id = ?`,
    compareAndSet: `update ${t.requests} set ${assignments} where id = ? and version = ?`,
  };
}
