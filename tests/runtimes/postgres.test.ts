/**
 * The Postgres adapter on Bun and Deno: `pg` (and Kysely) through each runtime's npm
 * compatibility, against the machine's real PostgreSQL (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test). Each runtime gets its own schema, dropped after.
 */
import { decodeBase64url, encodeBase64url, open, seal } from '@hushlink/core/crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN } from './apps/build-handler';
import { DEFAULT_DATABASE_URL } from './apps/stores-from-env';
import type { RunningApp } from './start-process';
import { startRuntime } from './start-runtime';

const DATABASE_URL = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;

/** A reveal's JSON: the envelope, or an error. */
interface RevealAnswer {
  envelope?: string;
  error?: { code: string };
}
const CONCURRENT_REVEALS = 20;

describe.each(['bun', 'deno'] as const)('the Postgres adapter on %s', (runtime) => {
  // Unique per run, so parallel runs on one database never meet.
  const schema = `hl_runtime_${runtime}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  admin.on('error', () => {});
  let app: RunningApp | undefined;

  beforeAll(async () => {
    try {
      await admin.query('select 1');
    } catch (error) {
      // Not a skip: the matrix promises Postgres on Bun and Deno, so say exactly what is missing.
      throw new Error(
        `PostgreSQL is required for the ${runtime} Postgres test and is not reachable at ${redact(DATABASE_URL)} (${(error as Error).message}). Start it or set DATABASE_URL.`,
      );
    }
    app = await startRuntime(runtime, { HUSHLINK_PG_SCHEMA: schema, DATABASE_URL });
  }, 90_000);

  afterAll(async () => {
    await app?.stop();
    await admin.query(`drop schema if exists ${schema} cascade`).catch(() => {});
    await admin.end();
  });

  it(`reveals a secret exactly once under ${CONCURRENT_REVEALS} concurrent reveals`, async () => {
    const origin = app?.origin ?? '';
    const sealed = await seal(`a database password, through ${runtime}`);
    const keyProof = encodeBase64url(sealed.keyProof);
    const created = await fetch(`${origin}/api/secrets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ envelope: encodeBase64url(sealed.envelope), keyProof }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const answers = await Promise.all(
      Array.from({ length: CONCURRENT_REVEALS }, async () => {
        const response = await fetch(`${origin}/api/secrets/${id}/reveal`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ keyProof }),
        });
        return { status: response.status, json: (await response.json()) as RevealAnswer };
      }),
    );
    const winners = answers.filter((answer) => answer.status === 200);
    const losers = answers.filter((answer) => answer.status !== 200);
    expect(winners).toHaveLength(1);
    expect(losers.map((answer) => [answer.status, answer.json.error?.code])).toEqual(
      Array.from({ length: CONCURRENT_REVEALS - 1 }, () => [404, 'not_available']),
    );
    const envelope = decodeBase64url(winners[0]?.json.envelope ?? '');
    expect(await open(envelope, sealed.key)).toBe(`a database password, through ${runtime}`);

    // The row is really in this runtime's schema: viewed, its envelope deleted.
    const { rows } = await admin.query(
      `select status, views, envelope is null as deleted from ${schema}.hushlink_secrets where id = $1`,
      [id],
    );
    expect(rows).toEqual([{ status: 'viewed', views: 1, deleted: true }]);

    const events = await fetch(`${origin}/api/secrets/${id}/events`, {
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
    const trail = ((await events.json()) as { events: { type: string; ip: string }[] }).events;
    expect(trail.map((event) => [event.type, event.ip])).toEqual([
      ['created', '127.0.0.1'],
      ['revealed', '127.0.0.1'],
    ]);
  });
});

/** The URL without its password, for error messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(DATABASE_URL is not a URL)';
  }
}
