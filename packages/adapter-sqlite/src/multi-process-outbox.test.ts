/**
 * Several webhook dispatchers, each in its own process, share one SQLite file
 * (DESIGN.md §11): a claim is a lease, so while it runs no other process may take the
 * same message, and once it ran out the message is claimed again — once. The claim is
 * one `UPDATE … RETURNING` in autocommit: SQLite takes the write lock when the statement
 * starts, before its subquery picks the rows, so claims from different processes run one
 * after the other (busy_timeout makes them wait, not fail).
 */
import type { OutboxMessageInput } from '@hushlink/core';
import { describe, expect, it } from 'vitest';
import { type Child, exited, spawnFixture, waitForLine } from '../test/child-process';
import { tempDatabase } from '../test/temp-database';
import { createSqliteStores } from './create-sqlite-stores';

const PROCESSES = 3;
const MESSAGES = 240;
/** One message per claim: many claims per process, so the processes' claims interleave. */
const BATCH = 1;
const LEASE_MS = 60_000;
const NOW = Date.UTC(2026, 0, 1);

interface Claim {
  id: string;
  attempts: number;
  leaseUntil: number | null;
}

/** Every child claims at `now` at once; resolves with each child's claims. */
async function claimRound(children: Child[], now: number): Promise<Claim[][]> {
  const reports = children.map((c) => waitForLine(c, (l) => l.startsWith('{')));
  for (const child of children) child.stdin.write(`claim ${now}\n`);
  const parsed = (await Promise.all(reports)).map(
    (l) => JSON.parse(l) as { claimed: Claim[]; errors: string[] },
  );
  expect(parsed.flatMap((r) => r.errors)).toEqual([]);
  return parsed.map((r) => r.claimed);
}

describe('several dispatcher processes on one database file', () => {
  it('claim each of 240 due messages exactly once per lease', async () => {
    const temp = tempDatabase();
    const stores = createSqliteStores({ filename: temp.filename });
    const children: Child[] = [];
    try {
      await stores.migrate();
      const messages: OutboxMessageInput[] = Array.from({ length: MESSAGES }, (_, i) => ({
        id: `msg_${String(i).padStart(4, '0')}`,
        endpointId: 'endpoint',
        payload: `{"n":${i}}`,
        createdAt: NOW - MESSAGES + i,
      }));
      await stores.secrets.appendEvents([], messages);
      const ids = messages.map((m) => m.id).sort();

      for (let i = 0; i < PROCESSES; i++) {
        // One process claims through a host's Kysely instance, the others on prepared statements.
        const path = i === 1 ? 'kysely' : 'prepared';
        children.push(
          spawnFixture('claim-worker.ts', [temp.filename, `${LEASE_MS}`, `${BATCH}`, path]),
        );
      }
      await Promise.all(children.map((c) => waitForLine(c, (l) => l === 'ready')));

      // While the leases run, every message goes to one process, and nobody else gets it.
      const first = await claimRound(children, NOW);
      expect(
        first
          .flat()
          .map((c) => c.id)
          .sort(),
      ).toEqual(ids);
      expect(first.flat().every((c) => c.attempts === 1 && c.leaseUntil === NOW + LEASE_MS)).toBe(
        true,
      );
      // Within the lease, a second round finds nothing to claim.
      const during = await claimRound(children, NOW + LEASE_MS - 1);
      expect(during.flat()).toEqual([]);

      // Once the leases ran out (a crashed dispatcher), each message is claimed again, once.
      const after = await claimRound(children, NOW + LEASE_MS);
      expect(
        after
          .flat()
          .map((c) => c.id)
          .sort(),
      ).toEqual(ids);
      expect(after.flat().every((c) => c.attempts === 2)).toBe(true);
      // More than one process took part: the claims really raced.
      const claimedAny = children.map((_, i) => (first[i]?.length ?? 0) + (after[i]?.length ?? 0));
      expect(claimedAny.filter((n) => n > 0).length).toBeGreaterThan(1);

      for (const child of children) child.stdin.end('exit\n');
      expect(await Promise.all(children.map(exited))).toEqual(children.map(() => 0));
    } finally {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      await stores.close();
      temp.remove();
    }
  });
});
