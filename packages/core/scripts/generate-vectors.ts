/**
 * Regenerates packages/core/test/vectors/envelope-v1.json, the version-1 envelope vectors any
 * other implementation can check itself against (DESIGN.md §2).
 *
 *   npx tsx packages/core/scripts/generate-vectors.ts
 *
 * Inputs are deterministic (key, salt and nonce are SHA-256 of a label), so rerunning it
 * reproduces the file byte for byte; the vector tests fail if the code and the file diverge.
 */
import { writeFileSync } from 'node:fs';
import { sha256 } from '@noble/hashes/sha2.js';
import { encodeBase64url } from '../src/crypto/base64url';
import { sealWith } from '../src/crypto/seal-with';
import type { KdfParams } from '../src/store/types';

interface VectorInput {
  name: string;
  plaintext: string;
  passphrase: string | null;
  kdf: KdfParams | null;
  /** Vectors sharing a seed share key, salt and nonce (to show two inputs give one output). */
  seed?: string;
}

const FAST_KDF: KdfParams = { logN: 14, r: 8, p: 1 };

const severalKilobytes = 'Grüße, 世界! Пароль: ключ 🔐🗝️ — ½ € ‰ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\n'.repeat(48);

const inputs: VectorInput[] = [
  {
    name: 'no passphrase, ASCII',
    plaintext: 'correct horse battery staple',
    passphrase: null,
    kdf: null,
  },
  {
    name: 'ASCII passphrase',
    plaintext: 'AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    passphrase: 'blue moon rising',
    kdf: FAST_KDF,
  },
  {
    name: 'passphrase is not trimmed (leading and trailing spaces)',
    plaintext: 'spaces count',
    passphrase: '  blue moon rising ',
    kdf: FAST_KDF,
  },
  {
    name: 'passphrase NFC (é precomposed U+00E9), r 4, p 2',
    plaintext: 'normalisation',
    passphrase: 'caf\u00e9 crème',
    kdf: { logN: 14, r: 4, p: 2 },
    seed: 'nfkc-accent',
  },
  {
    name: 'passphrase NFD (e + U+0301): same bytes as the NFC vector',
    plaintext: 'normalisation',
    passphrase: 'cafe\u0301 cre\u0300me',
    kdf: { logN: 14, r: 4, p: 2 },
    seed: 'nfkc-accent',
  },
  {
    name: 'passphrase with compatibility characters (fullwidth, ligature): NFKC gives "Pass file"',
    plaintext: 'compatibility',
    passphrase: '\uff30\uff41\uff53\uff53 \ufb01le',
    kdf: FAST_KDF,
    seed: 'nfkc-compat',
  },
  {
    name: 'passphrase "Pass file": same bytes as the compatibility vector',
    plaintext: 'compatibility',
    passphrase: 'Pass file',
    kdf: FAST_KDF,
    seed: 'nfkc-compat',
  },
  { name: 'empty secret', plaintext: '', passphrase: null, kdf: null },
  {
    name: `multi-byte UTF-8, ${new TextEncoder().encode(severalKilobytes).length} bytes`,
    plaintext: severalKilobytes,
    passphrase: null,
    kdf: null,
  },
  {
    name: 'exactly one block: 4 + 252 = 256',
    plaintext: 'x'.repeat(252),
    passphrase: null,
    kdf: null,
  },
  {
    name: 'one byte past a block: 4 + 253 = 257 → two blocks',
    plaintext: 'x'.repeat(253),
    passphrase: null,
    kdf: null,
  },
];

function bytesFor(seed: string, label: string, length: number): Uint8Array {
  return sha256(new TextEncoder().encode(`hushlink vector ${seed} ${label}`)).slice(0, length);
}

const vectors = [];
for (const input of inputs) {
  const seed = input.seed ?? input.name;
  const key = bytesFor(seed, 'key', 32);
  const salt = bytesFor(seed, 'salt', 16);
  const nonce = new Uint8Array([
    ...bytesFor(seed, 'nonce', 16),
    ...bytesFor(seed, 'nonce tail', 8),
  ]);
  const sealed = await sealWith(input.plaintext, {
    key,
    salt,
    nonce,
    ...(input.passphrase === null
      ? {}
      : { passphrase: input.passphrase, kdf: input.kdf ?? FAST_KDF }),
  });
  vectors.push({
    name: input.name,
    key: encodeBase64url(key),
    passphrase: input.passphrase,
    kdf: input.kdf,
    salt: encodeBase64url(salt),
    nonce: encodeBase64url(nonce),
    plaintext: input.plaintext,
    envelope: encodeBase64url(sealed.envelope),
    keyProof: encodeBase64url(sealed.keyProof),
    passphraseProof: sealed.passphraseProof ? encodeBase64url(sealed.passphraseProof) : null,
  });
}

const target = new URL('../test/vectors/envelope-v1.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(vectors, null, 2)}\n`);
console.log(`wrote ${vectors.length} vectors to ${target.pathname}`);
