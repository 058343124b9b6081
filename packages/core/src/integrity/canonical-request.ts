import type { RequestRecord } from '../store/types';

/**
 * Names the request encoding. Distinct from the secret record's tag, so a request's MAC
 * can never be presented as a secret's, nor the reverse.
 */
export const REQUEST_ENCODING_TAG = 'hushlink/v1/request-record';

/**
 * The fields a request's MAC covers, in encoding order. §10 names id, createdBy, label,
 * expiresAt, status, requestProofVerifier, answerSecretId and version; createdAt,
 * answeredAt, burnedAt, ephemeralKey and keyId are covered too, so that no stored field
 * a creator or customer relies on (the history's order, the answer's `epk`, the key that
 * verifies the row) can be changed unnoticed. Never reorder: MACs would change.
 */
const FIELD_NAMES = [
  'id',
  'version',
  'status',
  'createdAt',
  'expiresAt',
  'answeredAt',
  'burnedAt',
  'createdBy',
  'label',
  'requestProofVerifier',
  'answerSecretId',
  'ephemeralKey',
  'keyId',
] as const satisfies ReadonlyArray<keyof RequestRecord>;

/** One byte before each value names its type (same tags as the secret encoding). */
const Tag = { Null: 0, String: 1, Number: 2, Bytes: 3, Undefined: 5 } as const;

const utf8 = new TextEncoder();

/**
 * The bytes a request's MAC covers: the tag, then for each field its name and a typed
 * value, every variable part prefixed by its 4-byte big-endian length (the scheme of
 * DESIGN.md §3). A value of an unexpected type (a tampered row) is still encoded, as its
 * type name, so verification fails instead of throwing.
 */
export function encodeRequestForMac(record: RequestRecord): Uint8Array {
  const parts: Uint8Array[] = [lengthPrefixed(utf8.encode(REQUEST_ENCODING_TAG))];
  for (const name of FIELD_NAMES) {
    parts.push(lengthPrefixed(utf8.encode(name)), encodeValue(record[name]));
  }
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function encodeValue(value: unknown): Uint8Array {
  if (value === null) return Uint8Array.of(Tag.Null);
  if (value === undefined) return Uint8Array.of(Tag.Undefined);
  if (value instanceof Uint8Array) return tagged(Tag.Bytes, value);
  if (typeof value === 'number') return tagged(Tag.Number, utf8.encode(String(value)));
  if (typeof value === 'string') return tagged(Tag.String, utf8.encode(value));
  return tagged(Tag.String, utf8.encode(`\u0000${typeof value}`));
}

function tagged(tag: number, bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(1 + 4 + bytes.length);
  out[0] = tag;
  out.set(lengthPrefixed(bytes), 1);
  return out;
}

function lengthPrefixed(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + bytes.length);
  new DataView(out.buffer).setUint32(0, bytes.length);
  out.set(bytes, 4);
  return out;
}
