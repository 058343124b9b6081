import { sha256 } from '../hash';
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

/** The fields the MAC covers, in the order they are encoded. Never reorder: MACs would change. */
const FIELD_NAMES = [
  'id',
  'version',
  'status',
  'createdAt',
  'expiresAt',
  'firstViewedAt',
  'lastViewedAt',
  'burnedAt',
  'burnReason',
  'createdBy',
  'label',
  'maxViews',
  'views',
  'failedAttempts',
  'kdf',
  'kdf.logN',
  'kdf.r',
  'kdf.p',
  'salt',
  'keyProofVerifier',
  'passphraseVerifier',
  'envelopeSha256',
  'notify',
  'groupId',
  'requestId',
  'ephemeralKey',
  'keyId',
] as const;

const utf8 = new TextEncoder();

/**
 * The constant start of every encoding: the length-prefixed tag, then for each field its
 * length-prefixed name. Computed once; an encoding copies these bytes between its values.
 */
const PREFIX = lengthPrefixed(utf8.encode(RECORD_ENCODING_TAG));
const NAMES = FIELD_NAMES.map((name) => lengthPrefixed(utf8.encode(name)));
const NAMES_BYTES = NAMES.reduce((sum, name) => sum + name.length, PREFIX.length);

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
  return encodeWithEnvelopeDigest(record, envelopeDigestOf(record.envelope)).slice();
}

/**
 * What the MAC covers in place of the envelope: its SHA-256 when it is bytes, else the value
 * itself (null once deleted; anything else only from a bad row, encoded as what it is).
 */
export function envelopeDigestOf(envelope: unknown): unknown {
  return envelope instanceof Uint8Array ? sha256(envelope) : envelope;
}

/** Reused between calls: an encoding is hashed at once, before any other encoding starts. */
let scratch = new Uint8Array(2048);
/** A larger encoding (only a bad row has one: sound records take under 2 KB) is not kept. */
const MAX_SCRATCH_BYTES = 64 * 1024;

/**
 * {@link encodeRecordForMac} with the envelope digest already computed (a request that
 * verified a record and MACs its successor hashes the envelope once). Returns a view into a
 * buffer that the next call overwrites: hash it at once, or copy it.
 */
export function encodeWithEnvelopeDigest(
  record: SecretRecord,
  envelopeDigest: unknown,
): Uint8Array {
  const kdf = record.kdf;
  // Every field is read before anything is written: a getter on a strange record can then
  // never run while the shared buffer is half written.
  const values: unknown[] = [
    record.id,
    record.version,
    record.status,
    record.createdAt,
    record.expiresAt,
    record.firstViewedAt,
    record.lastViewedAt,
    record.burnedAt,
    record.burnReason,
    record.createdBy,
    record.label,
    record.maxViews,
    record.views,
    record.failedAttempts,
    kdf === null ? null : true,
    kdf?.logN ?? null,
    kdf?.r ?? null,
    kdf?.p ?? null,
    record.salt,
    record.keyProofVerifier,
    record.passphraseVerifier,
    envelopeDigest,
    record.notify,
    record.groupId,
    record.requestId,
    record.ephemeralKey,
    record.keyId,
  ];
  let bound = NAMES_BYTES;
  for (const value of values) bound += maxEncodedLength(value);
  if (scratch.length < bound && bound <= MAX_SCRATCH_BYTES) {
    scratch = new Uint8Array(Math.min(MAX_SCRATCH_BYTES, Math.max(bound, 2 * scratch.length)));
  }
  const out = scratch.length >= bound ? scratch : new Uint8Array(bound);
  out.set(PREFIX, 0);
  let at = PREFIX.length;
  for (let i = 0; i < values.length; i++) {
    const name = NAMES[i] as Uint8Array;
    out.set(name, at);
    at = writeValue(out, at + name.length, values[i]);
  }
  return out.subarray(0, at);
}

/** `String(n)` of any number is ASCII of at most 24 characters ("-2.2250738585072014e-308"). */
const MAX_NUMBER_TEXT = 32;

/** An upper bound of what {@link writeValue} writes for `value`. */
function maxEncodedLength(value: unknown): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === 'boolean') return 2;
  // UTF-16 to UTF-8: at most 3 bytes per code unit (a surrogate pair: 4 bytes for 2 units).
  if (typeof value === 'string') return 5 + 3 * value.length;
  if (typeof value === 'number') return 5 + MAX_NUMBER_TEXT;
  if (value instanceof Uint8Array) return 5 + value.length;
  return 5 + 3 * oddValueText(value).length;
}

/** Writes one typed value at `at` and returns where the next part starts. */
function writeValue(out: Uint8Array, at: number, value: unknown): number {
  if (value === null) {
    out[at] = Tag.Null;
    return at + 1;
  }
  if (value === undefined) {
    out[at] = Tag.Undefined;
    return at + 1;
  }
  if (typeof value === 'boolean') {
    out[at] = Tag.Boolean;
    out[at + 1] = value ? 1 : 0;
    return at + 2;
  }
  if (typeof value === 'string') {
    out[at] = Tag.String;
    return writeText(out, at + 1, value);
  }
  if (typeof value === 'number') {
    out[at] = Tag.Number;
    return writeText(out, at + 1, String(value));
  }
  if (value instanceof Uint8Array) {
    out[at] = Tag.Bytes;
    writeUint32(out, at + 1, value.length);
    out.set(value, at + 5);
    return at + 5 + value.length;
  }
  // Anything else (an object where a scalar belongs) cannot come from a sound record:
  // encode its type name so it never collides with a sound value.
  out[at] = Tag.String;
  return writeText(out, at + 1, oddValueText(value));
}

function oddValueText(value: unknown): string {
  return `\u0000${typeof value}`;
}

/**
 * Writes the UTF-8 of `text` (lone surrogates as U+FFFD, as `TextEncoder` does) after its
 * 4-byte length. ASCII, nearly every field, is copied code unit by code unit; the rest goes
 * through `encodeInto`.
 */
function writeText(out: Uint8Array, at: number, text: string): number {
  const start = at + 4;
  let end = start;
  let i = 0;
  for (; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x80) break;
    out[end++] = unit;
  }
  if (i < text.length) {
    // Cutting before a non-ASCII unit never splits a surrogate pair.
    end += utf8.encodeInto(text.slice(i), out.subarray(end)).written;
  }
  writeUint32(out, at, end - start);
  return end;
}

function lengthPrefixed(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + bytes.length);
  writeUint32(out, 0, bytes.length);
  out.set(bytes, 4);
  return out;
}

function writeUint32(out: Uint8Array, at: number, n: number): void {
  out[at] = n >>> 24;
  out[at + 1] = (n >>> 16) & 0xff;
  out[at + 2] = (n >>> 8) & 0xff;
  out[at + 3] = n & 0xff;
}
