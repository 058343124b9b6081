import { verifyRecord } from '../integrity';
import { commitTransition, NO_CLIENT, type ServiceContext } from './context';
import type { SweepResult } from './types';

/** Records handled per store round trip. */
export const SWEEP_BATCH = 100;
/** Batches per sweep; the rest waits for the next sweep. */
const MAX_BATCHES = 100;

/**
 * Persists what time already decided: for each record past `expiresAt` that is still
 * `active` or still holds an envelope, the `expired` status and event (never-opened ones,
 * `at = expiresAt`, ip null) and the envelope's deletion; a record whose MAC fails is
 * burned for integrity instead. Then purges records past metadata retention, with their
 * events. Idempotent: a second sweep at the same time changes nothing.
 * @throws {StoreUnavailableError} when the store fails.
 */
export async function sweep(ctx: ServiceContext): Promise<SweepResult> {
  const now = ctx.now();
  let swept = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const due = await ctx.store.listDueForSweep(now, SWEEP_BATCH);
    let changed = 0;
    for (const record of due) {
      const event = verifyRecord(record, ctx.keyring)
        ? ({ type: 'expire' } as const)
        : ({ type: 'burn', reason: 'integrity' } as const);
      const outcome = await commitTransition(ctx, record, event, NO_CLIENT, now);
      if (outcome.status === 'committed') changed++;
    }
    swept += changed;
    // A short batch was the last; a batch where nothing changed would only repeat itself.
    if (due.length < SWEEP_BATCH || changed === 0) break;
  }
  const purged = await ctx.store.purgeExpiredBefore(now - ctx.retentionMs);
  return { swept, purged };
}
