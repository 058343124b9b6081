import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { exited, spawnFixture, waitForLine } from '../test/child-process';
import { singleUseRecord } from '../test/record';
import { tempDatabase } from '../test/temp-database';
import { createSqliteStores } from './create-sqlite-stores';

/** Kills a writer mid-stream this many times, each after at least this many creates. */
const ROUNDS = 3;
const CREATES_BEFORE_KILL = [60, 100, 140];

describe('a process killed with SIGKILL mid-write', () => {
  it('leaves a database that opens, passes integrity_check and reveals nothing twice', async () => {
    const temp = tempDatabase();
    try {
      const setup = createSqliteStores({ filename: temp.filename });
      await setup.migrate();
      await setup.close();

      for (let round = 0; round < ROUNDS; round++) {
        const child = spawnFixture('create-reveal-stream.ts', [temp.filename]);
        const target = CREATES_BEFORE_KILL[round] ?? 100;
        await waitForLine(child, (line) => Number(line.split(' ')[1]) >= target);
        child.kill('SIGKILL');
        expect(await exited(child)).toBe('SIGKILL');
      }

      const database = new Database(temp.filename);
      try {
        expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
        const count = (sql: string) => (database.prepare(sql).get() as { n: number }).n;
        expect(count('select count(*) as n from hushlink_secrets')).toBeGreaterThanOrEqual(300);
        // Revealed and still revealable: a single-use secret marked viewed that kept its
        // envelope, or one still active with a `revealed` event.
        expect(
          count(`select count(*) as n from hushlink_secrets
                 where max_views = 1 and status <> 'active' and envelope is not null`),
        ).toBe(0);
        expect(
          count(`select count(*) as n from hushlink_secrets s
                 where s.status = 'active' and exists (select 1 from hushlink_events e
                   where e.subject_id = s.id and e.type in ('revealed', 'burned'))`),
        ).toBe(0);
        // Every record and transition came with its events (one transaction each).
        expect(
          count(`select count(*) as n from hushlink_secrets s where
                 (select count(*) from hushlink_events e where e.subject_id = s.id and e.type = 'created') <> 1
                 or (s.status = 'viewed') <> exists (select 1 from hushlink_events e
                   where e.subject_id = s.id and e.type = 'revealed')`),
        ).toBe(0);
        expect(
          count(
            'select count(*) as n from hushlink_events where subject_id not in (select id from hushlink_secrets)',
          ),
        ).toBe(0);
      } finally {
        database.close();
      }

      // And the stores carry on on it.
      const after = createSqliteStores({ filename: temp.filename });
      await after.secrets.insert(singleUseRecord('afterthecrashaaaaaaaaa'), []);
      expect(await after.secrets.get('afterthecrashaaaaaaaaa')).not.toBeNull();
      await after.close();
    } finally {
      temp.remove();
    }
  });
});
