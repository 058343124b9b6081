import { ConfigError, StoreUnavailableError } from '@hushlink/core';
import { CONTRACT_EPOCH, minimalRequest } from '@hushlink/core/testing';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestPool,
  createTestSchema,
  TEST_DATABASE_URL,
  type TestSchema,
  withAdminClient,
} from '../test/postgres-test-database';
import { testEvent, testRecord } from '../test/record';
import { createPostgresStores } from './index';
import { migrationProvider } from './migrations';
import { resolveTableNames } from './postgres-stores-options';
import { compileSecretStatements } from './secret-statements';

let testSchema: TestSchema;
let pool: pg.Pool;

beforeAll(async () => {
  testSchema = await createTestSchema();
  pool = createTestPool();
});
afterAll(async () => {
  await pool.end();
  await testSchema.drop();
});

const columnsOf = (schema: string, table: string) =>
  withAdminClient(async (client) => {
    const { rows } = await client.query(
      'select column_name, data_type from information_schema.columns where table_schema = $1 and table_name = $2',
      [schema, table],
    );
    return Object.fromEntries(rows.map((r) => [r.column_name, r.data_type]));
  });

describe('migrate', () => {
  it('creates prefixed tables in the schema, with bytea, timestamptz and the query indexes', async () => {
    const stores = createPostgresStores(
      { pool },
      { schema: testSchema.schema, tablePrefix: 'mig_' },
    );
    await stores.migrate();
    const secrets = await columnsOf(testSchema.schema, 'mig_secrets');
    expect(secrets).toMatchObject({
      envelope: 'bytea',
      mac: 'bytea',
      expires_at: 'timestamp with time zone',
    });
    expect(await columnsOf(testSchema.schema, 'mig_events')).toHaveProperty('detail', 'jsonb');
    const indexes = await withAdminClient(async (client) => {
      const { rows } = await client.query(
        'select indexname from pg_indexes where schemaname = $1',
        [testSchema.schema],
      );
      return rows.map((r) => r.indexname);
    });
    expect(indexes).toEqual(
      expect.arrayContaining([
        'mig_secrets_creator_idx',
        'mig_secrets_sweep_idx',
        'mig_secrets_expires_idx',
        'mig_events_subject_idx',
        'mig_requests_sweep_idx',
      ]),
    );
  });

  it('is idempotent and safe to run from several instances at once', async () => {
    const config = { schema: testSchema.schema, tablePrefix: 'race_' };
    const instances = [1, 2, 3].map(() => createPostgresStores({ pool }, config));
    await Promise.all(instances.map((s) => s.migrate()));
    await instances[0]?.migrate();
    const applied = await withAdminClient(async (client) => {
      const { rows } = await client.query(`select name from ${testSchema.schema}.race_migrations`);
      return rows.map((r) => r.name);
    });
    expect(applied.sort()).toEqual([
      '0001_secrets_events_rate_limits',
      '0002_outbox',
      '0003_requests',
      '0004_requests_due_for_sweep',
    ]);
  });

  it('upgrades a schema made before 0004: only the new index, data kept and swept', async () => {
    const config = { schema: testSchema.schema, tablePrefix: 'up_' };
    const tables = resolveTableNames(config);
    const before = new Migrator({
      db: new Kysely({ dialect: new PostgresDialect({ pool }) }),
      provider: migrationProvider(tables),
      migrationTableSchema: tables.schema,
      migrationTableName: tables.migrations,
      migrationLockTableName: tables.migrationsLock,
    });
    expect((await before.migrateTo('0003_requests')).error).toBeUndefined();
    const stores = createPostgresStores({ pool }, config);
    const request = minimalRequest({ expiresAt: CONTRACT_EPOCH });
    await stores.secrets.insertRequest(request, []);
    await stores.migrate();
    const applied = await withAdminClient(async (client) => {
      const { rows } = await client.query(
        `select name from ${testSchema.schema}.up_migrations order by name`,
      );
      return rows.map((r) => r.name);
    });
    expect(applied.at(-1)).toBe('0004_requests_due_for_sweep');
    expect(
      (await stores.secrets.listRequestsDueForSweep(CONTRACT_EPOCH, 10)).map((r) => r.id),
    ).toEqual([request.id]);
  });

  it('creates a missing schema', async () => {
    const schema = `${testSchema.schema}_new`;
    const stores = createPostgresStores({ pool }, { schema });
    try {
      await stores.migrate();
      await stores.secrets.insert(testRecord(), []);
      expect(await stores.secrets.get(testRecord().id)).not.toBeNull();
    } finally {
      await withAdminClient((client) => client.query(`drop schema ${schema} cascade`));
    }
  });
});

describe('query plans', () => {
  // With sequential scans priced out, the plan names the index a query can use: proof
  // that each index matches its query's predicate and order (partial index included).
  const config = { schema: '', tablePrefix: 'mig_' };
  beforeAll(async () => {
    config.schema = testSchema.schema;
    await createPostgresStores({ pool }, config).migrate();
  });

  it.each([
    ['listByCreator', "'alice', 10", 'mig_secrets_creator_idx'],
    ['listByCreatorAfter', "'alice', now(), 'x', 10", 'mig_secrets_creator_idx'],
    ['listDueForSweep', 'now(), 10', 'mig_secrets_sweep_idx'],
    // The cutoff is bound twice: once for secrets, once for requests.
    ['purgeExpiredBefore', 'now(), now()', 'mig_secrets_expires_idx'],
    ['purgeExpiredBefore', 'now(), now()', 'mig_requests_expires_idx'],
    ['listRequestsByCreator', "'alice', 10", 'mig_requests_creator_idx'],
    ['listRequestsByCreatorAfter', "'alice', now(), 'x', 10", 'mig_requests_creator_idx'],
    ['listRequestsDueForSweep', 'now(), 10', 'mig_requests_sweep_idx'],
    ['listEvents', "'x'", 'mig_events_subject_idx'],
  ] as const)('%s ($1…: %s) can use %s', async (statement, args, index) => {
    const tables = resolveTableNames(config);
    const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
    const { text } = compileSecretStatements(db, tables)[statement];
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query('set local enable_seqscan = off');
      await client.query(`prepare plan_probe as ${text}`);
      const { rows } = await client.query(`explain execute plan_probe(${args})`);
      expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain(index);
    } finally {
      await client.query('rollback');
      await client.query('deallocate all');
      client.release();
    }
  });
});

describe('connection options', () => {
  it('works on a caller’s Kysely instance, and leaves it open on close()', async () => {
    const db = new Kysely({ dialect: new PostgresDialect({ pool: createTestPool(2) }) });
    const stores = createPostgresStores({ db }, { schema: testSchema.schema, tablePrefix: 'ky_' });
    await stores.migrate();
    const record = testRecord();
    await stores.secrets.insert(record, [testEvent(record.id)]);
    expect(
      await stores.secrets.compareAndSet(
        record.id,
        1,
        { ...record, version: 2, envelope: null },
        [],
      ),
    ).toBe(true);
    expect((await stores.secrets.get(record.id))?.envelope).toBeNull();
    await stores.close();
    expect((await stores.secrets.listEvents(record.id)).map((e) => e.type)).toEqual(['created']);
    await db.destroy();
  });

  it('opens and ends its own pool from a connection string', async () => {
    const stores = createPostgresStores(
      { connectionString: TEST_DATABASE_URL },
      { schema: testSchema.schema, tablePrefix: 'own_' },
    );
    await stores.migrate();
    expect((await stores.rateLimits.hit('k', 1000, 10, 100)).allowed).toBe(true);
    await stores.close();
    await stores.close();
    await expect(stores.secrets.get('x')).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('never ends a caller’s pool', async () => {
    const stores = createPostgresStores(
      { pool },
      { schema: testSchema.schema, tablePrefix: 'mig_' },
    );
    await stores.close();
    expect((await pool.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });

  it('runs hot statements as named prepared statements', async () => {
    const single = createTestPool(1);
    const stores = createPostgresStores(
      { pool: single },
      { schema: testSchema.schema, tablePrefix: 'mig_' },
    );
    await stores.secrets.get('nosuchid');
    await stores.rateLimits.hit('k', 1000, 10, 100);
    const { rows } = await single.query('select name from pg_prepared_statements');
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^hushlink_get_/),
        expect.stringMatching(/^hushlink_rate_hit_/),
      ]),
    );
    await single.end();
  });

  it('rejects a schema or prefix that is not a plain identifier', () => {
    expect(() => createPostgresStores({ pool }, { schema: 'Public"; drop' })).toThrow(ConfigError);
    expect(() => createPostgresStores({ pool }, { tablePrefix: 'a-b' })).toThrow(ConfigError);
  });
});

describe('failures', () => {
  it('reports missing tables as unavailable and says to migrate', async () => {
    const stores = createPostgresStores(
      { pool },
      { schema: testSchema.schema, tablePrefix: 'never_' },
    );
    const error = await stores.secrets.get('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/migrate\(\)/),
    });
  });

  it('reports an unreachable server as unavailable, on every store', async () => {
    const stores = createPostgresStores({
      connectionString: 'postgres://postgres@127.0.0.1:1/test?connect_timeout=2',
    });
    await expect(stores.secrets.get('x')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(stores.secrets.insert(testRecord(), [])).rejects.toMatchObject({
      code: 'unavailable',
    });
    await expect(stores.rateLimits.hit('k', 0, 1, 1)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(stores.migrate()).rejects.toBeInstanceOf(StoreUnavailableError);
    await stores.close();
  });
});

describe('rate limits', () => {
  it('shares one budget between store instances (GCRA: exactly `limit` in a burst)', async () => {
    const config = { schema: testSchema.schema, tablePrefix: 'rl_' };
    const a = createPostgresStores({ pool }, config);
    const b = createPostgresStores({ pool: createTestPool(4) }, config);
    await a.migrate();
    const now = 1_000_000;
    const hits = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? a : b).rateLimits.hit('shared', now, 1000, 10_000),
      ),
    );
    expect(hits.filter((h) => h.allowed)).toHaveLength(10);
    const refused = hits.find((h) => !h.allowed);
    expect(refused?.tat).toBe(now + 11_000);
    expect(await a.rateLimits.prune?.(now + 10_001)).toBe(1);
  });
});
