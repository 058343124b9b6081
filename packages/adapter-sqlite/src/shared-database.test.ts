import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { eventFor, revealedRecord, singleUseRecord } from '../test/record';
import { tempDatabase } from '../test/temp-database';
import { createSqliteStores } from './create-sqlite-stores';
import { OPEN_TRANSACTION_MESSAGE } from './prepared-executor';

describe('sharing the host application’s database', () => {
  it('works on the host’s better-sqlite3 Database and leaves it open on close()', async () => {
    const temp = tempDatabase();
    const database = new Database(temp.filename);
    try {
      database.exec('create table host_users (id integer primary key)');
      const stores = createSqliteStores({ database });
      await stores.migrate();
      await stores.secrets.insert(singleUseRecord('hostaaaaaaaaaaaaaaaaaa'), []);
      await stores.close();
      expect(database.open).toBe(true);
      expect(database.prepare('select count(*) as n from hushlink_secrets').get()).toEqual({
        n: 1,
      });
    } finally {
      database.close();
      temp.remove();
    }
  });

  it('uses prepared statements on the Database given beside the host’s Kysely', async () => {
    const temp = tempDatabase();
    const database = new Database(temp.filename);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) });
    try {
      const stores = createSqliteStores({ db, database });
      await stores.migrate();
      const record = singleUseRecord('pairaaaaaaaaaaaaaaaaaa');
      await stores.secrets.insert(record, [eventFor(record.id, 'created', 1)]);
      expect(await stores.secrets.compareAndSet(record.id, 1, revealedRecord(record, 2), [])).toBe(
        true,
      );
      expect((await stores.secrets.get(record.id))?.status).toBe('viewed');
    } finally {
      await db.destroy();
      temp.remove();
    }
  });

  it('refuses to write inside a transaction the host left open on the connection', async () => {
    const temp = tempDatabase();
    const database = new Database(temp.filename);
    try {
      const stores = createSqliteStores({ database });
      await stores.migrate();
      database.exec('begin');
      await expect(
        stores.secrets.insert(singleUseRecord('nestaaaaaaaaaaaaaaaaaa'), []),
      ).rejects.toThrow(OPEN_TRANSACTION_MESSAGE);
      database.exec('rollback');
      await stores.secrets.insert(singleUseRecord('nestaaaaaaaaaaaaaaaaaa'), []);
    } finally {
      database.close();
      temp.remove();
    }
  });

  it('opens its own file in WAL mode with synchronous=NORMAL', async () => {
    const temp = tempDatabase();
    const stores = createSqliteStores({ filename: temp.filename });
    await stores.close();
    const database = new Database(temp.filename);
    try {
      expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      database.close();
      temp.remove();
    }
  });
});
