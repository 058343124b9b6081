/** The by-id statements of a table whose rows a store writes whole. */
export interface RowStatements {
  /** Parameters: every column's value, in column order. */
  insert: string;
  /** Parameters: `[id]`. */
  get: string;
  /** Parameters: every column's value but the id, then `[id, expectedVersion]`. */
  compareAndSet: string;
}

/**
 * Insert, get and compare-and-set (on `version`) of whole rows of `table`, as SQL text
 * written once per table prefix and run as cached prepared statements.
 */
export function rowStatementsFor(table: string, columns: readonly string[]): RowStatements {
  const placeholders = columns.map(() => '?').join(', ');
  const assignments = columns
    .filter((c) => c !== 'id')
    .map((c) => `${c} = ?`)
    .join(', ');
  return {
    insert: `insert into ${table} (${columns.join(', ')}) values (${placeholders})`,
    get: `select ${columns.join(', ')} from ${table} where id = ?`,
    compareAndSet: `update ${table} set ${assignments} where id = ? and version = ?`,
  };
}
