import {
  OUTBOX_COLUMNS,
  type OutboxMessage,
  type OutboxMessageInput,
  type OutboxRow as OutboxRowOf,
  outboxFromColumns,
} from '@hushlink/core';
import { SQLITE_CODEC, type SqliteColumnTypes } from './sqlite-column-codec';
import type { TableNames } from './table-names';

/** An outbox row as better-sqlite3 returns it. */
export type OutboxRow = OutboxRowOf<SqliteColumnTypes>;

/** The outbox statements as SQL text (parameters documented on each). */
export interface OutboxStatements {
  /** `insertParameters(message)`. New messages are pending and due at once. */
  insert: string;
  /**
   * `[leaseUntil, now, now, limit]`. One UPDATE … RETURNING: SQLite takes the database's
   * write lock when the statement starts (before its subquery reads), so concurrent
   * claimers — in this process or others — run one after the other and never get the
   * same row. It is its own transaction, like the rate-limit UPSERT.
   */
  claimDue: string;
  /** `[at, id]` */
  markDelivered: string;
  /** `[error, retryAt, id, attempt]` */
  markRetry: string;
  /** `[error, at, id, attempt]` */
  markGaveUp: string;
  /** `[limit]` */
  listFailed: string;
  /** `[cutoff]` */
  purge: string;
}

export function outboxStatementsFor(t: TableNames): OutboxStatements {
  const columns = OUTBOX_COLUMNS.join(', ');
  return {
    insert: `insert into ${t.outbox} (${columns}) values (?, ?, ?, ?, 'pending', 0, ?, null, null, null)`,
    claimDue:
      `update ${t.outbox} set attempts = attempts + 1, lease_until = ? where id in (` +
      `select id from ${t.outbox} where status = 'pending' and next_attempt_at <= ? ` +
      `and (lease_until is null or lease_until <= ?) order by next_attempt_at, id limit ?) ` +
      `returning ${columns}`,
    markDelivered:
      `update ${t.outbox} set status = 'delivered', lease_until = null, finished_at = ? ` +
      `where id = ? and status <> 'delivered'`,
    markRetry:
      `update ${t.outbox} set last_error = ?, lease_until = null, next_attempt_at = ? ` +
      `where id = ? and status = 'pending' and attempts = ?`,
    markGaveUp:
      `update ${t.outbox} set last_error = ?, lease_until = null, status = 'failed', finished_at = ? ` +
      `where id = ? and status = 'pending' and attempts = ?`,
    // `status <> 'pending'` repeats the partial index's WHERE term as written, which is
    // what lets SQLite use that index (it does not infer it from `status = 'failed'`).
    listFailed:
      `select ${columns} from ${t.outbox} where status <> 'pending' and status = 'failed' ` +
      `order by finished_at desc, id desc limit ?`,
    // `in (…)` on the index's leading column turns the purge into index range searches.
    purge:
      `delete from ${t.outbox} where status <> 'pending' ` +
      `and status in ('delivered', 'failed') and finished_at < ?`,
  };
}

/** Parameters of `insert`. */
export function outboxInsertParameters(m: OutboxMessageInput): unknown[] {
  return [m.id, m.endpointId, m.payload, m.createdAt, m.createdAt];
}

/** An outbox row back to the message. */
export function outboxFromRow(row: OutboxRow): OutboxMessage {
  return outboxFromColumns(row, SQLITE_CODEC);
}
