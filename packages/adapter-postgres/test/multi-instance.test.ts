/**
 * Several app instances — separate Node processes, each with its own pool — share one
 * database. They race reveals of single-use secrets, wrong passphrases on protected
 * ones, and hits on one rate-limit key. The database alone must keep every promise.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createHushlink } from '@hushlink/core';
import { encodeBase64url, seal } from '@hushlink/core/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStores, type PostgresStores } from '../src/index';
import type { WorkerJob, WorkerReport } from './multi-instance-worker';
import { createTestSchema, TEST_DATABASE_URL, type TestSchema } from './postgres-test-database';

const PROCESSES = 3;
const SINGLE_USE = 100;
const REVEALS = 500;
const PROTECTED = 10;
const WRONG_GUESSES = 100;
const ATTEMPT_LIMIT = 5;
const RATE = {
  key: 'recipient:203.0.113.9',
  hitsPerProcess: 20,
  intervalMs: 1_000,
  windowMs: 10_000,
};
const KEY = 'b2'.repeat(32);
const CLIENT = { ip: '198.51.100.1', userAgent: 'parent' };
const WORKER = fileURLToPath(new URL('./multi-instance-worker.ts', import.meta.url));

let testSchema: TestSchema;
let stores: PostgresStores;

beforeAll(async () => {
  testSchema = await createTestSchema();
  stores = createPostgresStores(
    { connectionString: TEST_DATABASE_URL },
    { schema: testSchema.schema },
  );
  await stores.migrate();
});
afterAll(async () => {
  await stores.close();
  await testSchema.drop();
});

type Target = { id: string; keyProof: string };

async function createSecrets(count: number, passphrase?: string): Promise<Target[]> {
  const hushlink = createHushlink({ store: stores.secrets, keys: KEY });
  const targets: Target[] = [];
  for (let i = 0; i < count; i++) {
    const sealed = await seal(
      `secret ${i}`,
      passphrase ? { passphrase, kdf: { logN: 14, r: 1, p: 1 } } : {},
    );
    const { id } = await hushlink.createSecret(
      {
        envelope: sealed.envelope,
        keyProof: sealed.keyProof,
        passphraseProof: sealed.passphraseProof,
        createdBy: 'alice',
      },
      CLIENT,
    );
    targets.push({ id, keyProof: encodeBase64url(sealed.keyProof) });
  }
  return targets;
}

/** `total` attempts spread over `targets`, attempt j of target i going to process (i + j) mod P. */
function spread(targets: Target[], total: number): Target[][] {
  const shares: Target[][] = Array.from({ length: PROCESSES }, () => []);
  for (let n = 0; n < total; n++) {
    const i = n % targets.length;
    const j = Math.floor(n / targets.length);
    shares[(i + j) % PROCESSES]?.push(targets[i] as Target);
  }
  return shares;
}

function startWorker(job: WorkerJob): {
  child: ChildProcessWithoutNullStreams;
  lines: AsyncIterator<string>;
} {
  const child = spawn(process.execPath, [
    '--import',
    'tsx',
    '--conditions=@hushlink/source',
    WORKER,
    JSON.stringify(job),
  ]);
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  child.on('exit', (code) => {
    if (code !== 0) console.error(`worker exited ${code}: ${stderr}`);
  });
  return { child, lines: createInterface({ input: child.stdout })[Symbol.asyncIterator]() };
}

async function nextLine(lines: AsyncIterator<string>): Promise<string> {
  const { value, done } = await lines.next();
  if (done) throw new Error('worker ended without answering (see stderr above)');
  return value;
}

describe(`${PROCESSES} processes sharing one database`, () => {
  it('reveal each single-use secret once, never over-count passphrases, and share rate budgets', async () => {
    const singleUse = await createSecrets(SINGLE_USE);
    const protectedSecrets = await createSecrets(PROTECTED, 'the right one');
    const revealShares = spread(singleUse, REVEALS);
    const guessShares = spread(protectedSecrets, WRONG_GUESSES);
    const now = Date.now();
    const workers = Array.from({ length: PROCESSES }, (_, p) =>
      startWorker({
        url: TEST_DATABASE_URL,
        schema: testSchema.schema,
        key: KEY,
        reveals: revealShares[p] ?? [],
        wrongPassphrases: guessShares[p] ?? [],
        rateLimit: {
          key: RATE.key,
          hits: RATE.hitsPerProcess,
          now,
          intervalMs: RATE.intervalMs,
          windowMs: RATE.windowMs,
        },
      }),
    );
    for (const w of workers) expect(await nextLine(w.lines)).toBe('ready');
    for (const w of workers) w.child.stdin.end('go\n');
    const reports = await Promise.all(
      workers.map(async (w) => JSON.parse(await nextLine(w.lines)) as WorkerReport),
    );

    const reveals = reports.flatMap((r) => r.reveals);
    expect(reveals).toHaveLength(REVEALS);
    expect(new Set(reveals.map((r) => r.outcome))).toEqual(new Set(['revealed', 'not_available']));
    for (const { id } of singleUse) {
      expect(reveals.filter((r) => r.id === id && r.outcome === 'revealed')).toHaveLength(1);
      const record = await stores.secrets.get(id);
      expect(record).toMatchObject({ status: 'viewed', views: 1, envelope: null });
      const events = await stores.secrets.listEvents(id);
      expect(events.filter((e) => e.type === 'revealed')).toHaveLength(1);
    }

    const guesses = reports.flatMap((r) => r.wrongPassphrases);
    expect(guesses).toHaveLength(WRONG_GUESSES);
    for (const { id } of protectedSecrets) {
      const mine = guesses.filter((g) => g.id === id);
      const wrong = mine.filter((g) => g.outcome === 'wrong_passphrase');
      expect(wrong.map((g) => g.attemptsLeft).sort()).toEqual([0, 1, 2, 3, 4]);
      expect(
        mine
          .filter((g) => g.outcome !== 'wrong_passphrase')
          .every((g) => g.outcome === 'not_available'),
      ).toBe(true);
      const record = await stores.secrets.get(id);
      expect(record).toMatchObject({
        status: 'burned',
        burnReason: 'attempts',
        failedAttempts: ATTEMPT_LIMIT,
        envelope: null,
      });
    }

    const allowed = reports.reduce((sum, r) => sum + r.rateLimitAllowed, 0);
    expect(allowed).toBe(RATE.windowMs / RATE.intervalMs);
  }, 120_000);
});
