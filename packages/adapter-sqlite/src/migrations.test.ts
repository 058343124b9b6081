import { ConfigError } from '@hushlink/core';
import { minimalRequest } from '@hushlink/core/testing';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { singleUseRecord } from '../test/record';
import { tempDatabase } from '../test/temp-database';
import { createSqliteStores } from './create-sqlite-stores';
import { inCodeMigrationProvider } from './migrations';
import { openDatabase } from './open-database';

const tablesOf = (filename: string, prefix: string) => {
  const stores = createSqliteStores({ filename }, { tablePrefix: prefix });
  return stores;
};

describe('migrate', () => {
  it('creates the schema once: a second call applies nothing and keeps the data', async () => {
    const temp = tempDatabase();
    const stores = createSqliteStores({ filename: temp.filename });
    try {
      expect((await stores.migrate()).applied).toEqual([
        '0001_secrets_events_rate_limits',
        '0002_outbox',
        '0003_requests',
        '0004_requests_due_for_sweep',
      ]);
      await stores.secrets.insert(singleUseRecord('keptaaaaaaaaaaaaaaaaaa'), []);
      expect((await stores.migrate()).applied).toEqual([]);
      expect(await stores.secrets.get('keptaaaaaaaaaaaaaaaaaa')).not.toBeNull();
    } finally {
      await stores.close();
      temp.remove();
    }
  });

  it('upgrades a database made before 0004: only the new index, data kept and swept', async () => {
    const temp = tempDatabase();
    const database = openDatabase(temp.filename, 1000);
    const stores = createSqliteStores({ database });
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) });
    try {
      const before = new Migrator({
        db,
        provider: inCodeMigrationProvider(stores.tables),
        migrationTableName: stores.tables.migrations,
        migrationLockTableName: stores.tables.migrationLock,
      });
      expect((await before.migrateTo('0003_requests')).error).toBeUndefined();
      const request = minimalRequest({ expiresAt: 5 });
      await stores.secrets.insertRequest(request, []);
      expect((await stores.migrate()).applied).toEqual(['0004_requests_due_for_sweep']);
      expect((await stores.secrets.listRequestsDueForSweep(5, 10)).map((r) => r.id)).toEqual([
        request.id,
      ]);
    } finally {
      database.close();
      temp.remove();
    }
  });

  it('keeps stores with different prefixes apart in one file', async () => {
    const temp = tempDatabase();
    const a = tablesOf(temp.filename, 'app_a_');
    const b = tablesOf(temp.filename, 'app_b_');
    try {
      await a.migrate();
      await b.migrate();
      await a.secrets.insert(singleUseRecord('onlyinaaaaaaaaaaaaaaaa'), []);
      expect(await b.secrets.get('onlyinaaaaaaaaaaaaaaaa')).toBeNull();
      expect(a.tables.secrets).toBe('app_a_secrets');
    } finally {
      await a.close();
      await b.close();
      temp.remove();
    }
  });

  it('migrates safely when several connections race to do it', async () => {
    const temp = tempDatabase();
    const racers = Array.from({ length: 4 }, () => createSqliteStores({ filename: temp.filename }));
    try {
      const outcomes = await Promise.all(racers.map((s) => s.migrate()));
      expect(outcomes.flatMap((o) => o.applied).sort()).toEqual([
        '0001_secrets_events_rate_limits',
        '0002_outbox',
        '0003_requests',
        '0004_requests_due_for_sweep',
      ]);
    } finally {
      for (const s of racers) await s.close();
      temp.remove();
    }
  });

  it('refuses a table prefix that is not a plain identifier', () => {
    for (const prefix of ['x; drop table y; --', '1abc', 'a-b', 'a b']) {
      expect(() => createSqliteStores({ filename: ':memory:' }, { tablePrefix: prefix })).toThrow(
        ConfigError,
      );
    }
  });
});
