import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';
import type { TableNames } from './table-names';

/**
 * The schema, as Kysely migrations defined in code (not files), so the built bundle
 * needs no migration folder. Names sort in the order they apply; a released migration
 * is never edited — a schema change is a new entry.
 *
 * Tables are STRICT (SQLite 3.37+): a column's declared type is enforced, so a bad
 * write fails instead of storing, say, text in `expires_at`.
 */
export function migrationsFor(t: TableNames): Record<string, Migration> {
  return {
    '0001_secrets_events_rate_limits': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable(t.secrets)
          .addColumn('id', 'text', (c) => c.primaryKey().notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('status', 'text', (c) =>
            c.notNull().check(sql`status in ('active', 'viewed', 'expired', 'burned')`),
          )
          .addColumn('created_at', 'integer', (c) => c.notNull())
          .addColumn('expires_at', 'integer', (c) => c.notNull())
          .addColumn('first_viewed_at', 'integer')
          .addColumn('last_viewed_at', 'integer')
          .addColumn('burned_at', 'integer')
          .addColumn('burn_reason', 'text', (c) =>
            c.check(sql`burn_reason in ('creator', 'attempts', 'integrity')`),
          )
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('label', 'text')
          .addColumn('max_views', 'integer')
          .addColumn('views', 'integer', (c) => c.notNull())
          .addColumn('failed_attempts', 'integer', (c) => c.notNull())
          .addColumn('kdf_log_n', 'integer')
          .addColumn('kdf_r', 'integer')
          .addColumn('kdf_p', 'integer')
          .addColumn('salt', 'blob', (c) => c.notNull())
          .addColumn('key_proof_verifier', 'blob', (c) => c.notNull())
          .addColumn('passphrase_verifier', 'blob')
          .addColumn('envelope', 'blob')
          .addColumn('notify', 'integer', (c) => c.notNull())
          .addColumn('group_id', 'text')
          .addColumn('request_id', 'text')
          .addColumn('ephemeral_key', 'blob')
          .addColumn('key_id', 'text', (c) => c.notNull())
          .addColumn('mac', 'blob', (c) => c.notNull())
          .modifyEnd(sql`strict`)
          .execute();

        // History: WHERE created_by = ? ORDER BY created_at DESC, id DESC, keyset-paged.
        await db.schema
          .createIndex(t.secretsByCreator)
          .on(t.secrets)
          .columns(['created_by', 'created_at', 'id'])
          .execute();
        // Sweep: only rows that still need work are in this partial index, so the sweep
        // never walks the (much larger) set of already-swept rows kept for retention.
        await db.schema
          .createIndex(t.secretsDueForSweep)
          .on(t.secrets)
          .columns(['expires_at', 'id'])
          .where(sql.raw<boolean>(DUE_FOR_SWEEP_PREDICATE))
          .execute();
        // Retention purge: expires_at < cutoff over every row.
        await db.schema.createIndex(t.secretsByExpiry).on(t.secrets).column('expires_at').execute();

        await db.schema
          .createTable(t.events)
          // INTEGER PRIMARY KEY is the rowid: insertion order, which is what listEvents promises.
          .addColumn('seq', 'integer', (c) => c.primaryKey())
          .addColumn('subject_id', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('at', 'integer', (c) => c.notNull())
          .addColumn('ip', 'text')
          .addColumn('user_agent', 'text')
          .addColumn('detail', 'text')
          .modifyEnd(sql`strict`)
          .execute();
        // An index on subject_id also holds the rowid, so "WHERE subject_id = ? ORDER BY seq"
        // is read in order from it without a sort.
        await db.schema.createIndex(t.eventsBySubject).on(t.events).column('subject_id').execute();

        await db.schema
          .createTable(t.rateLimits)
          .addColumn('key', 'text', (c) => c.primaryKey().notNull())
          .addColumn('tat', 'integer', (c) => c.notNull())
          // Whether the latest hit was allowed: lets one UPSERT … RETURNING report its decision.
          .addColumn('last_allowed', 'integer', (c) => c.notNull())
          .modifyEnd(sql`strict, without rowid`)
          .execute();
        await db.schema.createIndex(t.rateLimitsByTat).on(t.rateLimits).column('tat').execute();
      },

      async down(db: Kysely<unknown>) {
        await db.schema.dropTable(t.rateLimits).ifExists().execute();
        await db.schema.dropTable(t.events).ifExists().execute();
        await db.schema.dropTable(t.secrets).ifExists().execute();
      },
    },

    // Webhook outbox (DESIGN.md §11): rows written in the same transaction as the
    // transition they report, claimed with a lease by the dispatcher.
    '0002_outbox': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable(t.outbox)
          .addColumn('id', 'text', (c) => c.primaryKey().notNull())
          .addColumn('endpoint_id', 'text', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addColumn('created_at', 'integer', (c) => c.notNull())
          .addColumn('status', 'text', (c) =>
            c.notNull().check(sql`status in ('pending', 'delivered', 'failed')`),
          )
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('next_attempt_at', 'integer', (c) => c.notNull())
          .addColumn('lease_until', 'integer')
          .addColumn('last_error', 'text')
          .addColumn('finished_at', 'integer')
          .modifyEnd(sql`strict`)
          .execute();
        // Claim: only pending rows, in due order. Partial, so delivered rows cost nothing.
        await db.schema
          .createIndex(t.outboxDue)
          .on(t.outbox)
          .columns(['next_attempt_at', 'id'])
          .where(sql.raw<boolean>(`status = 'pending'`))
          .execute();
        // List-failed (status = 'failed', newest first) and purge (finished before a cutoff).
        await db.schema
          .createIndex(t.outboxFinished)
          .on(t.outbox)
          .columns(['status', 'finished_at', 'id'])
          .where(sql.raw<boolean>(`status <> 'pending'`))
          .execute();
      },

      async down(db: Kysely<unknown>) {
        await db.schema.dropTable(t.outbox).ifExists().execute();
      },
    },

    // Request links (DESIGN.md §10). The request never holds pk, sk or the raw proof:
    // only the proof's verifier. Its events share the events table (subject = request id).
    '0003_requests': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable(t.requests)
          .addColumn('id', 'text', (c) => c.primaryKey().notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('status', 'text', (c) =>
            c.notNull().check(sql`status in ('open', 'answered', 'expired', 'burned')`),
          )
          .addColumn('created_at', 'integer', (c) => c.notNull())
          .addColumn('expires_at', 'integer', (c) => c.notNull())
          .addColumn('answered_at', 'integer')
          .addColumn('burned_at', 'integer')
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('label', 'text')
          .addColumn('request_proof_verifier', 'blob', (c) => c.notNull())
          .addColumn('answer_secret_id', 'text')
          .addColumn('ephemeral_key', 'blob')
          .addColumn('key_id', 'text', (c) => c.notNull())
          .addColumn('mac', 'blob', (c) => c.notNull())
          .modifyEnd(sql`strict`)
          .execute();
        // The creator's list: WHERE created_by = ? ORDER BY created_at DESC, id DESC.
        await db.schema
          .createIndex(t.requestsByCreator)
          .on(t.requests)
          .columns(['created_by', 'created_at', 'id'])
          .execute();
        // Retention purge.
        await db.schema
          .createIndex(t.requestsByExpiry)
          .on(t.requests)
          .column('expires_at')
          .execute();
      },

      async down(db: Kysely<unknown>) {
        await db.schema.dropTable(t.requests).ifExists().execute();
      },
    },

    // The sweep persists request expiry (DESIGN.md §4, §10): it lists open requests past
    // `expires_at`. Partial, like the secrets' sweep index: answered, expired and burned
    // requests kept for retention are not in it, so the sweep never walks them.
    '0004_requests_due_for_sweep': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createIndex(t.requestsDueForSweep)
          .on(t.requests)
          .columns(['expires_at', 'id'])
          .where(sql.raw<boolean>(REQUESTS_DUE_FOR_SWEEP_PREDICATE))
          .execute();
      },

      async down(db: Kysely<unknown>) {
        await db.schema.dropIndex(t.requestsDueForSweep).ifExists().execute();
      },
    },
  };
}

/**
 * The rows the sweep must visit. Spelled exactly the same in the partial index and in
 * the sweep query: SQLite only uses a partial index when the query's WHERE contains
 * the index's WHERE term as written.
 */
export const DUE_FOR_SWEEP_PREDICATE = `(status = 'active' or envelope is not null)`;

/** The requests the sweep must visit; as {@link DUE_FOR_SWEEP_PREDICATE}, index and query share it. */
export const REQUESTS_DUE_FOR_SWEEP_PREDICATE = `status = 'open'`;

/** A Kysely `MigrationProvider` serving the in-code migrations. */
export function inCodeMigrationProvider(t: TableNames): MigrationProvider {
  const migrations = migrationsFor(t);
  return { getMigrations: async () => migrations };
}
