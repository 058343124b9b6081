/**
 * Connections dropped under load: an admin connection kills the pool's backends
 * (`pg_terminate_backend`, never a server restart: the server is shared) while 16
 * callers reveal single-use secrets and spend rate-limit budget. Every failure must
 * reach the caller as `StoreUnavailableError`, nothing unsafe may be retried, and no
 * secret may be lost or revealed twice.
 */
import { randomBytes } from 'node:crypto';
import { createHushlink, NotAvailableError, StoreUnavailableError } from '@hushlink/core';
import { seal } from '@hushlink/core/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStores, type PostgresStores } from '../src/index';
import {
  createTestSchema,
  TEST_DATABASE_URL,
  type TestSchema,
  withAdminClient,
} from './postgres-test-database';

const SECRETS = 200;
const CALLERS = 16;
/** Kill the pool's backends after every this many finished operations... */
const KILL_EVERY = 30;
/** ...this many times. */
const KILLS = 5;
const KEY = 'c3'.repeat(32);
const CLIENT = { ip: '198.51.100.2', userAgent: 'fault-test' };

let testSchema: TestSchema;
let stores: PostgresStores;
const applicationName = `hushlink_fault_${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  testSchema = await createTestSchema();
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('application_name', applicationName);
  stores = createPostgresStores(
    { connectionString: url.toString() },
    { schema: testSchema.schema },
  );
  await stores.migrate();
});
afterAll(async () => {
  await stores.close();
  await testSchema.drop();
});

/** Terminates every backend of the pool under test; returns how many. */
const killPoolBackends = () =>
  withAdminClient(async (admin) => {
    const { rows } = await admin.query(
      'select pg_terminate_backend(pid) as killed from pg_stat_activity where application_name = $1',
      [applicationName],
    );
    return rows.filter((r) => r.killed).length;
  });

describe('backends killed under load', () => {
  it('surfaces StoreUnavailableError and neither loses nor double-reveals a secret', async () => {
    const hushlink = createHushlink({ store: stores.secrets, keys: KEY });
    const secrets: { id: string; keyProof: Uint8Array }[] = [];
    for (let i = 0; i < SECRETS; i++) {
      const sealed = await seal(`fault secret ${i}`);
      const { id } = await hushlink.createSecret(
        { envelope: sealed.envelope, keyProof: sealed.keyProof, createdBy: 'alice' },
        CLIENT,
      );
      secrets.push({ id, keyProof: sealed.keyProof });
    }

    const delivered = new Map<string, number>();
    const failed = new Set<string>();
    const unexpected: unknown[] = [];
    let finished = 0;
    let killed = 0;
    let kills = 0;
    const queue = [...secrets];

    const reveal = async (id: string, keyProof: Uint8Array) => {
      try {
        await hushlink.reveal(id, { keyProof }, CLIENT);
        delivered.set(id, (delivered.get(id) ?? 0) + 1);
      } catch (error) {
        if (error instanceof StoreUnavailableError && error.code === 'unavailable') failed.add(id);
        else if (!(error instanceof NotAvailableError)) unexpected.push(error);
      }
    };

    const caller = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        await reveal(next.id, next.keyProof);
        await stores.rateLimits.hit('creator:alice', Date.now(), 10, 1_000_000).catch((error) => {
          if (!(error instanceof StoreUnavailableError)) unexpected.push(error);
        });
        finished++;
        if (finished % KILL_EVERY === 0 && kills < KILLS) {
          kills++;
          killed += await killPoolBackends();
        }
      }
    };
    await Promise.all(Array.from({ length: CALLERS }, caller));

    expect(unexpected).toEqual([]);
    expect(killed).toBeGreaterThan(0);
    expect(failed.size).toBeGreaterThan(0);

    // The pool recovers by itself. A reveal that failed either never committed (the
    // secret is still there) or committed without an answer: retrying tells which.
    for (const { id, keyProof } of secrets.filter((s) => failed.has(s.id))) {
      await reveal(id, keyProof);
    }
    const lost: string[] = [];
    for (const { id } of secrets) {
      expect(delivered.get(id) ?? 0).toBeLessThanOrEqual(1);
      const record = await stores.secrets.get(id);
      expect(record).toMatchObject({ status: 'viewed', views: 1, envelope: null });
      const events = await stores.secrets.listEvents(id);
      expect(events.filter((e) => e.type === 'revealed')).toHaveLength(1);
      if (!delivered.has(id)) lost.push(id);
    }
    // A terminated backend finishes or aborts its statement before it dies, and the answer
    // of a committed statement is sent before the termination is processed: none is lost.
    expect(lost).toEqual([]);
  }, 120_000);
});
