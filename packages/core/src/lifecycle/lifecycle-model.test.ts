import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SecretRecord } from '../store/types';
import { minimalRecord } from '../testing/record-fixtures';
import { effectiveStatus, isRevealable } from './availability';
import { transition } from './transition';
import type { LifecycleEvent } from './types';

const T0 = Date.UTC(2026, 0, 1);
const LIFETIME = 10_000;
const MAX_ATTEMPTS = 3;

/** The tiny reference model: only counters and one "destroyed" flag. */
interface Model {
  views: number;
  failed: number;
  destroyed: boolean;
}

type Step = { kind: 'event'; event: LifecycleEvent } | { kind: 'tick'; ms: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc
    .constantFrom<LifecycleEvent>(
      { type: 'reveal' },
      { type: 'passphrase_failed' },
      { type: 'burn', reason: 'creator' },
      { type: 'burn', reason: 'attempts' },
      { type: 'expire' },
    )
    .map((event) => ({ kind: 'event' as const, event })),
  fc.integer({ min: 1, max: 4_000 }).map((ms) => ({ kind: 'tick' as const, ms })),
);

describe('lifecycle against a reference model', () => {
  it('agrees with the model and keeps every invariant over random event sequences', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<number | null>(1, 2, 3, null),
        fc.boolean(),
        fc.array(stepArb, { maxLength: 40 }),
        (maxViews, withPassphrase, steps) => {
          let record: SecretRecord = minimalRecord({
            createdAt: T0,
            expiresAt: T0 + LIFETIME,
            maxViews,
            passphraseVerifier: withPassphrase ? new Uint8Array(32) : null,
          });
          const model: Model = { views: 0, failed: 0, destroyed: false };
          let now = T0;
          for (const step of steps) {
            if (step.kind === 'tick') {
              now += step.ms;
              continue;
            }
            const canReveal =
              !model.destroyed &&
              now < T0 + LIFETIME &&
              (maxViews === null || model.views < maxViews);
            const wasRevealable = isRevealable(record, now);
            const result = transition(record, step.event, now, {
              maxPassphraseAttempts: MAX_ATTEMPTS,
            });

            // The model decides what must succeed.
            const { type } = step.event;
            if (type === 'reveal' || type === 'burn') expect(result.ok).toBe(canReveal);
            if (type === 'passphrase_failed') expect(result.ok).toBe(canReveal && withPassphrase);
            if (type === 'expire' && now < T0 + LIFETIME) expect(result.ok).toBe(false);
            if (!result.ok) continue;

            // Burned or expired never reveals.
            if (type === 'reveal') expect(wasRevealable).toBe(true);
            expect(result.record.version).toBeGreaterThan(record.version);
            record = result.record;
            if (type === 'reveal') model.views++;
            if (type === 'passphrase_failed' && ++model.failed >= MAX_ATTEMPTS)
              model.destroyed = true;
            if (type === 'burn') model.destroyed = true;

            expect(record.views).toBe(model.views);
            expect(record.failedAttempts).toBe(model.failed);
            expect(record.status === 'burned').toBe(model.destroyed);
            if (maxViews !== null) expect(record.views).toBeLessThanOrEqual(maxViews);
            // Once nothing more can ever be revealed, the envelope is gone.
            const exhausted = maxViews !== null && record.views >= maxViews;
            if (
              record.status === 'burned' ||
              record.status === 'expired' ||
              exhausted ||
              type === 'expire'
            ) {
              expect(record.envelope).toBeNull();
            }
          }
          // Whatever happened, from expiry on nothing is revealable and nothing reads active.
          expect(isRevealable(record, T0 + LIFETIME)).toBe(false);
          expect(effectiveStatus(record, T0 + LIFETIME)).not.toBe('active');
        },
      ),
      { numRuns: 500 },
    );
  });
});
