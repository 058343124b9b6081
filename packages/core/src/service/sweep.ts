import { verifyRecord, verifyRequest } from '../integrity';
import { commitTransition, NO_CLIENT, type ServiceContext } from './context';
import { commitRequestTransition, supportsRequests } from './request-context';
import type { SweepResult } from './types';

/** Records handled per store round trip. */
export const SWEEP_BATCH = 100;
/** Batches per sweep and per kind (secrets, requests); the rest waits for the next sweep. */
const MAX_BATCHES = 100;

/**
 * Persists what time already decided, then purges what retention let go:
 * - each secret past `expiresAt` that is still `active` or still holds an envelope gets
 *   the `expired` status and event (never-opened ones, `at = expiresAt`, ip null) and its
 *   envelope deleted;
 * - each request link still `open` past `expiresAt` becomes `expired`, with its `expired`
 *   event (`at = expiresAt`, ip null), so the creator's trail and webhooks do not wait for
 *   a customer to come back;
 * - a record or request whose MAC fails is burned for integrity instead;
 * - records and requests past metadata retention are deleted, with their events.
 * Every change is a compare-and-set, so a sweep racing another sweep or a reveal writes
 * each transition once. Idempotent: a second sweep at the same time changes nothing.
 * A store without `listRequestsDueForSweep` (written before it) only has its secrets swept;
 * its requests still read `expired` on time.
 * @throws {StoreUnavailableError} when the store fails.
 */
export async function sweep(ctx: ServiceContext): Promise<SweepResult> {
  const now = ctx.now();
  const secrets = await inBatches(
    (limit) => ctx.store.listDueForSweep(now, limit),
    async (record) => {
      const event = verifyRecord(record, ctx.keyring)
        ? ({ type: 'expire' } as const)
        : ({ type: 'burn', reason: 'integrity' } as const);
      return (await commitTransition(ctx, record, event, NO_CLIENT, now)).status === 'committed';
    },
  );
  const requests = await sweepRequests(ctx, now);
  const purged = await ctx.store.purgeExpiredBefore(now - ctx.retentionMs);
  return { swept: secrets + requests, purged };
}

/** Persists the expiry of open requests past `expiresAt`. Returns how many changed. */
async function sweepRequests(ctx: ServiceContext, now: number): Promise<number> {
  const { listRequestsDueForSweep } = ctx.store;
  if (!listRequestsDueForSweep || !supportsRequests(ctx.store)) return 0;
  return inBatches(
    (limit) => listRequestsDueForSweep.call(ctx.store, now, limit),
    async (request) => {
      const event = verifyRequest(request, ctx.keyring)
        ? ({ type: 'expire' } as const)
        : ({ type: 'burn', reason: 'integrity' } as const);
      const outcome = await commitRequestTransition(ctx, request, event, NO_CLIENT, now);
      return outcome.status === 'committed';
    },
  );
}

/**
 * Lists due items a batch at a time and settles each (true when it changed something).
 * A short batch was the last; a batch where nothing changed would only repeat itself
 * (another process is sweeping the same rows, or a store keeps listing settled ones).
 * Returns how many items changed.
 */
async function inBatches<T>(
  listDue: (limit: number) => Promise<T[]>,
  settle: (item: T) => Promise<boolean>,
): Promise<number> {
  let changed = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const due = await listDue(SWEEP_BATCH);
    let changedInBatch = 0;
    for (const item of due) if (await settle(item)) changedInBatch++;
    changed += changedInBatch;
    if (due.length < SWEEP_BATCH || changedInBatch === 0) break;
  }
  return changed;
}
