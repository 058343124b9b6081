import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { collectQueryPlans, unindexedSteps } from '../test/query-plans';
import { tempDatabase } from '../test/temp-database';
import { createSqliteStores } from './create-sqlite-stores';
import { openDatabase } from './open-database';

describe('query plans', () => {
  it('reads every table through an index or primary key, never a full scan or a sort', async () => {
    const temp = tempDatabase();
    const database = openDatabase(temp.filename, 1000);
    try {
      const stores = createSqliteStores({ database }, { tablePrefix: 'plan_' });
      await stores.migrate();
      const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) });
      const plans = collectQueryPlans(database, db, stores.tables);
      expect(plans.map((p) => p.name)).toHaveLength(27);
      for (const { name, plan } of plans) {
        expect({ name, unindexed: unindexedSteps(plan) }).toEqual({ name, unindexed: [] });
      }
      // Reads name the index they use (inserts have no read step to plan).
      const search = (name: string) => plans.find((p) => p.name === name)?.plan.join(' | ');
      expect(search('get secret')).toMatch(/SEARCH plan_secrets USING INDEX sqlite_autoindex/);
      expect(search('compare-and-set')).toMatch(/SEARCH plan_secrets USING INDEX sqlite_autoindex/);
      expect(search('history, next page')).toMatch(/USING INDEX plan_secrets_by_creator/);
      expect(search('sweep')).toMatch(/USING INDEX plan_secrets_due_for_sweep/);
      expect(search('purge secrets')).toMatch(/USING INDEX plan_secrets_by_expiry/);
      expect(search('list events')).toMatch(/USING INDEX plan_events_by_subject/);
      expect(search('prune rate limits')).toMatch(/USING INDEX plan_rate_limits_by_tat/);
      expect(search('outbox claim')).toMatch(/USING INDEX plan_outbox_due/);
      expect(search('outbox failed')).toMatch(/USING INDEX plan_outbox_finished/);
      expect(search('outbox purge')).toMatch(/USING INDEX plan_outbox_finished/);
      expect(search('get request')).toMatch(/SEARCH plan_requests USING INDEX sqlite_autoindex/);
      expect(search('requests, next page')).toMatch(/USING INDEX plan_requests_by_creator/);
      expect(search('purge requests')).toMatch(/USING INDEX plan_requests_by_expiry/);
      expect(search('requests due for sweep')).toMatch(/USING INDEX plan_requests_due_for_sweep/);
    } finally {
      database.close();
      temp.remove();
    }
  });
});
