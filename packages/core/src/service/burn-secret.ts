import { NotAvailableError } from '../errors';
import { verifyRecord } from '../integrity';
import {
  commitTransition,
  contentionError,
  MAX_CAS_ROUNDS,
  persistExpiryIfDue,
  type ServiceContext,
} from './context';
import type { ClientInfo } from './types';

/**
 * The creator destroys a secret (reason `creator`) that can still be revealed, deleting its
 * envelope. On one that cannot (viewed to the end, expired, burned) nothing visible changes
 * (a due expiry is persisted). A tampered record is burned for integrity.
 * @throws {NotAvailableError} for a missing id or another creator's secret (ids cannot be probed).
 * @throws {StoreUnavailableError} when the store fails.
 */
export async function burnSecret(
  ctx: ServiceContext,
  id: string,
  createdBy: string,
  client: ClientInfo,
): Promise<void> {
  for (let round = 0; round < MAX_CAS_ROUNDS; round++) {
    const record = await ctx.store.get(id);
    if (!record) throw new NotAvailableError();
    const now = ctx.now();
    if (!verifyRecord(record, ctx.keyring)) {
      const outcome = await commitTransition(
        ctx,
        record,
        { type: 'burn', reason: 'integrity' },
        client,
        now,
      );
      if (outcome.status === 'conflict') continue;
      if (record.createdBy !== createdBy) throw new NotAvailableError();
      return;
    }
    if (record.createdBy !== createdBy) throw new NotAvailableError();
    const outcome = await commitTransition(
      ctx,
      record,
      { type: 'burn', reason: 'creator' },
      client,
      now,
    );
    if (outcome.status === 'conflict') continue;
    if (outcome.status === 'refused') await persistExpiryIfDue(ctx, record, now);
    return;
  }
  throw contentionError();
}
