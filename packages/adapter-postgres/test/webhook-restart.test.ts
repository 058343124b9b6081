/**
 * Webhooks survive a killed process (DESIGN.md §11): the outbox rows are committed with
 * their transitions, so a new dispatcher — another process, its own pool — delivers what
 * the dead process never sent, including a message it had claimed and was sending when
 * it died, and never sends a delivered message again. Every clock is injected.
 */

import { type DeliveryReport, generateWebhookSecret, startWebhookDispatcher } from '@hushlink/core';
import { createNodeWebhookSender } from '@hushlink/core/node';
import { describe, expect, it } from 'vitest';
import { createPostgresStores } from '../src/index';
import { exited, type FixtureProcess, firstLine, spawnFixture } from './fixture-process';
import {
  createTestPool,
  createTestSchema,
  TEST_DATABASE_URL,
  type TestSchema,
} from './postgres-test-database';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

const T0 = Date.UTC(2026, 0, 1);
const LEASE_MS = 120_000;
const DAY_MS = 86_400_000;
const NOTHING: DeliveryReport = { delivered: 0, retrying: 0, failed: 0 };

/** A migrated schema of its own, and a way to read its outbox rows past the stores. */
async function migratedSchema() {
  const schema: TestSchema = await createTestSchema();
  const pool = createTestPool(2);
  const stores = createPostgresStores({ pool }, { schema: schema.schema });
  await stores.migrate();
  return {
    name: schema.schema,
    async outboxRows() {
      const rows = await stores.probe.dumpRows();
      return rows.filter((row) => row.table === 'hushlink_outbox');
    },
    async drop() {
      await pool.end();
      await schema.drop();
    },
  };
}

/** The writer fixture, on `schema`, printing `ready <id>`; resolves with the child and the id. */
async function startWriter(schema: string, hook: WebhookReceiver, secret: string, mode: string) {
  const child = spawnFixture('webhook-writer.ts', [
    TEST_DATABASE_URL,
    schema,
    hook.url,
    secret,
    String(T0),
    String(LEASE_MS),
    mode,
  ]);
  const line = await firstLine(child);
  const id = line.match(/^ready (\S+)$/)?.[1];
  if (!id) throw new Error(`unexpected fixture line: ${line}`);
  return { child, id };
}

/** A restarted process: a fresh pool and dispatcher; one `deliverDue()` at each of `times`. */
async function deliverAfterRestart(
  schema: string,
  hook: WebhookReceiver,
  secret: string,
  times: readonly number[],
): Promise<DeliveryReport[]> {
  const pool = createTestPool(2);
  try {
    const stores = createPostgresStores({ pool }, { schema });
    let time = T0;
    const dispatcher = startWebhookDispatcher({
      store: stores.secrets,
      webhooks: [{ url: hook.url, secret }],
      intervalMs: null,
      now: () => time,
      leaseMs: LEASE_MS,
      send: createNodeWebhookSender({ allowPrivate: true }),
    });
    const reports: DeliveryReport[] = [];
    for (const at of times) {
      time = at;
      reports.push(await dispatcher.deliverDue());
    }
    return reports;
  } finally {
    await pool.end();
  }
}

describe('Postgres webhooks across a SIGKILL', () => {
  it('delivers, exactly once each, the outbox of a process killed right after its transitions', async () => {
    const db = await migratedSchema();
    const secret = generateWebhookSecret();
    const hook = await startWebhookReceiver(secret, () => T0);
    hook.answer();
    let child: FixtureProcess | undefined;
    try {
      const writer = await startWriter(db.name, hook, secret, 'transition');
      child = writer.child;
      const id = writer.id;
      child.kill('SIGKILL');
      expect(await exited(child)).toBe('SIGKILL');
      expect(hook.seen).toEqual([]);
      expect(await db.outboxRows()).toMatchObject([
        { status: 'pending', attempts: 0, lease_until: null },
        { status: 'pending', attempts: 0, lease_until: null },
      ]);

      const reports = await deliverAfterRestart(db.name, hook, secret, [T0, T0, T0 + DAY_MS]);
      expect(reports).toEqual([{ delivered: 2, retrying: 0, failed: 0 }, NOTHING, NOTHING]);
      // Both messages were claimed in one batch and sent concurrently: compare unordered.
      expect(hook.seen.map((s) => [s.type, s.secretId, s.verified]).sort()).toEqual([
        ['created', id, true],
        ['revealed', id, true],
      ]);
      expect(new Set(hook.seen.map((s) => s.id)).size).toBe(2);
      expect(await db.outboxRows()).toMatchObject([
        { status: 'delivered', attempts: 1 },
        { status: 'delivered', attempts: 1 },
      ]);

      // Yet another process, a day on: a delivered message is never sent again.
      expect(await deliverAfterRestart(db.name, hook, secret, [T0 + 2 * DAY_MS])).toEqual([
        NOTHING,
      ]);
      expect(hook.seen).toHaveLength(2);
    } finally {
      // A failed assertion must not leave the writer idling forever.
      child?.kill('SIGKILL');
      await hook.close();
      await db.drop();
    }
  });

  it('re-sends, once its lease has run out, a message the killed process was delivering', async () => {
    const db = await migratedSchema();
    const secret = generateWebhookSecret();
    // Accepts both the dead process's attempt (signed at T0) and the re-send after the lease.
    const hook = await startWebhookReceiver(secret, () => T0 + LEASE_MS);
    let child: FixtureProcess | undefined;
    try {
      const writer = await startWriter(db.name, hook, secret, 'dispatch');
      child = writer.child;
      const id = writer.id;
      // The attempt reached the receiver, so its claim is committed: kill it mid-delivery.
      await hook.firstRequest;
      child.kill('SIGKILL');
      expect(await exited(child)).toBe('SIGKILL');
      expect(await db.outboxRows()).toMatchObject([
        { status: 'pending', attempts: 1, lease_until: new Date(T0 + LEASE_MS) },
      ]);
      hook.answer();

      // Up to the last millisecond of the dead process's lease, nothing is due.
      expect(await deliverAfterRestart(db.name, hook, secret, [T0, T0 + LEASE_MS - 1])).toEqual([
        NOTHING,
        NOTHING,
      ]);
      expect(hook.seen).toHaveLength(1);

      const reports = await deliverAfterRestart(db.name, hook, secret, [
        T0 + LEASE_MS,
        T0 + LEASE_MS,
        T0 + DAY_MS,
      ]);
      expect(reports).toEqual([{ delivered: 1, retrying: 0, failed: 0 }, NOTHING, NOTHING]);
      // The same webhook-id twice: the receiver's dedupe key for at-least-once delivery.
      expect(hook.seen).toHaveLength(2);
      expect(hook.seen[1]?.id).toBe(hook.seen[0]?.id);
      for (const seen of hook.seen) {
        expect(seen).toMatchObject({ type: 'created', secretId: id, verified: true });
      }
      expect(await db.outboxRows()).toMatchObject([{ status: 'delivered', attempts: 2 }]);
    } finally {
      // A failed assertion must not leave the writer idling forever.
      child?.kill('SIGKILL');
      await hook.close();
      await db.drop();
    }
  });
});
