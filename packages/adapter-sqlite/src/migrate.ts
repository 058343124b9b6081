import { type Kysely, type MigrationResult, Migrator } from 'kysely';
import { inCodeMigrationProvider } from './migrations';
import type { TableNames } from './table-names';

/** What one `migrate()` call applied. */
export interface MigrateOutcome {
  /** Names of the migrations applied by this call (empty when already up to date). */
  applied: string[];
}

const MAX_ATTEMPTS = 8;

/**
 * Brings the schema to the latest version with Kysely's `Migrator`. Idempotent: a
 * second call applies nothing. Safe to call from several processes at once: Kysely's
 * SQLite adapter takes no migration lock (SQLite has no advisory locks), and its
 * migration transaction starts deferred, so a process that loses the race fails with
 * `SQLITE_BUSY` or "table … already exists" (the winner's DDL and its migration row
 * commit together); we retry, and the retry finds the work already done.
 *
 * @throws {Error} when a migration fails (the message names it; `cause` is the
 *   database error), or when the database stays busy through every retry.
 */
export async function migrateToLatest(db: Kysely<unknown>, t: TableNames): Promise<MigrateOutcome> {
  const migrator = new Migrator({
    db,
    provider: inCodeMigrationProvider(t),
    migrationTableName: t.migrations,
    migrationLockTableName: t.migrationLock,
  });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return { applied: appliedNames(results) };
    if (!lostRace(error) || attempt >= MAX_ATTEMPTS) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      throw new Error(
        `Hushlink SQLite migration ${failed ? `"${failed}" ` : ''}failed: ${describe(error)}`,
        { cause: error },
      );
    }
    await backOff(attempt);
  }
}

function appliedNames(results: MigrationResult[] | undefined): string[] {
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Another connection is migrating or just did: SQLITE_BUSY and its extended codes
 * (SQLITE_BUSY_SNAPSHOT, …), or our DDL met the objects it committed.
 */
function lostRace(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code !== 'string') return false;
  return (
    code.startsWith('SQLITE_BUSY') ||
    (code === 'SQLITE_ERROR' && typeof message === 'string' && /already exists/.test(message))
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A short, growing, jittered pause so racing processes stop colliding. */
function backOff(attempt: number): Promise<void> {
  const ms = Math.min(200, 5 * 2 ** attempt) * (0.5 + Math.random() / 2);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
