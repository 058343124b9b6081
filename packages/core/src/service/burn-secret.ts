import { verifyRecord } from '../integrity';
import { burnByCreator } from './burn-by-creator';
import { commitTransition, persistExpiryIfDue, type ServiceContext } from './context';
import type { ClientInfo } from './types';

/**
 * The creator destroys a secret (reason `creator`) that can still be revealed, deleting its
 * envelope. On one that cannot (viewed to the end, expired, burned) nothing visible changes
 * (a due expiry is persisted). A tampered record is burned for integrity.
 * @throws {NotAvailableError} for a missing id or another creator's secret (ids cannot be probed).
 * @throws {StoreUnavailableError} when the store fails.
 */
export function burnSecret(
  ctx: ServiceContext,
  id: string,
  createdBy: string,
  client: ClientInfo,
): Promise<void> {
  return burnByCreator(ctx, createdBy, {
    read: () => ctx.store.get(id),
    sound: (record) => verifyRecord(record, ctx.keyring),
    burn: (record, reason, now) =>
      commitTransition(ctx, record, { type: 'burn', reason }, client, now),
    persistExpiryIfDue: (record, now) => persistExpiryIfDue(ctx, record, now),
  });
}
