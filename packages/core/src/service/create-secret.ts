import { encodeBase64url, maxEnvelopeBytes, parseHeader } from '../crypto';
import { CryptoError, InvalidRequestError, PayloadTooLargeError } from '../errors';
import { macRecord, verifier } from '../integrity';
import { resolveMaxViews, resolveTtlSeconds } from '../lifecycle';
import { ipForStorage } from '../net';
import type { AuditEventInput, SecretRecord } from '../store/types';
import { isProof, type ServiceContext } from './context';
import type { ClientInfo, CreatedSecret, CreateSecretInput } from './types';

/** Labels are at most this many characters (Unicode code points). */
export const MAX_LABEL_CODE_POINTS = 200;
const ID_BYTES = 16;

/**
 * Stores a sealed envelope as a new secret (DESIGN.md §3, §7): validates the envelope
 * header and every field, stores verifiers (never the proofs), MACs the record and
 * appends `created`.
 * @throws {PayloadTooLargeError} when the envelope exceeds the configured cap.
 * @throws {InvalidRequestError} for a malformed envelope or a field rule.
 * @throws {StoreUnavailableError} when the store fails.
 */
export async function createSecret(
  ctx: ServiceContext,
  input: CreateSecretInput,
  client: ClientInfo,
): Promise<CreatedSecret> {
  const { record, events } = prepareSecret(ctx, input, client, null, ctx.now());
  await ctx.store.insert(record, events);
  return { id: record.id, expiresAt: new Date(record.expiresAt) };
}

/**
 * Checks a new secret and builds its MACed record and `created` event, writing nothing
 * (so a group can check every recipient before it stores any).
 * @throws {PayloadTooLargeError} | {InvalidRequestError} as {@link createSecret}.
 */
export function prepareSecret(
  ctx: ServiceContext,
  input: CreateSecretInput,
  client: ClientInfo,
  groupId: string | null,
  now: number,
): { record: SecretRecord; events: AuditEventInput[] } {
  if (!input || typeof input !== 'object') throw new InvalidRequestError('A secret is required.');
  const { envelope } = input;
  if (!(envelope instanceof Uint8Array))
    throw new InvalidRequestError('envelope must be bytes.', 'envelope');
  if (envelope.length > maxEnvelopeBytes(ctx.maxPlaintextBytes)) throw new PayloadTooLargeError();
  const header = parseEnvelopeHeader(envelope, ctx.maxPlaintextBytes);
  if (!isProof(input.keyProof))
    throw new InvalidRequestError('keyProof must be 32 bytes.', 'keyProof');
  const passphraseProof = input.passphraseProof ?? null;
  if (header.passphrase && passphraseProof === null) {
    throw new InvalidRequestError(
      'passphraseProof is required for a passphrase envelope.',
      'passphraseProof',
    );
  }
  if (!header.passphrase && passphraseProof !== null) {
    throw new InvalidRequestError(
      'passphraseProof is not allowed without a passphrase.',
      'passphraseProof',
    );
  }
  if (passphraseProof !== null && !isProof(passphraseProof)) {
    throw new InvalidRequestError('passphraseProof must be 32 bytes.', 'passphraseProof');
  }
  const ttlSeconds = resolveTtlSeconds(ctx.ttl, input.ttlSeconds);
  const maxViews = resolveMaxViews(input.maxViews);
  const label = resolveLabel(input.label);
  if (input.notify !== undefined && typeof input.notify !== 'boolean') {
    throw new InvalidRequestError('notify must be a boolean.', 'notify');
  }
  const createdBy = resolveCreator(input.createdBy);

  const keyId = ctx.keyring.current.id;
  const unsigned: SecretRecord = {
    id: encodeBase64url(ctx.randomBytes(ID_BYTES)),
    version: 1,
    status: 'active',
    createdAt: now,
    expiresAt: now + ttlSeconds * 1000,
    firstViewedAt: null,
    lastViewedAt: null,
    burnedAt: null,
    burnReason: null,
    createdBy,
    label,
    maxViews,
    views: 0,
    failedAttempts: 0,
    kdf: header.kdf,
    salt: header.salt,
    keyProofVerifier: verifier(ctx.keyring, input.keyProof, keyId),
    passphraseVerifier: passphraseProof && verifier(ctx.keyring, passphraseProof, keyId),
    envelope: Uint8Array.from(envelope),
    notify: input.notify ?? false,
    groupId,
    requestId: null,
    ephemeralKey: null,
    keyId,
    mac: new Uint8Array(0),
  };
  const record = { ...unsigned, mac: macRecord(unsigned, ctx.keyring) };
  return { record, events: [creationEvent(ctx, record.id, 'created', now, client)] };
}

/**
 * The creator's user id as given.
 * @throws {InvalidRequestError} unless it is non-empty text.
 */
export function resolveCreator(createdBy: unknown): string {
  if (typeof createdBy !== 'string' || createdBy.length === 0) {
    throw new InvalidRequestError('createdBy must be the creator’s user id.', 'createdBy');
  }
  return createdBy;
}

/** The event that records a creation, with the creating client's stored IP and user agent. */
export function creationEvent(
  ctx: ServiceContext,
  subjectId: string,
  type: 'created' | 'request_created',
  at: number,
  client: ClientInfo | undefined,
): AuditEventInput {
  return {
    subjectId,
    type,
    at,
    ip: ipForStorage(client?.ip ?? null, ctx.ipStorage),
    userAgent: client?.userAgent ?? null,
    detail: null,
  };
}

/** A label of at most 200 code points; missing or empty is null. */
export function resolveLabel(label: string | null | undefined): string | null {
  if (label === undefined || label === null || label === '') return null;
  if (typeof label !== 'string' || [...label].length > MAX_LABEL_CODE_POINTS) {
    throw new InvalidRequestError(
      `label must be text of at most ${MAX_LABEL_CODE_POINTS} characters.`,
      'label',
    );
  }
  return label;
}

/**
 * The envelope's header under the service's rules.
 * @throws {PayloadTooLargeError} past the plaintext cap; {InvalidRequestError} for a malformed header.
 */
export function parseEnvelopeHeader(envelope: Uint8Array, maxPlaintextBytes: number) {
  try {
    return parseHeader(envelope, { maxPlaintextBytes });
  } catch (error) {
    if (error instanceof CryptoError && error.code === 'plaintext_too_large')
      throw new PayloadTooLargeError();
    const reason = error instanceof CryptoError ? error.message : 'The envelope is malformed.';
    throw new InvalidRequestError(reason, 'envelope');
  }
}
