/**
 * The same handler on Node, Bun, Deno and workerd (Cloudflare Workers, through Miniflare):
 * one scenario over real HTTP on each, every answer checked against DESIGN.md §7 and
 * compared with Node's, answer for answer. Issue 13.
 */
import { encodeBase64url } from '@hushlink/core/crypto';
import { DEFAULT_PAGE_CSP } from '@hushlink/core/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN } from './apps/build-handler';
import { differencesBetween } from './compare-runs';
import type { NormalisedAnswer } from './normalise-answer';
import {
  PLAIN_TEXT,
  PROTECTED_TEXT,
  runScenario,
  type ScenarioRun,
  type ScenarioSecrets,
  SPOOFED_IP,
  sealScenarioSecrets,
} from './scenario';
import type { RunningApp } from './start-process';
import { RUNTIMES, type Runtime, startRuntime } from './start-runtime';

/** Status and error code of each step, as DESIGN.md §4 and §7 say. */
const CONTRACT: Record<string, { status: number; code?: string; attemptsLeft?: number }> = {
  create: { status: 201 },
  'create with passphrase': { status: 201 },
  'create without sign-in': { status: 401, code: 'unauthorized' },
  'create with malformed JSON': { status: 400, code: 'invalid_request' },
  'create with unknown field': { status: 400, code: 'invalid_request' },
  'create as text/plain': { status: 415, code: 'unsupported_media_type' },
  'create too large': { status: 413, code: 'payload_too_large' },
  meta: { status: 200 },
  'meta as creator': { status: 200 },
  'meta with passphrase': { status: 200 },
  'meta with wrong keyProof': { status: 404, code: 'not_available' },
  // The keyProof is checked before any other body rule: no readable proof, no answer.
  'reveal with malformed JSON': { status: 404, code: 'not_available' },
  'reveal with unknown field': { status: 400, code: 'invalid_request' },
  reveal: { status: 200 },
  'reveal again': { status: 404, code: 'not_available' },
  'reveal without passphrase proof': { status: 400, code: 'invalid_request' },
  'reveal with wrong passphrase': { status: 403, code: 'wrong_passphrase', attemptsLeft: 4 },
  'reveal with passphrase': { status: 200 },
  page: { status: 200 },
  'page HEAD': { status: 200 },
  'unknown route': { status: 404, code: 'not_available' },
  'wrong method': { status: 405, code: 'method_not_allowed' },
  history: { status: 200 },
  events: { status: 200 },
  'burn an opened secret': { status: 204 },
  'events without sign-in': { status: 401, code: 'unauthorized' },
};

const apps = new Map<Runtime, RunningApp>();
const runs = new Map<Runtime, Promise<ScenarioRun>>();
let secrets: ScenarioSecrets;

beforeAll(async () => {
  secrets = await sealScenarioSecrets();
  // Start all four at once: they boot in parallel, and every one is stopped in afterAll.
  const started = await Promise.allSettled(
    RUNTIMES.map(async (runtime) => apps.set(runtime, await startRuntime(runtime))),
  );
  const failures = started.flatMap((result) =>
    result.status === 'rejected' ? [result.reason] : [],
  );
  if (failures.length > 0) throw failures[0];
}, 120_000);

afterAll(async () => {
  await Promise.all([...apps.values()].map((app) => app.stop()));
});

/** The scenario's run on one runtime, run once however many tests read it. */
function runOn(runtime: Runtime): Promise<ScenarioRun> {
  let run = runs.get(runtime);
  if (run === undefined) {
    const app = apps.get(runtime);
    if (app === undefined) throw new Error(`${runtime} is not running`);
    run = runScenario(app.origin, secrets);
    runs.set(runtime, run);
  }
  return run;
}

/** The answer of one step. */
function answerOf(run: ScenarioRun, step: string): NormalisedAnswer {
  const answer = run.answers.find((a) => a.step === step);
  if (answer === undefined) throw new Error(`no answer for step ${step}`);
  return answer;
}

describe.each(RUNTIMES)('the handler on %s', (runtime) => {
  it('answers every step with the status and error code of the contract', async () => {
    const run = await runOn(runtime);
    const got = Object.fromEntries(
      run.answers.map((answer) => {
        const error = (answer.body as { error?: { code?: string; attemptsLeft?: number } } | null)
          ?.error;
        return [
          answer.step,
          {
            status: answer.status,
            ...(error?.code ? { code: error.code } : {}),
            ...(error?.attemptsLeft !== undefined ? { attemptsLeft: error.attemptsLeft } : {}),
          },
        ];
      }),
    );
    expect(got).toEqual(CONTRACT);
  });

  it('reveals what Node sealed, once, and the passphrase-protected one with its passphrase', async () => {
    const run = await runOn(runtime);
    expect(run.opened).toEqual({ plain: PLAIN_TEXT, protected: PROTECTED_TEXT });
    expect(answerOf(run, 'reveal').body).toEqual({ envelope: '<string>', remainingViews: 0 });
    expect(answerOf(run, 'meta with passphrase').body).toMatchObject({
      passphrase: true,
      kdf: { logN: 14, r: 8, p: 1 },
      attemptsLeft: 5,
      createdByYou: false,
    });
    expect(answerOf(run, 'meta as creator').body).toMatchObject({ createdByYou: true });
  });

  it("records the peer's address in the audit trail, never a forwarded one it cannot trust", async () => {
    const run = await runOn(runtime);
    expect(run.audit.map((event) => event.type)).toEqual(['created', 'opened', 'revealed']);
    for (const event of run.audit) expect(event.ip).toBe('127.0.0.1');
    expect(run.audit.some((event) => event.ip === SPOOFED_IP)).toBe(false);
  });

  it('sends the security headers of §7 on API answers and on the page', async () => {
    const run = await runOn(runtime);
    for (const answer of run.answers) {
      expect(answer.headerValues['cache-control'], answer.step).toBe('no-store');
      expect(answer.headerValues['x-content-type-options'], answer.step).toBe('nosniff');
    }
    for (const step of ['page', 'page HEAD']) {
      const page = answerOf(run, step).headerValues;
      expect(page['content-security-policy']).toBe(DEFAULT_PAGE_CSP);
      expect(page['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(page['content-security-policy']).not.toContain('unsafe-inline');
      expect(page['referrer-policy']).toBe('no-referrer');
      expect(page['x-robots-tag']).toContain('noindex');
      expect(page['content-type']).toBe('text/html; charset=utf-8');
    }
    expect(answerOf(run, 'wrong method').headerValues.allow).toBeDefined();
    expect(answerOf(run, 'reveal').headerNames).toEqual(
      expect.arrayContaining(['ratelimit', 'ratelimit-policy']),
    );
  });
});

describe('the Worker on workerd', () => {
  it("takes the client from CF-Connecting-IP, the header Cloudflare's edge sets", async () => {
    const origin = apps.get('workerd')?.origin ?? '';
    const keyProof = encodeBase64url(secrets.plain.keyProof);
    const created = await fetch(`${origin}/api/secrets`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TEST_TOKEN}`,
        'content-type': 'application/json',
        'cf-connecting-ip': 'not-an-ip',
      },
      body: JSON.stringify({ envelope: encodeBase64url(secrets.plain.envelope), keyProof }),
    });
    const { id } = (await created.json()) as { id: string };
    const revealed = await fetch(`${origin}/api/secrets/${id}/reveal`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'cf-connecting-ip': '2001:db8::7',
        'x-forwarded-for': SPOOFED_IP,
      },
      body: JSON.stringify({ keyProof }),
    });
    expect(revealed.status).toBe(200);
    const events = await fetch(`${origin}/api/secrets/${id}/events`, {
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
    const trail = ((await events.json()) as { events: { type: string; ip: string | null }[] })
      .events;
    expect(trail.map((event) => [event.type, event.ip])).toEqual([
      // A malformed address is no address: the client is `unknown`.
      ['created', null],
      ['revealed', '2001:db8::7'],
    ]);
  });
});

describe.each(RUNTIMES.filter((runtime) => runtime !== 'node'))(
  '%s compared with Node',
  (runtime) => {
    it('gives the same status, error code, headers and body shape for every step', async () => {
      const [node, other] = await Promise.all([runOn('node'), runOn(runtime)]);
      expect(differencesBetween('node', node.answers, runtime, other.answers)).toEqual([]);
    });
  },
);
