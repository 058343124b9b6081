import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { SecretRecord } from '../store/types';

/** Names the encoding below; a future layout gets a new tag, so old MACs can never match it. */
export const RECORD_ENCODING_TAG = 'hushlink/v1/record';

/** One byte before each value names its type, so values of different types never collide. */
const Tag = {
  Null: 0,
  String: 1,
  /** A number as its shortest decimal text (`String(n)`), so no value can throw. */
  Number: 2,
  Bytes: 3,
  Boolean: 4,
  Undefined: 5,
} as const;

/**
 * The bytes a record's MAC covers: every field that decides who may read what and until
 * when (DESIGN.md §3). The layout is unambiguous: the tag string, then for each field in a
 * fixed order its name and a typed value, every variable part prefixed by its 4-byte
 * big-endian length. The envelope is covered by its SHA-256, recomputed from the stored
 * bytes, with a deleted envelope encoded as null (distinct from any digest).
 *
 * Values of an unexpected type (a store bug, a tampered row) are still encoded, as what they
 * are, so verification fails instead of throwing.
 */
export function encodeRecordForMac(record: SecretRecord): Uint8Array {
  const envelopeDigest =
    record.envelope instanceof Uint8Array ? sha256(record.envelope) : record.envelope;
  const kdf = record.kdf;
  const fields: Array<[string, unknown]> = [
    ['id', record.id],
    ['version', record.version],
    ['status', record.status],
    ['createdAt', record.createdAt],
    ['expiresAt', record.expiresAt],
    ['firstViewedAt', record.firstViewedAt],
    ['lastViewedAt', record.lastViewedAt],
    ['burnedAt', record.burnedAt],
    ['burnReason', record.burnReason],
    ['createdBy', record.createdBy],
    ['label', record.label],
    ['maxViews', record.maxViews],
    ['views', record.views],
    ['failedAttempts', record.failedAttempts],
    ['kdf', kdf === null ? null : true],
    ['kdf.logN', kdf?.logN ?? null],
    ['kdf.r', kdf?.r ?? null],
    ['kdf.p', kdf?.p ?? null],
    ['salt', record.salt],
    ['keyProofVerifier', record.keyProofVerifier],
    ['passphraseVerifier', record.passphraseVerifier],
    ['envelopeSha256', envelopeDigest],
    ['notify', record.notify],
    ['groupId', record.groupId],
    ['requestId', record.requestId],
    ['ephemeralKey', record.ephemeralKey],
    ['keyId', record.keyId],
  ];
  const parts: Uint8Array[] = [lengthPrefixed(utf8ToBytes(RECORD_ENCODING_TAG))];
  for (const [name, value] of fields) {
    parts.push(lengthPrefixed(utf8ToBytes(name)), encodeValue(value));
  }
  return concatBytes(...parts);
}

function encodeValue(value: unknown): Uint8Array {
  if (value === null) return Uint8Array.of(Tag.Null);
  if (value === undefined) return Uint8Array.of(Tag.Undefined);
  if (typeof value === 'boolean') return Uint8Array.of(Tag.Boolean, value ? 1 : 0);
  if (typeof value === 'string')
    return concatBytes(Uint8Array.of(Tag.String), lengthPrefixed(utf8ToBytes(value)));
  if (typeof value === 'number') {
    return concatBytes(Uint8Array.of(Tag.Number), lengthPrefixed(utf8ToBytes(String(value))));
  }
  if (value instanceof Uint8Array)
    return concatBytes(Uint8Array.of(Tag.Bytes), lengthPrefixed(value));
  // Anything else (an object where a scalar belongs) cannot come from a sound record:
  // encode its type name so it never collides with a sound value.
  return concatBytes(
    Uint8Array.of(Tag.String),
    lengthPrefixed(utf8ToBytes(`\u0000${typeof value}`)),
  );
}

function lengthPrefixed(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + bytes.length);
  new DataView(out.buffer).setUint32(0, bytes.length);
  out.set(bytes, 4);
  return out;
}
