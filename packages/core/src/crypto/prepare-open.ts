/**
 * A recipient's proofs and decryption from one scrypt run. The reveal flow needs the proofs
 * before the envelope exists (they are what the server checks to hand it out), then
 * decrypts the envelope with the same `K || P`: `deriveProofs` followed by `open` would run
 * scrypt twice, a few tenths of a second on a phone.
 */
import { CryptoError } from '../errors';
import type { KdfParams } from '../store/types';
import { decryptEnvelope } from './decrypt-envelope';
import {
  deriveInputKeyMaterial,
  deriveKeyProof,
  derivePassphraseProof,
  requirePassphraseMatch,
} from './derive-keys';
import { assertUsableHeader, type EnvelopeHeader, parseHeader } from './header';
import { assertKey } from './key';
import { resolveMaxPlaintextBytes } from './plaintext-limit';

/** What {@link prepareOpen} returns: the proofs to send, and a single-use opener. */
export interface PreparedOpen {
  /** `HKDF(K, "", "hushlink/v1/key-proof")`, as {@link deriveKeyProof} gives it. */
  readonly keyProof: Uint8Array;
  /** `HKDF(K || P, salt, "hushlink/v1/passphrase-proof")` with a passphrase; otherwise null. */
  readonly passphraseProof: Uint8Array | null;
  /**
   * Decrypts the envelope with the material prepared from the header, without running
   * scrypt again. Single use: the first call wipes the material whatever its outcome, so
   * prepare again to retry. The envelope's header is parsed as by `open`, then must match
   * the prepared one — the passphrase flag and the KDF parameters always, the salt when a
   * passphrase was stretched with it — or nothing is decrypted.
   * @param options.maxPlaintextBytes - the plaintext cap, as for `open` (default 65,536).
   * @throws {CryptoError} `malformed_envelope` when the header does not match the prepared
   *   one; `invalid_key` when the opener was already used or disposed; otherwise the codes of
   *   `open` (header codes, `decrypt_failed`, `bad_padding`, `plaintext_too_large`).
   */
  open(envelope: Uint8Array, options?: { maxPlaintextBytes?: number }): Promise<string>;
  /** Wipes the prepared material without opening anything (e.g. the reveal was refused). */
  dispose(): void;
}

/** The parts of a header the prepared material depends on, copied away from the caller. */
interface PreparedHeader {
  passphrase: boolean;
  kdf: KdfParams | null;
  salt: Uint8Array;
}

/**
 * Derives everything a recipient needs from one scrypt run: `keyProof` and
 * `passphraseProof` (the same bytes {@link deriveProofs} gives) to send to `meta`/`reveal`,
 * and an opener for the envelope that `reveal` returns. Without a passphrase no KDF runs
 * and the opener holds only a copy of `K`.
 *
 * The header comes from {@link parseHeader} or is built from the server's `meta` answer
 * (`nonce` is not used; without a passphrase `meta` gives no salt, and none is needed: any
 * 16 bytes will do).
 * @throws {CryptoError} `invalid_key`; `passphrase_required` (flag set, none given);
 *   `unexpected_passphrase` (given, flag not set); `invalid_passphrase`;
 *   `malformed_envelope` / `kdf_out_of_bounds` for an unusable header — all before scrypt.
 * @example
 * ```ts
 * const prepared = await prepareOpen(key, passphrase, headerFromMeta);
 * const answer = await reveal(prepared.keyProof, prepared.passphraseProof); // consumes a view
 * if (!answer.ok) prepared.dispose();
 * else console.log(await prepared.open(answer.envelope));
 * ```
 */
export async function prepareOpen(
  key: Uint8Array,
  passphrase: string | null | undefined,
  header: EnvelopeHeader,
): Promise<PreparedOpen> {
  assertKey(key);
  assertUsableHeader(header);
  const given = requirePassphraseMatch(header.passphrase, passphrase);
  const prepared: PreparedHeader = {
    passphrase: header.passphrase,
    kdf: header.kdf && { logN: header.kdf.logN, r: header.kdf.r, p: header.kdf.p },
    salt: header.salt.slice(),
  };
  const keyProof = deriveKeyProof(key);
  // The one scrypt run (with a passphrase); `K` alone otherwise.
  let ikm: Uint8Array | null = await deriveInputKeyMaterial(
    key,
    given,
    prepared.salt,
    prepared.kdf,
  );
  const passphraseProof = given === null ? null : derivePassphraseProof(ikm, prepared.salt);

  const takeMaterial = (): Uint8Array => {
    if (ikm === null) {
      throw new CryptoError(
        'invalid_key',
        'This prepared opener was already used or disposed; prepare again.',
      );
    }
    const material = ikm;
    ikm = null;
    return material;
  };

  return {
    keyProof,
    passphraseProof,
    async open(envelope, options) {
      const material = takeMaterial();
      try {
        const maxPlaintextBytes = resolveMaxPlaintextBytes(options?.maxPlaintextBytes);
        const actual = parseHeader(envelope, { maxPlaintextBytes });
        assertSameHeader(prepared, actual);
        return decryptEnvelope(envelope, actual, material, maxPlaintextBytes);
      } finally {
        material.fill(0);
      }
    },
    dispose() {
      ikm?.fill(0);
      ikm = null;
    },
  };
}

/**
 * The envelope must be the one the material was prepared for. Without this check a
 * different salt or KDF would only surface as `decrypt_failed` after decrypting with
 * mismatched material; with it, a server whose `meta` and `reveal` disagree is named.
 */
function assertSameHeader(prepared: PreparedHeader, actual: EnvelopeHeader): void {
  const same =
    prepared.passphrase === actual.passphrase &&
    sameKdf(prepared.kdf, actual.kdf) &&
    // The salt went into scrypt only with a passphrase; without one `K` works with any salt.
    (!prepared.passphrase || sameBytes(prepared.salt, actual.salt));
  if (!same) {
    throw new CryptoError(
      'malformed_envelope',
      'Malformed envelope: its header does not match the one the proofs were prepared for.',
    );
  }
}

function sameKdf(a: KdfParams | null, b: KdfParams | null): boolean {
  if (a === null || b === null) return a === b;
  return a.logN === b.logN && a.r === b.r && a.p === b.p;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
