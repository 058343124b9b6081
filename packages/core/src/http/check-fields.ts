/**
 * Field rules of DESIGN.md §7, checked at the boundary before the service is called.
 *
 * Each checker throws the typed error the contract answers with: `InvalidRequestError`
 * (400) for a broken rule, `NotAvailableError` (404) for a missing or malformed proof
 * that authenticates a recipient — that answer must not differ from a wrong proof.
 */
import { decodeBase64url, isBase64url } from '../crypto';
import { InvalidRequestError, NotAvailableError } from '../errors';
import type { CreateSecretInput, RevealInput } from '../service/types';

/** Bounds of §7 (a host may narrow TTLs further in the service). */
export const FIELD_BOUNDS = {
  minTtlSeconds: 3600,
  maxTtlSeconds: 2_592_000,
  maxViews: 1000,
  maxLabelCodePoints: 200,
  maxHistoryLimit: 100,
  proofBytes: 32,
  idBytes: 16,
} as const;

/** The create body, minus the creator (which comes from `authorize`). */
export type CreateFields = Omit<CreateSecretInput, 'createdBy'>;

const CREATE_FIELDS = new Set([
  'envelope',
  'keyProof',
  'passphraseProof',
  'ttlSeconds',
  'maxViews',
  'label',
  'notify',
]);
const META_FIELDS = new Set(['keyProof']);
const REVEAL_FIELDS = new Set(['keyProof', 'passphraseProof']);

/** Whether `id` has the shape of a secret id: 22 base64url characters, 16 bytes. */
export function isSecretId(id: string): boolean {
  return id.length === 22 && isBase64url(id, FIELD_BOUNDS.idBytes);
}

/**
 * Checks a `POST /api/secrets` body.
 * @throws {InvalidRequestError} naming the first field that breaks a rule.
 */
export function checkCreateBody(body: Record<string, unknown> | null): CreateFields {
  if (body === null) throw new InvalidRequestError('The body must be a JSON object.');
  refuseUnknownFields(body, CREATE_FIELDS);
  const fields: CreateFields = {
    envelope: requireBytes(body, 'envelope'),
    keyProof: requireProof(body, 'keyProof'),
  };
  const passphraseProof = optionalProof(body, 'passphraseProof');
  if (passphraseProof !== null) fields.passphraseProof = passphraseProof;
  if (body.ttlSeconds !== undefined) fields.ttlSeconds = checkTtl(body.ttlSeconds);
  if (body.maxViews !== undefined) fields.maxViews = checkMaxViews(body.maxViews);
  if (body.label !== undefined) fields.label = checkLabel(body.label);
  if (body.notify !== undefined) {
    if (typeof body.notify !== 'boolean') throw invalid('notify must be true or false.', 'notify');
    fields.notify = body.notify;
  }
  return fields;
}

/**
 * Checks a meta body. The `keyProof` comes first: missing or malformed answers 404 exactly
 * like a wrong one, before any other rule.
 * @throws {NotAvailableError} for a missing or malformed `keyProof`.
 * @throws {InvalidRequestError} for unknown fields.
 */
export function checkMetaBody(body: Record<string, unknown> | null): Uint8Array {
  const keyProof = recipientKeyProof(body);
  refuseUnknownFields(body as Record<string, unknown>, META_FIELDS);
  return keyProof;
}

/**
 * Checks a reveal body (`keyProof` first, as for meta).
 * @throws {NotAvailableError} for a missing or malformed `keyProof`.
 * @throws {InvalidRequestError} for unknown fields or a malformed `passphraseProof`.
 */
export function checkRevealBody(body: Record<string, unknown> | null): RevealInput {
  const keyProof = recipientKeyProof(body);
  const fields = body as Record<string, unknown>;
  refuseUnknownFields(fields, REVEAL_FIELDS);
  return { keyProof, passphraseProof: optionalProof(fields, 'passphraseProof') };
}

/**
 * Checks `GET /api/secrets?limit&cursor`. Other query parameters are ignored (cache
 * busters are common); `limit` and `cursor` may appear once.
 * @throws {InvalidRequestError} for a bad `limit` or a repeated parameter.
 */
export function checkHistoryQuery(params: URLSearchParams): { limit?: number; cursor?: string } {
  const out: { limit?: number; cursor?: string } = {};
  const limits = params.getAll('limit');
  const cursors = params.getAll('cursor');
  if (limits.length > 1 || cursors.length > 1) {
    throw invalid('Give limit and cursor at most once each.');
  }
  const [limit] = limits;
  if (limit !== undefined) {
    const value = /^[0-9]{1,3}$/.test(limit) ? Number(limit) : Number.NaN;
    if (!(value >= 1 && value <= FIELD_BOUNDS.maxHistoryLimit)) {
      throw invalid(`limit must be an integer from 1 to ${FIELD_BOUNDS.maxHistoryLimit}.`, 'limit');
    }
    out.limit = value;
  }
  const [cursor] = cursors;
  if (cursor !== undefined && cursor !== '') out.cursor = cursor;
  return out;
}

function recipientKeyProof(body: Record<string, unknown> | null): Uint8Array {
  const value = body?.keyProof;
  if (typeof value !== 'string' || !isBase64url(value, FIELD_BOUNDS.proofBytes)) {
    throw new NotAvailableError();
  }
  return decodeBase64url(value, FIELD_BOUNDS.proofBytes);
}

/** Shared with the group body checks (./check-group-body.ts). */
export function refuseUnknownFields(
  body: Record<string, unknown>,
  allowed: ReadonlySet<string>,
): void {
  for (const key of Object.keys(body)) {
    if (!allowed.has(key)) {
      // The name is echoed JSON-quoted and cut short: it is attacker text.
      throw invalid(`Unknown field ${JSON.stringify(key.slice(0, 40))}.`, key.slice(0, 40));
    }
  }
}

/** Shared with the group body checks (./check-group-body.ts). */
export function requireBytes(body: Record<string, unknown>, field: string): Uint8Array {
  const value = body[field];
  if (typeof value !== 'string' || value === '' || !isBase64url(value)) {
    throw invalid(`${field} must be base64url without padding.`, field);
  }
  return decodeBase64url(value);
}

/** Shared with the group body checks (./check-group-body.ts). */
export function requireProof(body: Record<string, unknown>, field: string): Uint8Array {
  const value = body[field];
  if (typeof value !== 'string' || !isBase64url(value, FIELD_BOUNDS.proofBytes)) {
    throw invalid(`${field} must be ${FIELD_BOUNDS.proofBytes} bytes of base64url.`, field);
  }
  return decodeBase64url(value, FIELD_BOUNDS.proofBytes);
}

/** Absent and null both mean "no passphrase proof". */
/** Shared with the group body checks (./check-group-body.ts). */
export function optionalProof(body: Record<string, unknown>, field: string): Uint8Array | null {
  if (body[field] === undefined || body[field] === null) return null;
  return requireProof(body, field);
}

/** Shared with the group body checks (./check-group-body.ts). */
export function checkTtl(value: unknown): number {
  const { minTtlSeconds: min, maxTtlSeconds: max } = FIELD_BOUNDS;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(`ttlSeconds must be an integer from ${min} to ${max}.`, 'ttlSeconds');
  }
  return value;
}

/** Shared with the group body checks (./check-group-body.ts). */
export function checkMaxViews(value: unknown): number | null {
  if (value === null) return null;
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < 1 ||
    value > FIELD_BOUNDS.maxViews
  ) {
    throw invalid(
      `maxViews must be an integer from 1 to ${FIELD_BOUNDS.maxViews}, or null.`,
      'maxViews',
    );
  }
  return value;
}

/** Shared with the group body checks (./check-group-body.ts). */
export function checkLabel(value: unknown): string | null {
  if (value === null || value === '') return null;
  if (typeof value !== 'string') throw invalid('label must be a string.', 'label');
  // Code points, not UTF-16 units: "200 characters" means what a person counts.
  if ([...value].length > FIELD_BOUNDS.maxLabelCodePoints) {
    throw invalid(`label must be at most ${FIELD_BOUNDS.maxLabelCodePoints} characters.`, 'label');
  }
  // Control characters and lone surrogates cannot round-trip through every database
  // (Postgres refuses NUL; a lone surrogate becomes U+FFFD), which would break the MAC.
  if (!isPrintableText(value)) {
    throw invalid('label must be printable text.', 'label');
  }
  return value;
}

/** No C0 control character, no DEL, no lone surrogate. */
function isPrintableText(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const unit = value.charCodeAt(i);
    if (unit < 0x20 || unit === 0x7f) return false;
    if (unit >= 0xdc00 && unit <= 0xdfff) return false;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i += 1;
    }
  }
  return true;
}

function invalid(message: string, field?: string): InvalidRequestError {
  return new InvalidRequestError(message, field);
}
