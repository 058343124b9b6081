/**
 * The Postgres adapter's speed budget: the whole service (createHushlink over
 * createPostgresStores) against hand-written SQL doing the same storage work — the same
 * statements, rows and round trips, run as named prepared statements on one pg pool —
 * measured side by side in one run, with 16 concurrent callers. Target: service ≥ 70%.
 *
 * Run: node --import tsx --conditions=@hushlink/source packages/adapter-postgres/bench/service-vs-raw.ts
 * (or `npm run bench -- adapter-postgres`). Writes bench/RESULTS.md.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import {
  type AuditEventInput,
  type AuditEventType,
  createHushlink,
  type SecretRecord,
  type SecretStore,
} from '@hushlink/core';
import { seal } from '@hushlink/core/crypto';
import pg from 'pg';
import { createPostgresStores } from '../src/index';

const URL_ = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CALLERS = 16;
const OPS = Number(process.env.BENCH_OPS ?? 1500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGET = 0.7;
const CLIENT = { ip: '203.0.113.50', userAgent: 'bench' };

const schema = `hushlink_bench_${randomBytes(4).toString('hex')}`;
const pool = new pg.Pool({ connectionString: URL_, max: CALLERS });
pool.on('error', () => {});
await pool.query(`create schema ${schema}`);
const stores = createPostgresStores({ pool }, { schema });
await stores.migrate();

/** Counts store calls, to show both sides make the same round trips. */
let roundTrips = 0;
const counted = new Proxy(stores.secrets, {
  get(target, property, receiver) {
    const value = Reflect.get(target, property, receiver);
    return typeof value === 'function'
      ? (...args: unknown[]) => {
          roundTrips++;
          return value.apply(target, args);
        }
      : value;
  },
}) as SecretStore;
const hushlink = createHushlink({ store: counted, keys: 'd4'.repeat(32) });
// A ~2 KB ciphertext, like BASELINES.md.
const sealed = await seal('x'.repeat(2000));

// ---- the raw side: hand-written SQL, same tables, same statements ------------------
const S = `${schema}.hushlink_secrets`;
const E = `${schema}.hushlink_events`;
const COLUMNS =
  'id, version, status, created_at, expires_at, first_viewed_at, last_viewed_at, burned_at, burn_reason, created_by, label, max_views, views, failed_attempts, kdf_log_n, kdf_r, kdf_p, salt, key_proof_verifier, passphrase_verifier, envelope, notify, group_id, request_id, ephemeral_key, key_id, mac';
const EVENTS = `insert into ${E} (subject_id, type, at, ip, user_agent, detail)
  select e.subject_id, e.type, e.at, e.ip, e.user_agent, e.detail
  from unnest($EV1::text[], $EV2::text[], $EV3::timestamptz[], $EV4::text[], $EV5::text[], $EV6::jsonb[])
    with ordinality as e(subject_id, type, at, ip, user_agent, detail, ord)`;
const events = (first: number) =>
  EVENTS.replace(/\$EV(\d)/g, (_, n) => `$${first + Number(n) - 1}`);
const RAW_INSERT = `with inserted as (insert into ${S} (${COLUMNS}) values (${Array.from({ length: 27 }, (_, i) => `$${i + 1}`).join(', ')}) returning id)
  ${events(28)} where exists (select 1 from inserted) order by e.ord`;
const RAW_GET = `select ${COLUMNS} from ${S} where id = $1`;
// The store replaces the whole record on compare-and-set, so the raw side does too.
const SET_ALL = COLUMNS.split(', ')
  .slice(1)
  .map((c, i) => `${c} = $${i + 3}`)
  .join(', ');
const RAW_CAS = `with moved as (update ${S} set ${SET_ALL} where id = $1 and version = $2 returning id),
  logged as (${events(29)} where exists (select 1 from moved) order by e.ord)
  select count(*)::int as moved from moved`;

const mac = randomBytes(32);
const eventArrays = (id: string, type: string, at: string, detail: string | null) => [
  [id],
  [type],
  [at],
  [CLIENT.ip],
  [CLIENT.userAgent],
  [detail],
];

async function rawCreate(): Promise<string> {
  const id = randomBytes(16).toString('base64url');
  const now = Date.now();
  const at = new Date(now).toISOString();
  await pool.query({
    name: 'raw_insert',
    text: RAW_INSERT,
    values: [
      id,
      1,
      'active',
      at,
      new Date(now + 86_400_000).toISOString(),
      null,
      null,
      null,
      null,
      'alice',
      null,
      1,
      0,
      0,
      null,
      null,
      null,
      sealed.envelope.subarray(0, 16),
      mac,
      null,
      sealed.envelope,
      false,
      null,
      null,
      null,
      'kid',
      mac,
      ...eventArrays(id, 'created', at, null),
    ],
  });
  return id;
}

async function rawReveal(id: string): Promise<void> {
  const { rows } = await pool.query({ name: 'raw_get', text: RAW_GET, values: [id] });
  const row = rows[0];
  if (row?.status !== 'active' || row.envelope === null) throw new Error('not revealable');
  const at = new Date().toISOString();
  const { rows: moved } = await pool.query({
    name: 'raw_cas',
    text: RAW_CAS,
    values: [
      id,
      row.version,
      row.version + 1,
      'viewed',
      row.created_at,
      row.expires_at,
      at,
      at,
      null,
      null,
      row.created_by,
      row.label,
      row.max_views,
      row.views + 1,
      row.failed_attempts,
      row.kdf_log_n,
      row.kdf_r,
      row.kdf_p,
      row.salt,
      row.key_proof_verifier,
      row.passphrase_verifier,
      null,
      row.notify,
      row.group_id,
      row.request_id,
      row.ephemeral_key,
      row.key_id,
      mac,
      ...eventArrays(id, 'revealed', at, JSON.stringify({ views: 1, remainingViews: 0 })),
    ],
  });
  if (moved[0]?.moved !== 1) throw new Error('lost the race');
}

// ---- the store side: the adapter alone, records built without the service -----------
async function storeCreate(): Promise<string> {
  const id = randomBytes(16).toString('base64url');
  const now = Date.now();
  const record: SecretRecord = {
    id,
    version: 1,
    status: 'active',
    createdAt: now,
    expiresAt: now + 86_400_000,
    firstViewedAt: null,
    lastViewedAt: null,
    burnedAt: null,
    burnReason: null,
    createdBy: 'alice',
    label: null,
    maxViews: 1,
    views: 0,
    failedAttempts: 0,
    kdf: null,
    salt: sealed.envelope.subarray(0, 16),
    keyProofVerifier: mac,
    passphraseVerifier: null,
    envelope: sealed.envelope,
    notify: false,
    groupId: null,
    requestId: null,
    ephemeralKey: null,
    keyId: 'kid',
    mac,
  };
  await stores.secrets.insert(record, [storeEvent(id, 'created', now, null)]);
  return id;
}

async function storeReveal(id: string): Promise<void> {
  const record = await stores.secrets.get(id);
  if (record?.status !== 'active' || record.envelope === null) throw new Error('not revealable');
  const now = Date.now();
  const next: SecretRecord = {
    ...record,
    version: record.version + 1,
    status: 'viewed',
    views: record.views + 1,
    firstViewedAt: now,
    lastViewedAt: now,
    envelope: null,
    mac,
  };
  const event = storeEvent(id, 'revealed', now, { views: 1, remainingViews: 0 });
  if (!(await stores.secrets.compareAndSet(id, record.version, next, [event]))) {
    throw new Error('lost the race');
  }
}

function storeEvent(
  subjectId: string,
  type: AuditEventType,
  at: number,
  detail: Record<string, unknown> | null,
): AuditEventInput {
  return { subjectId, type, at, ip: CLIENT.ip, userAgent: CLIENT.userAgent, detail };
}

// ---- the service side ----------------------------------------------------------------
async function serviceCreate(): Promise<{ id: string }> {
  return hushlink.createSecret(
    { envelope: sealed.envelope, keyProof: sealed.keyProof, createdBy: 'alice' },
    CLIENT,
  );
}
async function serviceReveal(id: string): Promise<void> {
  await hushlink.reveal(id, { keyProof: sealed.keyProof }, CLIENT);
}

// ---- measurement ---------------------------------------------------------------------
/** Runs `count` operations on `CALLERS` concurrent callers; returns operations per second. */
async function throughput(count: number, op: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      for (let i = next++; i < count; i = next++) await op(i);
    }),
  );
  const used = process.cpuUsage(cpu);
  lastCpuPerOp = (used.user + used.system) / count;
  return count / ((performance.now() - start) / 1000);
}
/** Node CPU time (user + system, µs) per operation of the last `throughput` run. */
let lastCpuPerOp = 0;

async function emptyTables(): Promise<void> {
  await pool.query(`truncate ${S}, ${E}`);
  await pool.query(`vacuum analyze ${S}, ${E}`);
}

interface Side {
  create: () => Promise<unknown>;
  reveal: (id: string) => Promise<void>;
  idOf: (created: unknown) => string;
}
const raw: Side = { create: rawCreate, reveal: rawReveal, idOf: (c) => c as string };
const store: Side = { create: storeCreate, reveal: storeReveal, idOf: (c) => c as string };
const service: Side = {
  create: serviceCreate,
  reveal: serviceReveal,
  idOf: (c) => (c as { id: string }).id,
};

const operations = {
  create: async (side: Side) => {
    await emptyTables();
    return throughput(OPS, () => side.create());
  },
  reveal: async (side: Side) => {
    await emptyTables();
    const ids: string[] = [];
    await throughput(OPS, async () => ids.push(side.idOf(await side.create())));
    return throughput(OPS, (i) => side.reveal(ids[i] as string));
  },
  'create + reveal pair': async (side: Side) => {
    await emptyTables();
    return throughput(OPS, async () => side.reveal(side.idOf(await side.create())));
  },
};

// Round trips per operation, counted on the service side (the raw side is written to match).
roundTrips = 0;
await emptyTables();
const probeId = (await serviceCreate()).id;
const createTrips = roundTrips;
roundTrips = 0;
await serviceReveal(probeId);
const revealTrips = roundTrips;

// Warm up every side (JIT, prepared statements on every pooled connection).
for (const op of Object.values(operations)) {
  for (const side of [raw, store, service]) await op(side);
}

type Measured = { rate: number; cpu: number };
const results: { name: string; raw: Measured; store: Measured; service: Measured }[] = [];
for (const [name, op] of Object.entries(operations)) {
  const runs = { raw: [] as Measured[], store: [] as Measured[], service: [] as Measured[] };
  // Interleaved rounds, each starting with another side: drift on a shared machine (and
  // WAL or checkpoint work left by the previous side) hits every side alike.
  const sides = [
    ['raw', raw],
    ['store', store],
    ['service', service],
  ] as const;
  for (let round = 0; round < ROUNDS; round++) {
    for (const [key, side] of [...sides.slice(round % 3), ...sides.slice(0, round % 3)]) {
      const rate = await op(side);
      runs[key].push({ rate, cpu: lastCpuPerOp });
    }
  }
  results.push({
    name,
    raw: median(runs.raw),
    store: median(runs.store),
    service: median(runs.service),
  });
}

/** The run with the median rate (its CPU figure comes along). */
function median(values: Measured[]): Measured {
  const sorted = [...values].sort((a, b) => a.rate - b.rate);
  return sorted[Math.floor(sorted.length / 2)] as Measured;
}

const { rows: versionRows } = await pool.query('show server_version');
const { rows: fsyncRows } = await pool.query('show fsync');
const perSecond = (n: number) => `${Math.round(n).toLocaleString('en')}/s`;
const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;
const table = [
  '| operation | raw SQL (named statements) | adapter alone | service over the adapter | adapter / raw | **service / raw** |',
  '|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.name} | ${perSecond(r.raw.rate)} | ${perSecond(r.store.rate)} | ${perSecond(r.service.rate)} | ${percent(r.store.rate, r.raw.rate)} | **${percent(r.service.rate, r.raw.rate)}** |`,
  ),
  '',
  '| Node CPU per operation (µs, user + system) | raw SQL | adapter alone | service |',
  '|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.name} | ${Math.round(r.raw.cpu)} | ${Math.round(r.store.cpu)} | ${Math.round(r.service.cpu)} |`,
  ),
].join('\n');
const worst = Math.min(...results.map((r) => r.service.rate / r.raw.rate));
const report = `# @hushlink/adapter-postgres: service vs raw SQL

Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores, Node ${process.version}, PostgreSQL ${versionRows[0]?.server_version} (127.0.0.1, fsync ${fsyncRows[0]?.fsync}). Load average when done: ${loadavg()[0]?.toFixed(1)} (the machine is shared; ratios from one run are what count).
${CALLERS} concurrent callers, ${OPS} operations per measurement, median of ${ROUNDS} interleaved rounds (each started by another side), one pg pool of ${CALLERS}.

${table}

Target: service ≥ ${TARGET * 100}% of raw. Worst ratio this run: **${Math.round(worst * 100)}%** (${worst >= TARGET ? 'met' : 'NOT met'}).

What each side does per operation (same statements, rows and round trips):
- create: ${createTrips} round trip — one statement inserts the secret row (≈2 KB envelope) and its \`created\` event (data-modifying CTE).
- reveal: ${revealTrips} round trips — SELECT by id, then one statement that updates on (id, version) and inserts the \`revealed\` event.
- "adapter alone" runs the same operations through \`createPostgresStores\` with records built by hand (no MAC, no checks): the adapter's own cost over raw SQL.
- The service adds everything the raw side skips: validating the envelope, HMAC of the key proof and of the record (MAC verified on read, recomputed on write), the lifecycle state machine, base64url ids, error mapping.

Reproduce: \`npm run bench -- adapter-postgres\` (\`BENCH_OPS\`, \`BENCH_ROUNDS\` and \`DATABASE_URL\` are honoured).
`;
writeFileSync(new URL('./RESULTS.md', import.meta.url), report);
console.log(report);

await pool.query(`drop schema ${schema} cascade`);
await pool.end();
