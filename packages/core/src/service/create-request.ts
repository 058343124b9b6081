import { buildRequestLink, createRequestKeys, encodeBase64url } from '../crypto';
import { InvalidRequestError } from '../errors';
import { macRequest, verifier } from '../integrity';
import { resolveTtlSeconds } from '../lifecycle';
import type { RequestRecord } from '../store/types';
import { isProof, NO_CLIENT, type ServiceContext } from './context';
import { creationEvent, resolveCreator, resolveLabel } from './create-secret';
import { requestStoreOf } from './request-context';
import type {
  ClientInfo,
  CreatedRequest,
  CreateRequestInput,
  RegisterRequestInput,
  ServerCreatedRequest,
} from './types';

const ID_BYTES = 16;

/**
 * Stores a new request link (DESIGN.md §10): the verifier of `requestProof` (never the
 * proof, never `pk`), MACed, with its `request_created` event.
 * @throws {InvalidRequestError} for a field rule (proof not 32 bytes, TTL, label, creator).
 * @throws {StoreUnavailableError} when the store fails or has no request methods.
 */
export async function registerRequest(
  ctx: ServiceContext,
  input: RegisterRequestInput,
  client: ClientInfo,
): Promise<CreatedRequest> {
  if (!input || typeof input !== 'object') throw new InvalidRequestError('A request is required.');
  if (!isProof(input.requestProof)) {
    throw new InvalidRequestError('requestProof must be 32 bytes.', 'requestProof');
  }
  const ttlSeconds = resolveTtlSeconds(ctx.ttl, input.ttlSeconds);
  const label = resolveLabel(input.label);
  const createdBy = resolveCreator(input.createdBy);
  const store = requestStoreOf(ctx.store);
  const now = ctx.now();
  const keyId = ctx.keyring.current.id;
  const unsigned: RequestRecord = {
    id: encodeBase64url(ctx.randomBytes(ID_BYTES)),
    version: 1,
    status: 'open',
    createdAt: now,
    expiresAt: now + ttlSeconds * 1000,
    answeredAt: null,
    burnedAt: null,
    createdBy,
    label,
    requestProofVerifier: verifier(ctx.keyring, input.requestProof, keyId),
    answerSecretId: null,
    ephemeralKey: null,
    keyId,
    mac: new Uint8Array(0),
  };
  const record = { ...unsigned, mac: macRequest(unsigned, ctx.keyring) };
  await store.insertRequest(record, [
    creationEvent(ctx, record.id, 'request_created', now, client),
  ]);
  return { id: record.id, expiresAt: new Date(record.expiresAt) };
}

/**
 * Server-side request: makes the X25519 pair here, stores only the proof's verifier, and
 * hands `secretKey` and `publicKey` to the caller once (Hushlink keeps neither).
 * @throws {InvalidRequestError} | {StoreUnavailableError} as {@link registerRequest}.
 */
export async function createRequest(
  ctx: ServiceContext,
  input: CreateRequestInput,
  client: ClientInfo = NO_CLIENT,
): Promise<ServerCreatedRequest> {
  const { baseUrl, ...rest } = input ?? ({} as CreateRequestInput);
  const keys = createRequestKeys();
  try {
    const created = await registerRequest(
      ctx,
      { ...rest, requestProof: keys.requestProof },
      client,
    );
    return {
      ...created,
      secretKey: keys.secretKey,
      publicKey: keys.publicKey,
      link: baseUrl === undefined ? null : buildRequestLink(baseUrl, created.id, keys.publicKey),
    };
  } catch (error) {
    keys.secretKey.fill(0);
    throw error;
  }
}
