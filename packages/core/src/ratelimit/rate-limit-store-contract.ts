/**
 * The behaviour every `RateLimitStore` must have (DESIGN.md §6, store/types.ts), as a
 * vitest suite that each store's own test file runs:
 *
 * ```ts
 * runRateLimitStoreContract('sqlite', async () => {
 *   const db = await openTestDatabase();
 *   return { store: createSqliteRateLimitStore(db), cleanup: () => db.destroy() };
 * });
 * ```
 *
 * A fresh store is made for every test and `cleanup` runs after it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RateLimitStore } from '../store/types';

/** One second per request, five in a burst: `limit` = 5. */
const INTERVAL = 1_000;
const WINDOW = 5 * INTERVAL;
const LIMIT = WINDOW / INTERVAL;
const T0 = 1_700_000_000_000;
/** Keys as the limiter writes them: colons and slashes must survive any storage. */
const KEY = 'recipient:2001:db8:1:2::/64';
const OTHER_KEY = 'recipient:203.0.113.7';

/**
 * Registers the RateLimitStore contract suite under `describe(name)`.
 *
 * @param make creates an empty store for one test, with an optional cleanup.
 */
export function runRateLimitStoreContract(
  name: string,
  make: () => Promise<{ store: RateLimitStore; cleanup?: () => Promise<void> }>,
): void {
  describe(`RateLimitStore contract: ${name}`, () => {
    let store: RateLimitStore;
    let cleanup: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      ({ store, cleanup } = await make());
    });
    afterEach(async () => {
      await cleanup?.();
    });

    async function burst(key: string, count: number, now: number): Promise<boolean[]> {
      const results: boolean[] = [];
      for (let i = 0; i < count; i++)
        results.push((await store.hit(key, now, INTERVAL, WINDOW)).allowed);
      return results;
    }

    it('allows exactly `limit` hits at one instant, then refuses', async () => {
      expect(await burst(KEY, LIMIT + 2, T0)).toEqual([true, true, true, true, true, false, false]);
    });

    it('returns the stored tat when allowed and the tat it would have stored when refused', async () => {
      const tats: number[] = [];
      for (let i = 0; i < LIMIT + 1; i++)
        tats.push((await store.hit(KEY, T0, INTERVAL, WINDOW)).tat);
      expect(tats).toEqual([1, 2, 3, 4, 5, 6].map((n) => T0 + n * INTERVAL));
    });

    it('refills one hit per interval after a burst', async () => {
      await burst(KEY, LIMIT, T0);
      expect(await burst(KEY, 2, T0 + INTERVAL)).toEqual([true, false]);
      expect(await burst(KEY, 3, T0 + 3 * INTERVAL)).toEqual([true, true, false]);
    });

    it('is full again after a whole window of silence', async () => {
      await burst(KEY, LIMIT, T0);
      const later = T0 + 10 * WINDOW;
      expect(await store.hit(KEY, later, INTERVAL, WINDOW)).toEqual({
        allowed: true,
        tat: later + INTERVAL,
      });
    });

    it('keeps keys independent', async () => {
      await burst(KEY, LIMIT + 1, T0);
      expect(await burst(OTHER_KEY, LIMIT, T0)).toEqual([true, true, true, true, true]);
      expect((await store.hit('create:203.0.113.7', T0, INTERVAL, WINDOW)).allowed).toBe(true);
    });

    it('does not spend anything on refused hits', async () => {
      await burst(KEY, LIMIT, T0);
      for (let i = 0; i < 20; i++) {
        expect(await store.hit(KEY, T0 + i, INTERVAL, WINDOW)).toEqual({
          allowed: false,
          tat: T0 + (LIMIT + 1) * INTERVAL,
        });
      }
      expect((await store.hit(KEY, T0 + INTERVAL, INTERVAL, WINDOW)).allowed).toBe(true);
    });

    it('measures from the stored tat when a clock runs behind (max(stored, now))', async () => {
      await store.hit(KEY, T0 + 2 * INTERVAL, INTERVAL, WINDOW);
      expect(await store.hit(KEY, T0, INTERVAL, WINDOW)).toEqual({
        allowed: true,
        tat: T0 + 4 * INTERVAL,
      });
    });

    it('allows exactly `limit` of 200 concurrent hits on one key, each at its own tat', async () => {
      const limit = 50;
      const hits = await Promise.all(
        Array.from({ length: 200 }, () => store.hit(KEY, T0, INTERVAL, limit * INTERVAL)),
      );
      const allowedTats = hits
        .filter((hit) => hit.allowed)
        .map((hit) => hit.tat)
        .sort((a, b) => a - b);
      expect(allowedTats).toEqual(Array.from({ length: limit }, (_, i) => T0 + (i + 1) * INTERVAL));
    });

    it('prunes buckets that are full again and keeps the others', async () => {
      await store.hit(KEY, T0, INTERVAL, WINDOW); // tat T0 + 1 s
      await burst(OTHER_KEY, 3, T0); // tat T0 + 3 s
      // prune is optional; a store without it must still behave as above.
      if (store.prune) expect(await store.prune(T0 + 2 * INTERVAL)).toBe(1);
      expect(await store.hit(OTHER_KEY, T0 + 2 * INTERVAL, INTERVAL, WINDOW)).toEqual({
        allowed: true,
        tat: T0 + 4 * INTERVAL,
      });
      expect(await store.hit(KEY, T0 + 2 * INTERVAL, INTERVAL, WINDOW)).toEqual({
        allowed: true,
        tat: T0 + 3 * INTERVAL,
      });
    });
  });
}
