/**
 * Throughput of the full service on the SQLite adapter vs the same writes as hand-written
 * better-sqlite3 prepared statements, in one run, on files on disk (WAL, synchronous=NORMAL).
 *
 *   npx tsx --conditions=@hushlink/source packages/adapter-sqlite/bench/service-vs-raw.ts
 *   options: --ops=<n per round> --rounds=<n> --only=service|store|raw|core (for `node --cpu-prof`)
 *
 * "Service" = createHushlink over createSqliteStores: validation, random id, verifier
 * HMAC, record MAC (SHA-256 of the envelope + HMAC), audit event, and on reveal the MAC
 * and keyProof checks, the state machine, a new MAC and compare-and-set.
 * "Raw" = the same rows, the same event inserts, the same transactions (BEGIN IMMEDIATE),
 * hand-written: create = INSERT secret + INSERT event; reveal = SELECT, conditional UPDATE
 * (compare-and-set on version) + INSERT event. No MAC, no checks.
 * "Core alone" = the same service over core's in-memory store: the CPU cost of core's
 * own work per operation, with (almost) no storage cost — the ceiling any store can reach.
 * "Store" = the adapter alone, called as the service calls it (insert; get + compareAndSet)
 * with records built once up front: what the adapter costs over raw, without core's work.
 * Prints a table and writes bench/RESULTS.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHushlink, createMemoryStore, type SecretRecord } from '@hushlink/core';
import { seal } from '@hushlink/core/crypto';
import Database from 'better-sqlite3';
import { createSqliteStores } from '../src/create-sqlite-stores';
import { SECRET_COLUMNS } from '../src/secret-row';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]),
);
const OPS = Number(args.ops ?? 500);
const ROUNDS = Number(args.rounds ?? 15);
const ONLY = args.only as 'service' | 'store' | 'raw' | 'core' | undefined;
const KEY = '3c'.repeat(32);
const CLIENT = { ip: '203.0.113.77', userAgent: 'Mozilla/5.0 (bench) hushlink' };

const dir = mkdtempSync(join(tmpdir(), 'hushlink-bench-'));
// A 2 KB ciphertext, like BASELINES.md.
const sealed = await seal('x'.repeat(2000));

// ---- service ------------------------------------------------------------------------
const serviceStores = createSqliteStores({ filename: join(dir, 'service.db') });
await serviceStores.migrate();
const hushlink = createHushlink({ store: serviceStores.secrets, keys: KEY });
const createInput = {
  envelope: sealed.envelope,
  keyProof: sealed.keyProof,
  createdBy: 'bench-user',
};
const service = {
  create: async () => (await hushlink.createSecret(createInput, CLIENT)).id,
  reveal: async (id: string) => {
    await hushlink.reveal(id, { keyProof: sealed.keyProof }, CLIENT);
  },
};

/**
 * Ids as the service makes them (16 random bytes, base64url): random keys land all over
 * the primary-key index, as in production; sequential ones would only append to it.
 */
function randomId(): string {
  return randomBytes(16).toString('base64url');
}

// ---- core alone (service over the in-memory store) ---------------------------------------
const memoryHushlink = createHushlink({ store: createMemoryStore(), keys: KEY });
const core = {
  create: async () => (await memoryHushlink.createSecret(createInput, CLIENT)).id,
  reveal: async (id: string) => {
    await memoryHushlink.reveal(id, { keyProof: sealed.keyProof }, CLIENT);
  },
};

// ---- store (the adapter alone) ------------------------------------------------------
const storeStores = createSqliteStores({ filename: join(dir, 'store.db') });
await storeStores.migrate();
const template: SecretRecord = {
  id: '',
  version: 1,
  status: 'active',
  createdAt: Date.now(),
  expiresAt: Date.now() + 86_400_000,
  firstViewedAt: null,
  lastViewedAt: null,
  burnedAt: null,
  burnReason: null,
  createdBy: 'bench-user',
  label: null,
  maxViews: 1,
  views: 0,
  failedAttempts: 0,
  kdf: null,
  salt: sealed.envelope.slice(2, 18),
  keyProofVerifier: new Uint8Array(32).fill(9),
  passphraseVerifier: null,
  envelope: sealed.envelope,
  notify: false,
  groupId: null,
  requestId: null,
  ephemeralKey: null,
  keyId: 'bench-kid',
  mac: new Uint8Array(32).fill(9),
};
const store = {
  create: async () => {
    const id = randomId();
    const now = Date.now();
    await storeStores.secrets.insert({ ...template, id, createdAt: now }, [
      {
        subjectId: id,
        type: 'created',
        at: now,
        ip: CLIENT.ip,
        userAgent: CLIENT.userAgent,
        detail: null,
      },
    ]);
    return id;
  },
  reveal: async (id: string) => {
    const record = await storeStores.secrets.get(id);
    if (!record) throw new Error('missing');
    const now = Date.now();
    const next: SecretRecord = {
      ...record,
      version: record.version + 1,
      status: 'viewed',
      views: 1,
      firstViewedAt: now,
      lastViewedAt: now,
      envelope: null,
    };
    const won = await storeStores.secrets.compareAndSet(id, record.version, next, [
      {
        subjectId: id,
        type: 'revealed',
        at: now,
        ip: CLIENT.ip,
        userAgent: CLIENT.userAgent,
        detail: { views: 1, remainingViews: 0 },
      },
    ]);
    if (!won) throw new Error('lost the compare-and-set');
  },
};

// ---- raw ----------------------------------------------------------------------------
const rawFile = join(dir, 'raw.db');
const schema = createSqliteStores({ filename: rawFile });
await schema.migrate();
await schema.close();
const raw = createRaw(rawFile);

function createRaw(filename: string) {
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const cols = SECRET_COLUMNS.join(', ');
  const insertSecret = db.prepare(
    `insert into hushlink_secrets (${cols}) values (${SECRET_COLUMNS.map(() => '?').join(', ')})`,
  );
  const selectSecret = db.prepare(`select ${cols} from hushlink_secrets where id = ?`);
  const updateSecret = db.prepare(
    `update hushlink_secrets set ${SECRET_COLUMNS.slice(1)
      .map((c) => `${c} = ?`)
      .join(', ')} where id = ? and version = ?`,
  );
  const insertEvent = db.prepare(
    'insert into hushlink_events (subject_id, type, at, ip, user_agent, detail) values (?, ?, ?, ?, ?, ?)',
  );
  const salt = sealed.envelope.subarray(2, 18);
  const filler32 = new Uint8Array(32).fill(9);
  const create = db.transaction((id: string, now: number) => {
    insertSecret.run([
      id,
      1,
      'active',
      now,
      now + 86_400_000,
      null,
      null,
      null,
      null,
      'bench-user',
      null,
      1,
      0,
      0,
      null,
      null,
      null,
      salt,
      filler32,
      null,
      sealed.envelope,
      0,
      null,
      null,
      null,
      'bench-kid',
      filler32,
    ]);
    insertEvent.run([id, 'created', now, CLIENT.ip, CLIENT.userAgent, null]);
  });
  const reveal = db.transaction((id: string, now: number) => {
    const row = selectSecret.get([id]) as Record<string, unknown> | undefined;
    if (row?.status !== 'active') throw new Error('not revealable');
    const values = SECRET_COLUMNS.slice(1).map((c) => row[c]);
    // version, status, first/last viewed, views, envelope, mac: what a reveal changes.
    values[0] = (row.version as number) + 1;
    values[1] = 'viewed';
    values[4] = now;
    values[5] = now;
    values[11] = 1;
    values[19] = null;
    values[25] = filler32;
    const { changes } = updateSecret.run([...values, id, row.version]);
    if (changes !== 1) throw new Error('lost the compare-and-set');
    insertEvent.run([
      id,
      'revealed',
      now,
      CLIENT.ip,
      CLIENT.userAgent,
      '{"views":1,"remainingViews":0}',
    ]);
  });
  return {
    create: async () => {
      const id = randomId();
      create.immediate(id, Date.now());
      return id;
    },
    reveal: async (id: string) => reveal.immediate(id, Date.now()),
    close: () => db.close(),
  };
}

// ---- measurement --------------------------------------------------------------------
type Side = typeof service;
const scenarios: Record<string, (side: Side) => Promise<number>> = {
  create: async (side) => timed(OPS, () => side.create()),
  reveal: async (side) => {
    const ids: string[] = [];
    for (let i = 0; i < OPS; i++) ids.push(await side.create());
    let next = 0;
    return timed(OPS, () => side.reveal(ids[next++] as string));
  },
  'create + reveal': async (side) =>
    timed(OPS, async () => {
      await side.reveal(await side.create());
    }),
};

async function timed(n: number, op: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await op();
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const rows: Array<{ op: string; raw: number; store: number; service: number; core: number }> = [];
for (const [name, run] of Object.entries(scenarios)) {
  const results = {
    raw: [] as number[],
    store: [] as number[],
    service: [] as number[],
    core: [] as number[],
  };
  // Alternate sides each round, so drift (disk, CPU neighbours) hits all alike.
  for (let round = 0; round < ROUNDS; round++) {
    if (!ONLY || ONLY === 'raw') results.raw.push(await run(raw));
    if (!ONLY || ONLY === 'store') results.store.push(await run(store));
    if (!ONLY || ONLY === 'service') results.service.push(await run(service));
    if (!ONLY || ONLY === 'core') results.core.push(await run(core));
  }
  rows.push({
    op: name,
    raw: median(results.raw),
    store: median(results.store),
    service: median(results.service),
    core: median(results.core),
  });
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)}%` : '–');
const table = [
  '| operation | raw prepared statements | adapter alone (store API) | service (createHushlink + adapter) | core alone (service on memory store) | adapter / raw | service / raw |',
  '|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.op} | ${fmt(r.raw)}/s | ${fmt(r.store)}/s | ${fmt(r.service)}/s | ${fmt(r.core)}/s | ${pct(r.store, r.raw)} | ${pct(r.service, r.raw)} |`,
  ),
].join('\n');
console.log(table);

if (!ONLY) {
  const sqlite = (
    new Database(':memory:').prepare('select sqlite_version() as v').get() as { v: string }
  ).v;
  writeFileSync(
    new URL('./RESULTS.md', import.meta.url),
    [
      '# SQLite adapter: service vs raw (generated by service-vs-raw.ts)',
      '',
      `${new Date().toISOString().slice(0, 10)} · Node ${process.version} · SQLite ${sqlite} · ` +
        `${cpus().length} CPUs · file on disk, WAL, synchronous=NORMAL · ` +
        `one caller, ${OPS} ops per round, median of ${ROUNDS} alternating rounds · ` +
        '2 KB ciphertext, one audit event per operation, one transaction each.',
      '',
      table,
      '',
      'Target: service ≥ 70% of raw. See README.md ("Performance") for the profile.',
      '',
    ].join('\n'),
  );
}

await serviceStores.close();
await storeStores.close();
raw.close();
rmSync(dir, { recursive: true, force: true });
