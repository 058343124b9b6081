import { type CompiledQuery, type Kysely, sql } from 'kysely';
import { DUE_FOR_SWEEP_PREDICATE, REQUESTS_DUE_FOR_SWEEP_PREDICATE } from './migrations';
import { REQUEST_COLUMNS } from './request-row';
import { SECRET_COLUMNS } from './secret-row';
import type { TableNames } from './table-names';

/**
 * Queries off the hot path, built by Kysely and compiled per call (their cost is
 * negligible next to what they read). Each has an index behind it; the test
 * `query-plans.test.ts` checks every one with `EXPLAIN QUERY PLAN`.
 */
export interface ColdQueries {
  listEvents(subjectId: string): CompiledQuery;
  listByCreator(
    createdBy: string,
    limit: number,
    after: { createdAt: number; id: string } | null,
  ): CompiledQuery;
  listDueForSweep(now: number, limit: number): CompiledQuery;
  /** Two statements, run in one transaction: the records' events, then the records. */
  purgeExpiredBefore(cutoff: number): [CompiledQuery, CompiledQuery];
  pruneRateLimits(now: number): CompiledQuery;
  /** A creator's requests, newest first, keyset-paged like the history. */
  listRequestsByCreator(
    createdBy: string,
    limit: number,
    after: { createdAt: number; id: string } | null,
  ): CompiledQuery;
  /** Open requests past `expiresAt`, oldest expiry first, for the sweep. */
  listRequestsDueForSweep(now: number, limit: number): CompiledQuery;
  /** Two statements, run in one transaction: the requests' events, then the requests. */
  purgeRequestsBefore(cutoff: number): [CompiledQuery, CompiledQuery];
}

// biome-ignore lint/suspicious/noExplicitAny: the tables are named at run time (prefix).
export function coldQueriesFor(db: Kysely<any>, t: TableNames): ColdQueries {
  return {
    listEvents: (subjectId) =>
      db
        .selectFrom(t.events)
        .select(['subject_id', 'type', 'at', 'ip', 'user_agent', 'detail'])
        .where('subject_id', '=', subjectId)
        .orderBy('seq')
        .compile(),

    listByCreator: (createdBy, limit, after) => {
      let query = db
        .selectFrom(t.secrets)
        .select([...SECRET_COLUMNS])
        .where('created_by', '=', createdBy);
      if (after) {
        // A row-value comparison: SQLite turns it into one index range.
        query = query.where((eb) =>
          eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)),
        );
      }
      return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).compile();
    },

    listDueForSweep: (now, limit) =>
      db
        .selectFrom(t.secrets)
        .select([...SECRET_COLUMNS])
        .where('expires_at', '<=', now)
        .where(sql.raw<boolean>(DUE_FOR_SWEEP_PREDICATE))
        .orderBy('expires_at')
        .orderBy('id')
        .limit(limit)
        .compile(),

    purgeExpiredBefore: (cutoff) => [
      db
        .deleteFrom(t.events)
        .where(
          'subject_id',
          'in',
          db.selectFrom(t.secrets).select('id').where('expires_at', '<', cutoff),
        )
        .compile(),
      db.deleteFrom(t.secrets).where('expires_at', '<', cutoff).compile(),
    ],

    pruneRateLimits: (now) => db.deleteFrom(t.rateLimits).where('tat', '<', now).compile(),

    listRequestsByCreator: (createdBy, limit, after) => {
      let query = db
        .selectFrom(t.requests)
        .select([...REQUEST_COLUMNS])
        .where('created_by', '=', createdBy);
      if (after) {
        query = query.where((eb) =>
          eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)),
        );
      }
      return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).compile();
    },

    listRequestsDueForSweep: (now, limit) =>
      db
        .selectFrom(t.requests)
        .select([...REQUEST_COLUMNS])
        .where(sql.raw<boolean>(REQUESTS_DUE_FOR_SWEEP_PREDICATE))
        .where('expires_at', '<=', now)
        .orderBy('expires_at')
        .orderBy('id')
        .limit(limit)
        .compile(),

    purgeRequestsBefore: (cutoff) => [
      db
        .deleteFrom(t.events)
        .where(
          'subject_id',
          'in',
          db.selectFrom(t.requests).select('id').where('expires_at', '<', cutoff),
        )
        .compile(),
      db.deleteFrom(t.requests).where('expires_at', '<', cutoff).compile(),
    ],
  };
}
