import { NotAvailableError } from '../errors';
import { verifyRequest } from '../integrity';
import { burnByCreator } from './burn-by-creator';
import { burnSecret } from './burn-secret';
import type { ServiceContext } from './context';
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
  await burnByCreator(ctx, createdBy, {
    read: async () => (typeof id === 'string' ? await store.getRequest(id) : null),
    sound: (record) => verifyRequest(record, ctx.keyring),
    burn: (record, reason, now) =>
      commitRequestTransition(ctx, record, { type: 'burn', reason }, client, now),
    persistExpiryIfDue: (record, now) => persistRequestExpiryIfDue(ctx, record, now),
    beforeBurn: async (record) => {
      if (record.status === 'answered' && record.answerSecretId !== null) {
        await burnAnswer(ctx, record.answerSecretId, createdBy, client);
      }
    },
  });
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
