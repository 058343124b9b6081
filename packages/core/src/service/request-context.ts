import { NotAvailableError, StoreUnavailableError } from '../errors';
import { equalBytes, macRequest, verifier, verifyRequest } from '../integrity';
import { type RequestEvent, transitionRequest } from '../lifecycle';
import { ipForStorage } from '../net';
import type { AuditEventInput, RequestRecord, RequestStore, SecretStore } from '../store/types';
import { isProof, NO_CLIENT, type ServiceContext } from './context';
import type { ClientInfo } from './types';

/** Names every request method, to tell a store that has them all. */
const REQUEST_METHODS = [
  'insertRequest',
  'getRequest',
  'compareAndSetRequest',
  'listRequestsByCreator',
  'answerRequest',
] as const satisfies ReadonlyArray<keyof RequestStore>;

/**
 * Whether the store carries request links. `listRequestsDueForSweep` is not required: a
 * store written before the sweep persisted request expiry keeps serving requests.
 */
export function supportsRequests(store: SecretStore): boolean {
  return REQUEST_METHODS.every((name) => typeof store[name] === 'function');
}

/**
 * The store's request half.
 * @throws {StoreUnavailableError} when the store has no request methods (a store written
 *   before request links): over HTTP a 503, never a 500.
 */
export function requestStoreOf(store: SecretStore): RequestStore {
  if (supportsRequests(store)) return store as RequestStore;
  throw new StoreUnavailableError('This secret store does not support request links.');
}

/** Outcome of trying to persist one request transition. */
export type RequestCommit =
  | { status: 'committed'; record: RequestRecord }
  | { status: 'refused' }
  | { status: 'conflict' };

/** Builds the stored events of a transition's effects, with the client's stored IP. */
export function eventsOf(
  ctx: ServiceContext,
  subjectId: string,
  effects: ReadonlyArray<{
    type: AuditEventInput['type'];
    at: number;
    detail: AuditEventInput['detail'];
    fromClient: boolean;
  }>,
  client: ClientInfo,
): AuditEventInput[] {
  const ip = ipForStorage(client.ip, ctx.ipStorage);
  return effects.map((effect) => ({
    subjectId,
    type: effect.type,
    at: effect.at,
    ip: effect.fromClient ? ip : null,
    userAgent: effect.fromClient ? client.userAgent : null,
    detail: effect.detail,
  }));
}

/**
 * Runs one request transition and persists it with compare-and-set on the version that
 * was read, MAC recomputed and events attached. An integrity burn of a record whose key is
 * unknown is MACed with the current key, so it reads as a sound, burned request from then on.
 */
export async function commitRequestTransition(
  ctx: ServiceContext,
  record: RequestRecord,
  event: RequestEvent,
  client: ClientInfo,
  now: number,
): Promise<RequestCommit> {
  const result = transitionRequest(record, event, now);
  if (!result.ok) return { status: 'refused' };
  let next = result.record;
  if (!ctx.keyring.get(next.keyId)) next = { ...next, keyId: ctx.keyring.current.id };
  next = { ...next, mac: macRequest(next, ctx.keyring) };
  const events = eventsOf(ctx, record.id, result.effects, client);
  const won = await requestStoreOf(ctx.store).compareAndSetRequest(
    record.id,
    record.version,
    next,
    events,
  );
  return won ? { status: 'committed', record: next } : { status: 'conflict' };
}

/**
 * Reads a request and checks its MAC. One that fails is burned for integrity (audited
 * `integrity_failed`, then `burned {reason: integrity}`) before the caller answers 404.
 * Returns null for a missing or tampered request.
 */
export async function readSoundRequest(
  ctx: ServiceContext,
  id: string,
  client: ClientInfo,
): Promise<RequestRecord | null> {
  if (typeof id !== 'string') return null;
  const record = await requestStoreOf(ctx.store).getRequest(id);
  if (!record) return null;
  if (verifyRequest(record, ctx.keyring)) return record;
  await commitRequestTransition(
    ctx,
    record,
    { type: 'burn', reason: 'integrity' },
    client,
    ctx.now(),
  );
  return null;
}

/**
 * Reads a request for the customer: sound MAC and matching `requestProof`, else
 * `NotAvailableError` — one answer for missing, malformed, tampered and wrong, counting nothing.
 */
export async function readForCustomer(
  ctx: ServiceContext,
  id: string,
  requestProof: unknown,
  client: ClientInfo,
): Promise<RequestRecord> {
  if (!isProof(requestProof)) throw new NotAvailableError();
  const record = await readSoundRequest(ctx, id, client);
  if (!record) throw new NotAvailableError();
  const expected = verifier(ctx.keyring, requestProof, record.keyId);
  if (!equalBytes(expected, record.requestProofVerifier)) throw new NotAvailableError();
  return record;
}

/** Persists a hard expiry a call noticed (`expired` at `expiresAt`, ip null). Losing the race is fine. */
export async function persistRequestExpiryIfDue(
  ctx: ServiceContext,
  record: RequestRecord,
  now: number,
): Promise<void> {
  if (record.status !== 'open' || now < record.expiresAt) return;
  await commitRequestTransition(ctx, record, { type: 'expire' }, NO_CLIENT, now);
}
