import { encodeBase64url } from '../crypto';
import { InvalidRequestError } from '../errors';
import type { ServiceContext } from './context';
import { prepareSecret, resolveLabel } from './create-secret';
import type { ClientInfo, CreatedGroup, CreateGroupInput } from './types';

/** A group holds 1..20 recipients. */
export const MAX_GROUP_RECIPIENTS = 20;
const GROUP_ID_BYTES = 16;

/**
 * Creates one ordinary secret per recipient (DESIGN.md §11), each with its own envelope,
 * link, history row and audit trail, all carrying one random `groupId` and sharing TTL,
 * view limit and `notify`. A secret's label is its recipient's, else the group's, else null.
 *
 * Every recipient is checked before anything is stored, so a bad one stores none. The
 * secrets are then inserted one by one (a store has no multi-record transaction): if the
 * store fails midway, the call fails with the secrets already written left in the
 * creator's history, their links never handed out.
 * @throws {InvalidRequestError} for 0 or more than 20 recipients or any field rule.
 * @throws {PayloadTooLargeError} when an envelope exceeds the cap.
 * @throws {StoreUnavailableError} when the store fails.
 */
export async function createGroup(
  ctx: ServiceContext,
  input: CreateGroupInput,
  client: ClientInfo,
): Promise<CreatedGroup> {
  if (!input || typeof input !== 'object') throw new InvalidRequestError('A group is required.');
  const { recipients } = input;
  if (
    !Array.isArray(recipients) ||
    recipients.length < 1 ||
    recipients.length > MAX_GROUP_RECIPIENTS
  ) {
    throw new InvalidRequestError(
      `recipients must list 1 to ${MAX_GROUP_RECIPIENTS} recipients.`,
      'recipients',
    );
  }
  const groupLabel = resolveLabel(input.label);
  const groupId = encodeBase64url(ctx.randomBytes(GROUP_ID_BYTES));
  const now = ctx.now();
  const prepared = recipients.map((recipient) => {
    if (!recipient || typeof recipient !== 'object') {
      throw new InvalidRequestError('Each recipient must be an object.', 'recipients');
    }
    return prepareSecret(
      ctx,
      {
        envelope: recipient.envelope,
        keyProof: recipient.keyProof,
        passphraseProof: recipient.passphraseProof ?? null,
        label: resolveLabel(recipient.label) ?? groupLabel,
        createdBy: input.createdBy,
        ...(input.ttlSeconds === undefined ? {} : { ttlSeconds: input.ttlSeconds }),
        ...(input.maxViews === undefined ? {} : { maxViews: input.maxViews }),
        ...(input.notify === undefined ? {} : { notify: input.notify }),
      },
      client,
      groupId,
      now,
    );
  });
  for (const { record, events } of prepared) await ctx.store.insert(record, events);
  return {
    groupId,
    items: prepared.map(({ record }) => ({
      id: record.id,
      expiresAt: new Date(record.expiresAt),
      label: record.label,
    })),
  };
}
