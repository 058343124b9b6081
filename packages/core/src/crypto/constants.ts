/**
 * Fixed numbers of the version-1 envelope (DESIGN.md §2). Kept in one place so that the
 * header parser, the sealer and the size limits cannot drift apart.
 */
import type { KdfParams } from '../store/types';

/** "HL": the first two bytes of every envelope. */
export const MAGIC_0 = 0x48;
export const MAGIC_1 = 0x4c;
/** The only envelope version this library seals and opens. */
export const VERSION = 1;
/** Flag bit 0: the envelope needs a passphrase. Every other flag bit must be 0. */
export const FLAG_PASSPHRASE = 0x01;

export const KEY_BYTES = 32;
export const SALT_BYTES = 16;
export const NONCE_BYTES = 24;
export const TAG_BYTES = 16;
/** magic(2) version(1) flags(1) logN(1) r(1) p(1) reserved(1) salt(16) nonce(24). */
export const HEADER_BYTES = 48;
/** Padded plaintexts are whole blocks, so the envelope length reveals only a size class. */
export const PAD_BLOCK_BYTES = 256;
/** The big-endian byte-length prefix inside the padded plaintext. */
export const LENGTH_PREFIX_BYTES = 4;
/** The smallest possible envelope: one padded block. */
export const MIN_ENVELOPE_BYTES = HEADER_BYTES + PAD_BLOCK_BYTES + TAG_BYTES;

/** Passphrases longer than this (in code points, after NFKC) are refused. */
export const MAX_PASSPHRASE_CHARS = 1024;

/** scrypt parameters used when the creator sets a passphrase and no `kdf`: N = 2^15, r = 8, p = 1. */
export const DEFAULT_KDF: KdfParams = Object.freeze({ logN: 15, r: 8, p: 1 });

/** The default plaintext cap: 64 KiB of UTF-8. */
export const DEFAULT_MAX_PLAINTEXT_BYTES = 65536;

const encodeAscii = (text: string): Uint8Array => new TextEncoder().encode(text);

/** HKDF info strings, as their ASCII bytes. */
export const INFO_ENC = encodeAscii('hushlink/v1/enc');
export const INFO_KEY_PROOF = encodeAscii('hushlink/v1/key-proof');
export const INFO_PASSPHRASE_PROOF = encodeAscii('hushlink/v1/passphrase-proof');
