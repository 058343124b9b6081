import { InvalidRequestError, NotAvailableError, WrongPassphraseError } from '../errors';
import { equalBytes, verifier } from '../integrity';
import { isRevealable, remainingViews } from '../lifecycle';
import {
  commitTransition,
  contentionError,
  isProof,
  MAX_CAS_ROUNDS,
  persistExpiryIfDue,
  readForRecipient,
  type ServiceContext,
} from './context';
import type { ClientInfo, Revealed, RevealInput } from './types';

/**
 * Hands the envelope to a recipient who proved the link (and the passphrase, when set).
 *
 * The checks run in the order of DESIGN.md §7: integrity and keyProof (404), availability
 * (404; a hard expiry found here is persisted), passphrase proof present or absent as the
 * secret needs (400, counting nothing), the passphrase proof (403, counted atomically; the
 * last allowed failure burns). The view is counted with compare-and-set on the version that
 * was read: of concurrent callers exactly one wins each version, and the others re-read
 * and decide again, so a single-use secret is revealed once.
 * @throws {NotAvailableError} | {InvalidRequestError} | {WrongPassphraseError} | {StoreUnavailableError}
 */
export async function revealSecret(
  ctx: ServiceContext,
  id: string,
  input: RevealInput,
  client: ClientInfo,
): Promise<Revealed> {
  for (let round = 0; round < MAX_CAS_ROUNDS; round++) {
    const { record, envelopeDigest } = await readForRecipient(ctx, id, input?.keyProof, client);
    const now = ctx.now();
    if (!isRevealable(record, now)) {
      await persistExpiryIfDue(ctx, record, now);
      throw new NotAvailableError();
    }
    const passphraseProof = input.passphraseProof ?? null;
    if (record.passphraseVerifier !== null) {
      if (passphraseProof === null) {
        throw new InvalidRequestError('This secret needs a passphrase.', 'passphraseProof');
      }
      if (!isProof(passphraseProof)) {
        throw new InvalidRequestError('passphraseProof must be 32 bytes.', 'passphraseProof');
      }
      const expected = verifier(ctx.keyring, passphraseProof, record.keyId);
      if (!equalBytes(expected, record.passphraseVerifier)) {
        const outcome = await commitTransition(
          ctx,
          record,
          { type: 'passphrase_failed' },
          client,
          now,
          envelopeDigest,
        );
        if (outcome.status === 'conflict') continue;
        if (outcome.status === 'refused') throw new NotAvailableError();
        const left = outcome.events[0]?.detail?.attemptsLeft;
        throw new WrongPassphraseError(typeof left === 'number' ? left : 0);
      }
    } else if (passphraseProof !== null) {
      throw new InvalidRequestError('This secret has no passphrase.', 'passphraseProof');
    }
    const envelope = record.envelope;
    const outcome = await commitTransition(
      ctx,
      record,
      { type: 'reveal' },
      client,
      now,
      envelopeDigest,
    );
    if (outcome.status === 'conflict') continue;
    if (outcome.status === 'refused' || envelope === null) throw new NotAvailableError();
    return { envelope, remainingViews: remainingViews(outcome.record, now) };
  }
  throw contentionError();
}
