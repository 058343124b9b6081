import { runRateLimitStoreContract, runSecretStoreContract } from '@hushlink/core/testing';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { tempDatabase } from '../test/temp-database';
import { createSqliteStores, SQLITE_STORE_NAME, type SqliteDatabase } from './index';

/** A migrated store on a fresh database file, removed after the test. */
async function fileStores() {
  const temp = tempDatabase();
  const stores = createSqliteStores({ filename: temp.filename });
  await stores.migrate();
  return {
    stores,
    cleanup: async () => {
      await stores.close();
      temp.remove();
    },
  };
}

runSecretStoreContract(SQLITE_STORE_NAME, async () => {
  const { stores, cleanup } = await fileStores();
  return { store: stores.secrets, probe: stores.probe, cleanup };
});

runRateLimitStoreContract(SQLITE_STORE_NAME, async () => {
  const { stores, cleanup } = await fileStores();
  return { store: stores.rateLimits, cleanup };
});

// A host that hands over only its Kysely: every statement goes through Kysely's driver
// (kysely-executor.ts), a different code path that must keep the same contract.
runSecretStoreContract(`${SQLITE_STORE_NAME} (host Kysely only)`, async () => {
  const temp = tempDatabase();
  const database = new Database(temp.filename);
  database.pragma('journal_mode = WAL');
  const db = new Kysely<unknown>({
    dialect: new SqliteDialect({ database: database as unknown as SqliteDatabase }),
  });
  const stores = createSqliteStores({ db });
  await stores.migrate();
  return {
    store: stores.secrets,
    probe: stores.probe,
    cleanup: async () => {
      await db.destroy();
      temp.remove();
    },
  };
});
