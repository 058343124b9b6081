/**
 * Field rules of the request-link routes (DESIGN.md §10, with §7's rules). As for meta and
 * reveal, the customer's `requestProof` comes first: missing or malformed answers 404,
 * exactly like a wrong one, before any other rule.
 */
import { decodeBase64url, isBase64url } from '../crypto';
import { InvalidRequestError, NotAvailableError } from '../errors';
import type { AnswerRequestInput, RegisterRequestInput } from '../service/types';
import {
  checkLabel,
  checkTtl,
  FIELD_BOUNDS,
  refuseUnknownFields,
  requireBytes,
  requireProof,
} from './check-fields';

/** The `POST /api/requests` body, minus the creator (from `authorize`). */
export type RequestCreateFields = Omit<RegisterRequestInput, 'createdBy'>;

const CREATE_FIELDS = new Set(['requestProof', 'ttlSeconds', 'label']);
const META_FIELDS = new Set(['requestProof']);
const ANSWER_FIELDS = new Set(['requestProof', 'envelope', 'keyProof', 'ephemeralKey']);

/**
 * Checks a `POST /api/requests` body.
 * @throws {InvalidRequestError} naming the first field that breaks a rule.
 */
export function checkRequestCreateBody(body: Record<string, unknown> | null): RequestCreateFields {
  if (body === null) throw new InvalidRequestError('The body must be a JSON object.');
  refuseUnknownFields(body, CREATE_FIELDS);
  const fields: RequestCreateFields = { requestProof: requireProof(body, 'requestProof') };
  if (body.ttlSeconds !== undefined) fields.ttlSeconds = checkTtl(body.ttlSeconds);
  if (body.label !== undefined) fields.label = checkLabel(body.label);
  return fields;
}

/**
 * Checks a request meta body: `requestProof` first (404), then unknown fields (400).
 * @throws {NotAvailableError} | {InvalidRequestError}
 */
export function checkRequestMetaBody(body: Record<string, unknown> | null): Uint8Array {
  const requestProof = customerProof(body);
  refuseUnknownFields(body as Record<string, unknown>, META_FIELDS);
  return requestProof;
}

/**
 * Checks an answer body: `requestProof` first (404), then unknown fields and each field's
 * shape (400). The envelope's header and `ephemeralKey`'s point are the service's checks.
 * @throws {NotAvailableError} | {InvalidRequestError}
 */
export function checkAnswerBody(body: Record<string, unknown> | null): AnswerRequestInput {
  const requestProof = customerProof(body);
  const fields = body as Record<string, unknown>;
  refuseUnknownFields(fields, ANSWER_FIELDS);
  return {
    requestProof,
    envelope: requireBytes(fields, 'envelope'),
    keyProof: requireProof(fields, 'keyProof'),
    ephemeralKey: requireProof(fields, 'ephemeralKey'),
  };
}

function customerProof(body: Record<string, unknown> | null): Uint8Array {
  const value = body?.requestProof;
  if (typeof value !== 'string' || !isBase64url(value, FIELD_BOUNDS.proofBytes)) {
    throw new NotAvailableError();
  }
  return decodeBase64url(value, FIELD_BOUNDS.proofBytes);
}
