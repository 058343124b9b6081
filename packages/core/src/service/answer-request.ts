import { isUsableRequestPublicKey, maxEnvelopeBytes } from '../crypto';
import { InvalidRequestError, NotAvailableError, PayloadTooLargeError } from '../errors';
import { macRecord, macRequest } from '../integrity';
import { isAnswerable, transitionRequest } from '../lifecycle';
import type { SecretRecord } from '../store/types';
import { contentionError, isProof, MAX_CAS_ROUNDS, type ServiceContext } from './context';
import { parseEnvelopeHeader, prepareSecret } from './create-secret';
import {
  eventsOf,
  persistRequestExpiryIfDue,
  readForCustomer,
  requestStoreOf,
} from './request-context';
import type { AnswerRequestInput, ClientInfo, RequestMeta } from './types';

/** An answer lives at least this long, whatever is left of its request (DESIGN.md §10). */
export const MIN_ANSWER_LIFETIME_MS = 3_600_000;

/**
 * The customer's page before sending: the request's label and expiry. Consumes and
 * records nothing.
 * @throws {NotAvailableError} for a missing, malformed or wrong `requestProof`, and an
 *   unknown, tampered, expired, answered or burned request (one answer for all).
 */
export async function readRequestMeta(
  ctx: ServiceContext,
  id: string,
  requestProof: Uint8Array,
  client: ClientInfo,
): Promise<RequestMeta> {
  const record = await readForCustomer(ctx, id, requestProof, client);
  const now = ctx.now();
  if (!isAnswerable(record, now)) {
    await persistRequestExpiryIfDue(ctx, record, now);
    throw new NotAvailableError();
  }
  return { label: record.label, expiresAt: new Date(record.expiresAt) };
}

/**
 * Accepts a customer's answer (DESIGN.md §10). Checks in the contract's order: the
 * `requestProof`'s shape (404), the body's rules (400: an envelope with the passphrase
 * flag, a malformed envelope or `keyProof`, an `ephemeralKey` that is not 32 bytes or is
 * a low-order point), then the request (404 unless sound, the proof right, open and not
 * expired). The answer becomes a single-use secret owned by the request's creator, with
 * `requestId` and `ephemeralKey` set, expiring at max(request's expiry, now + 1 hour); the
 * request moves to `answered` in the same store transaction, so of concurrent answers
 * exactly one is accepted and no other leaves a secret behind.
 * @throws {NotAvailableError} | {InvalidRequestError} | {PayloadTooLargeError} | {StoreUnavailableError}
 */
export async function answerRequest(
  ctx: ServiceContext,
  id: string,
  input: AnswerRequestInput,
  client: ClientInfo,
): Promise<void> {
  if (!input || typeof input !== 'object' || !isProof(input.requestProof)) {
    throw new NotAvailableError();
  }
  checkAnswerFields(ctx, input);
  const store = requestStoreOf(ctx.store);
  for (let round = 0; round < MAX_CAS_ROUNDS; round++) {
    const request = await readForCustomer(ctx, id, input.requestProof, client);
    const now = ctx.now();
    if (!isAnswerable(request, now)) {
      await persistRequestExpiryIfDue(ctx, request, now);
      throw new NotAvailableError();
    }
    const prepared = prepareSecret(
      ctx,
      {
        envelope: input.envelope,
        keyProof: input.keyProof,
        passphraseProof: null,
        maxViews: 1,
        label: request.label,
        createdBy: request.createdBy,
      },
      client,
      null,
      now,
    );
    const unsigned: SecretRecord = {
      ...prepared.record,
      expiresAt: Math.max(request.expiresAt, now + MIN_ANSWER_LIFETIME_MS),
      requestId: request.id,
      ephemeralKey: Uint8Array.from(input.ephemeralKey),
    };
    const secret = { ...unsigned, mac: macRecord(unsigned, ctx.keyring) };
    const moved = transitionRequest(
      request,
      { type: 'answer', answerSecretId: secret.id, ephemeralKey: input.ephemeralKey },
      now,
    );
    if (!moved.ok) throw new NotAvailableError();
    const nextRequest = { ...moved.record, mac: macRequest(moved.record, ctx.keyring) };
    const events = [...eventsOf(ctx, request.id, moved.effects, client), ...prepared.events];
    const won = await store.answerRequest(request.id, request.version, nextRequest, secret, events);
    if (won) return;
    // Someone moved the request first (another answer, a burn): read again and decide.
  }
  throw contentionError();
}

/** The body rules of an answer (400, 413 for size), checked before the request is read. */
function checkAnswerFields(ctx: ServiceContext, input: AnswerRequestInput): void {
  const { envelope } = input;
  if (!(envelope instanceof Uint8Array)) {
    throw new InvalidRequestError('envelope must be bytes.', 'envelope');
  }
  if (envelope.length > maxEnvelopeBytes(ctx.maxPlaintextBytes)) throw new PayloadTooLargeError();
  // Only the creator's sk may open an answer: a passphrase would lock the creator out.
  if (parseEnvelopeHeader(envelope, ctx.maxPlaintextBytes).passphrase) {
    throw new InvalidRequestError('An answer must not have a passphrase.', 'envelope');
  }
  if (!isProof(input.keyProof)) {
    throw new InvalidRequestError('keyProof must be 32 bytes.', 'keyProof');
  }
  if (!isUsableRequestPublicKey(input.ephemeralKey)) {
    throw new InvalidRequestError(
      'ephemeralKey must be a 32-byte X25519 public key that is not a low-order point.',
      'ephemeralKey',
    );
  }
}
