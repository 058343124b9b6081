import { NotAvailableError } from '../errors';
import { verifyRequest } from '../integrity';
import { burnSecret } from './burn-secret';
import { contentionError, MAX_CAS_ROUNDS, type ServiceContext } from './context';
import {
  commitRequestTransition,
  persistRequestExpiryIfDue,
  requestStoreOf,
} from './request-context';
import type { ClientInfo } from './types';

/**
 * The creator burns a request (DESIGN.md §10): open or answered → `burned`, and an
 * answer not yet read is burned too (reason `creator`); an expired or burned request is
 * left unchanged. The answer is burned first, so a crash in between leaves an answered
 * request whose next DELETE finishes the job, never a burned request with a live answer.
 * A tampered request is burned for integrity.
 * @throws {NotAvailableError} for an unknown id or another creator's request.
 * @throws {StoreUnavailableError} when the store fails.
 */
export async function burnRequest(
  ctx: ServiceContext,
  id: string,
  createdBy: string,
  client: ClientInfo,
): Promise<void> {
  const store = requestStoreOf(ctx.store);
  for (let round = 0; round < MAX_CAS_ROUNDS; round++) {
    const record = typeof id === 'string' ? await store.getRequest(id) : null;
    if (!record) throw new NotAvailableError();
    const now = ctx.now();
    if (!verifyRequest(record, ctx.keyring)) {
      const outcome = await commitRequestTransition(
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
    if (record.status === 'answered' && record.answerSecretId !== null) {
      await burnAnswer(ctx, record.answerSecretId, createdBy, client);
    }
    const outcome = await commitRequestTransition(
      ctx,
      record,
      { type: 'burn', reason: 'creator' },
      client,
      now,
    );
    if (outcome.status === 'conflict') continue;
    if (outcome.status === 'refused') await persistRequestExpiryIfDue(ctx, record, now);
    return;
  }
  throw contentionError();
}

/** Burns the answer if it can still be revealed; one already read or purged is fine. */
async function burnAnswer(
  ctx: ServiceContext,
  secretId: string,
  createdBy: string,
  client: ClientInfo,
): Promise<void> {
  try {
    await burnSecret(ctx, secretId, createdBy, client);
  } catch (error) {
    if (!(error instanceof NotAvailableError)) throw error;
  }
}
