import { encodeBase64url } from '../crypto';
import { NotAvailableError } from '../errors';
import { attemptsLeft, isRevealable } from '../lifecycle';
import { ipForStorage } from '../net';
import type { SecretRecord } from '../store/types';
import { persistExpiryIfDue, readForRecipient, type ServiceContext } from './context';
import type { ClientInfo, SecretMeta } from './types';

/** `opened` is recorded at most once per secret per client in this window. */
export const OPENED_DEDUP_MS = 10 * 60 * 1000;

/**
 * What the reveal page needs before the recipient clicks: whether a passphrase is needed
 * (with the KDF parameters to derive its proof), attempts left, expiry. Consumes nothing.
 * Appends `opened` (a browser loaded the page with the right key) at most once per secret
 * per client (stored IP) per 10 minutes.
 * @throws {NotAvailableError} for a missing, tampered, expired, consumed or burned secret,
 *   or a wrong keyProof. {@link StoreUnavailableError} when the store fails.
 */
export async function readMeta(
  ctx: ServiceContext,
  id: string,
  keyProof: Uint8Array,
  viewerId: string | null,
  client: ClientInfo,
): Promise<SecretMeta> {
  const { record } = await readForRecipient(ctx, id, keyProof, client);
  const now = ctx.now();
  if (!isRevealable(record, now)) {
    await persistExpiryIfDue(ctx, record, now);
    throw new NotAvailableError();
  }
  await recordOpened(ctx, record, client, now);
  return {
    passphrase: record.passphraseVerifier !== null,
    kdf: record.kdf && { ...record.kdf, salt: encodeBase64url(record.salt) },
    attemptsLeft: attemptsLeft(record, ctx.maxPassphraseAttempts),
    expiresAt: new Date(record.expiresAt),
    createdByYou: viewerId !== null && viewerId === record.createdBy,
    requestId: record.requestId,
  };
}

async function recordOpened(
  ctx: ServiceContext,
  record: SecretRecord,
  client: ClientInfo,
  now: number,
) {
  const ip = ipForStorage(client.ip, ctx.ipStorage);
  const events = await ctx.store.listEvents(record.id);
  const recent = events.some(
    (e) => e.type === 'opened' && e.ip === ip && now - e.at < OPENED_DEDUP_MS,
  );
  if (recent) return;
  await ctx.store.appendEvents([
    {
      subjectId: record.id,
      type: 'opened',
      at: now,
      ip,
      userAgent: client.userAgent,
      detail: null,
    },
  ]);
}
