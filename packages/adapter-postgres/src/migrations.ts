import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { TableNames } from './postgres-stores-options';
import { toStoreError } from './to-store-error';

/** Byte-order collation: ids sort as JavaScript strings do, on any server locale. */
const ID = sql`text collate "C"`;

/**
 * The schema, as in-code migrations (no migration folder to ship). Names sort in order
 * of application and never change once released.
 */
export function migrationProvider(tables: TableNames): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '0001_secrets_events_rate_limits': {
      up: (db) => createTables(db, tables),
      down: (db) => dropTables(db, tables),
    },
    '0002_outbox': {
      up: (db) => createOutbox(db, tables),
      down: (db) =>
        db.withSchema(tables.schema).schema.dropTable(tables.outbox).ifExists().execute(),
    },
    '0003_requests': {
      up: (db) => createRequests(db, tables),
      down: (db) =>
        db.withSchema(tables.schema).schema.dropTable(tables.requests).ifExists().execute(),
    },
    '0004_requests_due_for_sweep': {
      up: (db) => indexRequestsDueForSweep(db, tables),
      down: (db) =>
        db
          .withSchema(tables.schema)
          .schema.dropIndex(`${tables.requests}_sweep_idx`)
          .ifExists()
          .execute(),
    },
  };
  return { getMigrations: async () => migrations };
}

/**
 * Brings the schema to the latest version. Safe to run from every instance at boot or
 * from a deploy script: Kysely's Postgres adapter holds an advisory lock while it
 * migrates, so concurrent runs apply each migration once.
 * @throws {StoreUnavailableError} when a migration fails (the cause says why).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations work on any caller schema type.
export async function migrateToLatest(db: Kysely<any>, tables: TableNames): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(tables),
    migrationTableSchema: tables.schema,
    migrationTableName: tables.migrations,
    migrationLockTableName: tables.migrationsLock,
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw toStoreError(error, 'migrate');
}

// biome-ignore lint/suspicious/noExplicitAny: see migrateToLatest.
async function createTables(db: Kysely<any>, t: TableNames): Promise<void> {
  const schema = db.withSchema(t.schema).schema;
  await schema
    .createTable(t.secrets)
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('active', 'viewed', 'expired', 'burned')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('first_viewed_at', 'timestamptz')
    .addColumn('last_viewed_at', 'timestamptz')
    .addColumn('burned_at', 'timestamptz')
    .addColumn('burn_reason', 'text', (c) =>
      c.check(sql`burn_reason in ('creator', 'attempts', 'integrity')`),
    )
    .addColumn('created_by', ID, (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('max_views', 'integer')
    .addColumn('views', 'integer', (c) => c.notNull())
    .addColumn('failed_attempts', 'integer', (c) => c.notNull())
    .addColumn('kdf_log_n', 'integer')
    .addColumn('kdf_r', 'integer')
    .addColumn('kdf_p', 'integer')
    .addColumn('salt', 'bytea', (c) => c.notNull())
    .addColumn('key_proof_verifier', 'bytea', (c) => c.notNull())
    .addColumn('passphrase_verifier', 'bytea')
    .addColumn('envelope', 'bytea')
    .addColumn('notify', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('group_id', ID)
    .addColumn('request_id', ID)
    .addColumn('ephemeral_key', 'bytea')
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('mac', 'bytea', (c) => c.notNull())
    .execute();
  // History: a creator's secrets, newest first, paged by (created_at, id).
  await schema
    .createIndex(`${t.secrets}_creator_idx`)
    .on(t.secrets)
    .columns(['created_by', 'created_at desc', 'id desc'])
    .execute();
  // Sweep: only rows the sweep still has work on, oldest expiry first.
  await schema
    .createIndex(`${t.secrets}_sweep_idx`)
    .on(t.secrets)
    .columns(['expires_at', 'id'])
    .where(sql<boolean>`status = 'active' or envelope is not null`)
    .execute();
  // Purge at the end of retention: every row by expiry.
  await schema.createIndex(`${t.secrets}_expires_idx`).on(t.secrets).column('expires_at').execute();

  await schema
    .createTable(t.events)
    .addColumn('seq', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('subject_id', ID, (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('detail', 'jsonb')
    .execute();
  await schema
    .createIndex(`${t.events}_subject_idx`)
    .on(t.events)
    .columns(['subject_id', 'seq'])
    .execute();

  // One row per budget and client. `tat` is epoch ms as float8 (see
  // postgres-rate-limit-store.ts); `allowed` records the last decision so that the hit
  // statement can report it. No index on `tat`: it changes on every hit, and an index
  // would rule out HOT updates; prune is a rare sequential scan.
  await schema
    .createTable(t.rateLimits)
    .addColumn('key', ID, (c) => c.primaryKey())
    .addColumn('tat', 'float8', (c) => c.notNull())
    .addColumn('allowed', 'boolean', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see migrateToLatest.
async function dropTables(db: Kysely<any>, t: TableNames): Promise<void> {
  const schema = db.withSchema(t.schema).schema;
  await schema.dropTable(t.rateLimits).ifExists().execute();
  await schema.dropTable(t.events).ifExists().execute();
  await schema.dropTable(t.secrets).ifExists().execute();
}

/**
 * The webhook outbox (DESIGN.md §11): rows written in the same statement as the
 * transition they report, claimed with a lease by the dispatcher.
 */
// biome-ignore lint/suspicious/noExplicitAny: see migrateToLatest.
async function createOutbox(db: Kysely<any>, t: TableNames): Promise<void> {
  const schema = db.withSchema(t.schema).schema;
  await schema
    .createTable(t.outbox)
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('endpoint_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'delivered', 'failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('lease_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('finished_at', 'timestamptz')
    .execute();
  // Claim: pending rows only, in due order; delivered rows leave the index.
  await schema
    .createIndex(`${t.outbox}_due`)
    .on(t.outbox)
    .columns(['next_attempt_at', 'id'])
    .where(sql<boolean>`status = 'pending'`)
    .execute();
  // List-failed and purge: finished rows by finish time.
  await schema
    .createIndex(`${t.outbox}_done`)
    .on(t.outbox)
    .columns(['finished_at', 'id'])
    .where(sql<boolean>`status <> 'pending'`)
    .execute();
}

/**
 * Request links (DESIGN.md §10): the request never holds pk, sk or the raw proof, only
 * the proof's verifier. Its events share the events table (subject = request id).
 */
// biome-ignore lint/suspicious/noExplicitAny: see migrateToLatest.
async function createRequests(db: Kysely<any>, t: TableNames): Promise<void> {
  const schema = db.withSchema(t.schema).schema;
  await schema
    .createTable(t.requests)
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('open', 'answered', 'expired', 'burned')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('answered_at', 'timestamptz')
    .addColumn('burned_at', 'timestamptz')
    .addColumn('created_by', ID, (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('request_proof_verifier', 'bytea', (c) => c.notNull())
    .addColumn('answer_secret_id', ID)
    .addColumn('ephemeral_key', 'bytea')
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('mac', 'bytea', (c) => c.notNull())
    .execute();
  // The creator's list, newest first, paged by (created_at, id).
  await schema
    .createIndex(`${t.requests}_creator_idx`)
    .on(t.requests)
    .columns(['created_by', 'created_at desc', 'id desc'])
    .execute();
  // Purge at the end of retention.
  await schema
    .createIndex(`${t.requests}_expires_idx`)
    .on(t.requests)
    .column('expires_at')
    .execute();
}

/**
 * The sweep persists request expiry (DESIGN.md §4, §10): open requests past `expires_at`,
 * oldest first. Partial, so answered, expired and burned requests kept for retention
 * cost the sweep nothing.
 */
// biome-ignore lint/suspicious/noExplicitAny: see migrateToLatest.
async function indexRequestsDueForSweep(db: Kysely<any>, t: TableNames): Promise<void> {
  await db
    .withSchema(t.schema)
    .schema.createIndex(`${t.requests}_sweep_idx`)
    .on(t.requests)
    .columns(['expires_at', 'id'])
    .where(sql<boolean>`status = 'open'`)
    .execute();
}
