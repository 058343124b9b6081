import { NotAvailableError } from '../errors';
import { contentionError, MAX_CAS_ROUNDS, type ServiceContext } from './context';

/** How a creator's burn reads, checks and moves one kind of record (a secret, a request). */
export interface BurnSubject<R extends { createdBy: string }> {
  /** The record as stored, or null when there is none. */
  read(): Promise<R | null>;
  /** Whether the record's MAC holds. */
  sound(record: R): boolean;
  /** Persists the burn with compare-and-set on the version read. */
  burn(
    record: R,
    reason: 'integrity' | 'creator',
    now: number,
  ): Promise<{ status: 'committed' | 'refused' | 'conflict' }>;
  /** Persists a hard expiry the refused burn noticed (nothing to do before `expiresAt`). */
  persistExpiryIfDue(record: R, now: number): Promise<void>;
  /** Runs before the creator's burn of a sound record (a request burns its answer first). */
  beforeBurn?(record: R): Promise<void>;
}

/**
 * The creator's burn: a sound record of theirs is burned (reason `creator`) if it still can
 * be, else a due expiry is persisted; a tampered record is burned for integrity whoever asks.
 * A lost compare-and-set re-reads and decides again.
 * @throws {NotAvailableError} for a missing record or another creator's.
 * @throws {StoreUnavailableError} when the store fails or keeps losing races.
 */
export async function burnByCreator<R extends { createdBy: string }>(
  ctx: ServiceContext,
  createdBy: string,
  subject: BurnSubject<R>,
): Promise<void> {
  for (let round = 0; round < MAX_CAS_ROUNDS; round++) {
    const record = await subject.read();
    if (!record) throw new NotAvailableError();
    const now = ctx.now();
    if (!subject.sound(record)) {
      const outcome = await subject.burn(record, 'integrity', now);
      if (outcome.status === 'conflict') continue;
      if (record.createdBy !== createdBy) throw new NotAvailableError();
      return;
    }
    if (record.createdBy !== createdBy) throw new NotAvailableError();
    await subject.beforeBurn?.(record);
    const outcome = await subject.burn(record, 'creator', now);
    if (outcome.status === 'conflict') continue;
    if (outcome.status === 'refused') await subject.persistExpiryIfDue(record, now);
    return;
  }
  throw contentionError();
}
