/**
 * One app instance for the multi-instance test: its own process, its own pool, its own
 * service. Prints `ready` once connected, waits for `go` on stdin (so every instance
 * starts at once), runs its whole share of the job concurrently, prints one JSON line.
 */
import { createHushlink, isHushlinkError, WrongPassphraseError } from '@hushlink/core';
import { decodeBase64url } from '@hushlink/core/crypto';
import { createPostgresStores } from '../src/index';

export interface WorkerJob {
  url: string;
  schema: string;
  key: string;
  reveals: { id: string; keyProof: string }[];
  wrongPassphrases: { id: string; keyProof: string }[];
  rateLimit: { key: string; hits: number; now: number; intervalMs: number; windowMs: number };
}

export interface WorkerOutcome {
  id: string;
  /** `revealed`, or the error code. */
  outcome: string;
  attemptsLeft?: number;
}

export interface WorkerReport {
  reveals: WorkerOutcome[];
  wrongPassphrases: WorkerOutcome[];
  rateLimitAllowed: number;
}

const job = JSON.parse(process.argv[2] ?? '{}') as WorkerJob;
const stores = createPostgresStores({ connectionString: job.url }, { schema: job.schema });
const hushlink = createHushlink({ store: stores.secrets, keys: job.key });
const client = { ip: '198.51.100.7', userAgent: `worker-${process.pid}` };
const WRONG_PROOF = new Uint8Array(32).fill(9);

const outcomeOf = (id: string, error: unknown): WorkerOutcome => ({
  id,
  outcome: isHushlinkError(error) ? error.code : `unexpected: ${String(error)}`,
  ...(error instanceof WrongPassphraseError ? { attemptsLeft: error.attemptsLeft } : {}),
});

await stores.secrets.get('warmupaaaaaaaaaaaaaaaa');
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));

const reveals = job.reveals.map(({ id, keyProof }) =>
  hushlink.reveal(id, { keyProof: decodeBase64url(keyProof) }, client).then(
    (): WorkerOutcome => ({ id, outcome: 'revealed' }),
    (error: unknown) => outcomeOf(id, error),
  ),
);
const wrongPassphrases = job.wrongPassphrases.map(({ id, keyProof }) =>
  hushlink
    .reveal(id, { keyProof: decodeBase64url(keyProof), passphraseProof: WRONG_PROOF }, client)
    .then(
      (): WorkerOutcome => ({ id, outcome: 'revealed' }),
      (error: unknown) => outcomeOf(id, error),
    ),
);
const { key, hits, now, intervalMs, windowMs } = job.rateLimit;
const rateLimitHits = Array.from({ length: hits }, () =>
  stores.rateLimits.hit(key, now, intervalMs, windowMs),
);

const report: WorkerReport = {
  reveals: await Promise.all(reveals),
  wrongPassphrases: await Promise.all(wrongPassphrases),
  rateLimitAllowed: (await Promise.all(rateLimitHits)).filter((hit) => hit.allowed).length,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
await stores.close();
