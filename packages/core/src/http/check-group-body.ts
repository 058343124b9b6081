/**
 * Field rules of `POST /api/groups` (DESIGN.md §11): the create rules of §7, once for the
 * group (`ttlSeconds`, `maxViews`, `label`, `notify`) and once per recipient (`label`,
 * `envelope`, `keyProof`, `passphraseProof`).
 */
import { InvalidRequestError } from '../errors';
import { MAX_GROUP_RECIPIENTS } from '../service/create-group';
import type { CreateGroupInput, GroupRecipientInput } from '../service/types';
import {
  checkLabel,
  checkMaxViews,
  checkTtl,
  optionalProof,
  refuseUnknownFields,
  requireBytes,
  requireProof,
} from './check-fields';

/** The group body, minus the creator (which comes from `authorize`). */
export type GroupFields = Omit<CreateGroupInput, 'createdBy'>;

const GROUP_FIELDS = new Set(['recipients', 'ttlSeconds', 'maxViews', 'label', 'notify']);
const RECIPIENT_FIELDS = new Set(['label', 'envelope', 'keyProof', 'passphraseProof']);

/**
 * Checks a `POST /api/groups` body.
 * @throws {InvalidRequestError} naming the first field that breaks a rule
 *   (`recipients[3].keyProof`, …).
 */
export function checkGroupBody(body: Record<string, unknown> | null): GroupFields {
  if (body === null) throw new InvalidRequestError('The body must be a JSON object.');
  refuseUnknownFields(body, GROUP_FIELDS);
  const { recipients } = body;
  if (
    !Array.isArray(recipients) ||
    recipients.length < 1 ||
    recipients.length > MAX_GROUP_RECIPIENTS
  ) {
    throw new InvalidRequestError(
      `recipients must be an array of 1 to ${MAX_GROUP_RECIPIENTS} recipients.`,
      'recipients',
    );
  }
  const fields: GroupFields = { recipients: recipients.map(checkRecipient) };
  if (body.ttlSeconds !== undefined) fields.ttlSeconds = checkTtl(body.ttlSeconds);
  if (body.maxViews !== undefined) fields.maxViews = checkMaxViews(body.maxViews);
  if (body.label !== undefined) fields.label = checkLabel(body.label);
  if (body.notify !== undefined) {
    if (typeof body.notify !== 'boolean') {
      throw new InvalidRequestError('notify must be true or false.', 'notify');
    }
    fields.notify = body.notify;
  }
  return fields;
}

function checkRecipient(value: unknown, index: number): GroupRecipientInput {
  const at = `recipients[${index}]`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidRequestError(`${at} must be an object.`, at);
  }
  const recipient = value as Record<string, unknown>;
  try {
    refuseUnknownFields(recipient, RECIPIENT_FIELDS);
    const out: GroupRecipientInput = {
      envelope: requireBytes(recipient, 'envelope'),
      keyProof: requireProof(recipient, 'keyProof'),
      passphraseProof: optionalProof(recipient, 'passphraseProof'),
    };
    if (recipient.label !== undefined) out.label = checkLabel(recipient.label);
    return out;
  } catch (error) {
    if (!(error instanceof InvalidRequestError)) throw error;
    // Say which recipient broke the rule.
    throw new InvalidRequestError(`${at}: ${error.message}`, `${at}.${error.field ?? ''}`);
  }
}
