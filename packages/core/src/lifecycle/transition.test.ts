import { describe, expect, it } from 'vitest';
import type { SecretRecord } from '../store/types';
import { minimalRecord } from '../testing/record-fixtures';
import { remainingViews } from './availability';
import { transition } from './transition';
import type { LifecycleEvent } from './types';

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const POLICY = { maxPassphraseAttempts: 5 };
const BEFORE = T0 + HOUR;
const AFTER = T0 + 24 * HOUR; // exactly expiresAt: expiry is hard from this instant

type State = 'active' | 'viewed' | 'expired' | 'burned';
type Kind = 'single' | 'three' | 'unlimited';

const MAX_VIEWS: Record<Kind, number | null> = { single: 1, three: 3, unlimited: null };

/** A consistent stored record in `state` for a secret of `kind`, with a passphrase. */
function recordIn(state: State, kind: Kind): SecretRecord {
  const maxViews = MAX_VIEWS[kind];
  const base = minimalRecord({
    createdAt: T0,
    expiresAt: T0 + 24 * HOUR,
    maxViews,
    passphraseVerifier: new Uint8Array(32).fill(9),
    kdf: { logN: 15, r: 8, p: 1 },
  });
  switch (state) {
    case 'active':
      return base;
    case 'viewed':
      return {
        ...base,
        version: 2,
        status: 'viewed',
        views: 1,
        firstViewedAt: T0 + 1,
        lastViewedAt: T0 + 1,
        envelope: maxViews === 1 ? null : base.envelope,
      };
    case 'expired':
      return { ...base, version: 2, status: 'expired', envelope: null };
    case 'burned':
      return {
        ...base,
        version: 2,
        status: 'burned',
        burnedAt: T0 + 1,
        burnReason: 'creator',
        envelope: null,
      };
  }
}

const EVENTS: Array<[string, LifecycleEvent]> = [
  ['reveal', { type: 'reveal' }],
  ['passphrase_failed', { type: 'passphrase_failed' }],
  ['burn creator', { type: 'burn', reason: 'creator' }],
  ['burn attempts', { type: 'burn', reason: 'attempts' }],
  ['burn integrity', { type: 'burn', reason: 'integrity' }],
  ['expire', { type: 'expire' }],
];

const NR = 'not_revealable';
const NE = 'not_expired';
const NX = 'nothing_to_expire';

// Every (state, kind, time) × event, with the expected outcome: 'ok' or the refusal.
// Columns: reveal, passphrase_failed, burn creator, burn attempts, burn integrity, expire.
const TABLE: Array<[State, Kind, 'before' | 'after', ...string[]]> = [
  ['active', 'single', 'before', 'ok', 'ok', 'ok', 'ok', 'ok', NE],
  ['active', 'three', 'before', 'ok', 'ok', 'ok', 'ok', 'ok', NE],
  ['active', 'unlimited', 'before', 'ok', 'ok', 'ok', 'ok', 'ok', NE],
  ['active', 'single', 'after', NR, NR, NR, NR, 'ok', 'ok'],
  ['active', 'three', 'after', NR, NR, NR, NR, 'ok', 'ok'],
  ['active', 'unlimited', 'after', NR, NR, NR, NR, 'ok', 'ok'],
  ['viewed', 'single', 'before', NR, NR, NR, NR, 'ok', NE],
  ['viewed', 'three', 'before', 'ok', 'ok', 'ok', 'ok', 'ok', NE],
  ['viewed', 'unlimited', 'before', 'ok', 'ok', 'ok', 'ok', 'ok', NE],
  ['viewed', 'single', 'after', NR, NR, NR, NR, 'ok', NX],
  ['viewed', 'three', 'after', NR, NR, NR, NR, 'ok', 'ok'],
  ['viewed', 'unlimited', 'after', NR, NR, NR, NR, 'ok', 'ok'],
  ['expired', 'single', 'before', NR, NR, NR, NR, 'ok', NE],
  ['expired', 'three', 'before', NR, NR, NR, NR, 'ok', NE],
  ['expired', 'unlimited', 'before', NR, NR, NR, NR, 'ok', NE],
  ['expired', 'single', 'after', NR, NR, NR, NR, 'ok', NX],
  ['expired', 'three', 'after', NR, NR, NR, NR, 'ok', NX],
  ['expired', 'unlimited', 'after', NR, NR, NR, NR, 'ok', NX],
  ['burned', 'single', 'before', NR, NR, NR, NR, 'ok', NE],
  ['burned', 'three', 'before', NR, NR, NR, NR, 'ok', NE],
  ['burned', 'unlimited', 'before', NR, NR, NR, NR, 'ok', NE],
  ['burned', 'single', 'after', NR, NR, NR, NR, 'ok', NX],
  ['burned', 'three', 'after', NR, NR, NR, NR, 'ok', NX],
  ['burned', 'unlimited', 'after', NR, NR, NR, NR, 'ok', NX],
];

describe('transition: every state × event', () => {
  const cases = TABLE.flatMap(([state, kind, time, ...outcomes]) =>
    EVENTS.map(([name, event], i) => ({ state, kind, time, name, event, expected: outcomes[i] })),
  );

  it.each(cases)(
    '$state $kind $time expiry: $name → $expected',
    ({ state, kind, time, event, expected }) => {
      const record = recordIn(state, kind);
      const now = time === 'before' ? BEFORE : AFTER;
      const result = transition(record, event, now, POLICY);
      if (expected !== 'ok') {
        expect(result).toEqual({ ok: false, refusal: expected });
        return;
      }
      if (!result.ok) throw new Error(`refused: ${result.refusal}`);
      const next = result.record;
      expect(next.version).toBe(record.version + 1);
      // Only an event that keeps the secret revealable may keep the envelope.
      if (remainingViews(next, now) === 0) expect(next.envelope).toBeNull();
      if (event.type === 'burn') {
        expect(next).toMatchObject({
          status: 'burned',
          burnReason: event.reason,
          burnedAt: now,
          envelope: null,
        });
      }
      if (event.type === 'reveal') {
        expect(next).toMatchObject({
          status: 'viewed',
          views: record.views + 1,
          lastViewedAt: now,
        });
      }
      if (event.type === 'passphrase_failed')
        expect(next.failedAttempts).toBe(record.failedAttempts + 1);
      if (event.type === 'expire') {
        expect(next.envelope).toBeNull();
        expect(next.status).toBe(state === 'active' ? 'expired' : state);
      }
    },
  );
});

describe('transition: effects and details', () => {
  it('counts a single-use reveal and deletes the envelope in the same step', () => {
    const result = transition(recordIn('active', 'single'), { type: 'reveal' }, BEFORE, POLICY);
    expect(result).toMatchObject({
      ok: true,
      record: { status: 'viewed', views: 1, firstViewedAt: BEFORE, envelope: null },
      effects: [
        { type: 'revealed', at: BEFORE, detail: { views: 1, remainingViews: 0 }, fromClient: true },
      ],
    });
  });

  it('keeps a reusable secret’s envelope until the Nth view and its first view time', () => {
    const viewed = recordIn('viewed', 'three');
    const second = transition(viewed, { type: 'reveal' }, BEFORE, POLICY);
    if (!second.ok) throw new Error('refused');
    expect(second.record).toMatchObject({ views: 2, firstViewedAt: T0 + 1, lastViewedAt: BEFORE });
    expect(second.record.envelope).not.toBeNull();
    expect(second.effects[0]?.detail).toEqual({ views: 2, remainingViews: 1 });
    const third = transition(second.record, { type: 'reveal' }, BEFORE + 1, POLICY);
    if (!third.ok) throw new Error('refused');
    expect(third.record.envelope).toBeNull();
    expect(third.effects[0]?.detail).toEqual({ views: 3, remainingViews: 0 });
  });

  it('reports remainingViews null for an unlimited secret', () => {
    const result = transition(recordIn('active', 'unlimited'), { type: 'reveal' }, BEFORE, POLICY);
    expect(result.ok && result.effects[0]?.detail).toEqual({ views: 1, remainingViews: null });
  });

  it('counts wrong passphrases down 4, 3, 2, 1, then 0 burns with reason attempts', () => {
    let record = recordIn('active', 'single');
    const left: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      const result = transition(record, { type: 'passphrase_failed' }, BEFORE, POLICY);
      if (!result.ok) throw new Error('refused');
      left.push(result.effects[0]?.detail?.attemptsLeft);
      record = result.record;
      if (i < 4) expect(result.effects).toHaveLength(1);
      else {
        expect(result.effects.map((e) => [e.type, e.detail])).toEqual([
          ['passphrase_failed', { attemptsLeft: 0 }],
          ['burned', { reason: 'attempts' }],
        ]);
      }
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    expect(record).toMatchObject({
      status: 'burned',
      burnReason: 'attempts',
      failedAttempts: 5,
      envelope: null,
    });
    expect(transition(record, { type: 'passphrase_failed' }, BEFORE, POLICY)).toEqual({
      ok: false,
      refusal: 'not_revealable',
    });
  });

  it('refuses passphrase_failed on a secret without a passphrase', () => {
    const record = minimalRecord({ expiresAt: AFTER });
    expect(transition(record, { type: 'passphrase_failed' }, BEFORE, POLICY)).toEqual({
      ok: false,
      refusal: 'no_passphrase',
    });
  });

  it('audits an integrity burn as integrity_failed then burned, from any state', () => {
    const result = transition(
      recordIn('viewed', 'single'),
      { type: 'burn', reason: 'integrity' },
      BEFORE,
      POLICY,
    );
    expect(result.ok && result.effects.map((e) => [e.type, e.detail])).toEqual([
      ['integrity_failed', null],
      ['burned', { reason: 'integrity' }],
    ]);
  });

  it('dates an expiry at expiresAt with no client, whenever it is persisted', () => {
    const result = transition(
      recordIn('active', 'single'),
      { type: 'expire' },
      AFTER + 5 * HOUR,
      POLICY,
    );
    expect(result.ok && result.effects).toEqual([
      { type: 'expired', at: T0 + 24 * HOUR, detail: null, fromClient: false },
    ]);
  });

  it('does not change the record it was given', () => {
    const record = recordIn('active', 'single');
    const copy = structuredClone(record);
    transition(record, { type: 'reveal' }, BEFORE, POLICY);
    transition(record, { type: 'burn', reason: 'creator' }, BEFORE, POLICY);
    expect(record).toEqual(copy);
  });
});
