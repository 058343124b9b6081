import { deriveKeyProof, deriveRequestAnswerKey, open } from '../crypto';
import { CryptoError, NotAvailableError } from '../errors';
import { NO_CLIENT, type ServiceContext } from './context';
import { readSoundRequest } from './request-context';
import { revealSecret } from './reveal-secret';
import type { ClientInfo } from './types';

/**
 * Server-side reading of a request's answer: derives `K` from `secretKey` and the stored
 * `epk`, then reveals the answer secret like any recipient would (so it is consumed,
 * counted and audited as `revealed`) and opens it in this process.
 * @throws {NotAvailableError} for an unknown or another creator's request, one not
 *   answered, an answer already read, burned or expired, or a wrong `secretKey`.
 * @throws {StoreUnavailableError} when the store fails.
 */
export async function readRequestAnswer(
  ctx: ServiceContext,
  id: string,
  secretKey: Uint8Array,
  createdBy: string,
  client: ClientInfo = NO_CLIENT,
): Promise<string> {
  const request = await readSoundRequest(ctx, id, client);
  if (
    !request ||
    request.createdBy !== createdBy ||
    request.status !== 'answered' ||
    request.answerSecretId === null ||
    request.ephemeralKey === null
  ) {
    throw new NotAvailableError();
  }
  let key: Uint8Array;
  try {
    key = deriveRequestAnswerKey(secretKey, request.ephemeralKey);
  } catch (error) {
    if (error instanceof CryptoError) throw new NotAvailableError();
    throw error;
  }
  try {
    const revealed = await revealSecret(
      ctx,
      request.answerSecretId,
      { keyProof: deriveKeyProof(key) },
      client,
    );
    return await open(revealed.envelope, key, null, { maxPlaintextBytes: ctx.maxPlaintextBytes });
  } finally {
    key.fill(0);
  }
}
