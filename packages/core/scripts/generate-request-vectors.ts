/**
 * Regenerates packages/core/test/vectors/request-v1.json, the request-link vectors any other
 * implementation can check itself against (DESIGN.md §2, §10): fixed `sk` and `esk` → `pk`,
 * `epk`, `requestProof`, the answer key `K`, and the answer's envelope and `keyProof`.
 *
 *   npx tsx packages/core/scripts/generate-request-vectors.ts
 *
 * Inputs are deterministic (sk, esk, salt and nonce are SHA-256 of a label), so rerunning it
 * reproduces the file byte for byte; `src/crypto/request.test.ts` fails if the code and the
 * file diverge.
 */
import { writeFileSync } from 'node:fs';
import { sha256 } from '@noble/hashes/sha2.js';
import { encodeBase64url } from '../src/crypto/base64url';
import { deriveRequestProof, deriveRequestPublicKey } from '../src/crypto/request-keys';
import { sealForRequestWith } from '../src/crypto/seal-for-request-with';

const severalKilobytes = 'Grüße, 世界! Пароль: ключ 🔐🗝️ — ½ € ‰ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\n'.repeat(48);

const inputs: { name: string; plaintext: string }[] = [
  { name: 'short ASCII answer', plaintext: 'AKIAIOSFODNN7EXAMPLE' },
  { name: 'empty answer', plaintext: '' },
  {
    name: `multi-byte UTF-8 answer, ${new TextEncoder().encode(severalKilobytes).length} bytes`,
    plaintext: severalKilobytes,
  },
];

function bytesFor(seed: string, label: string): Uint8Array {
  return sha256(new TextEncoder().encode(`hushlink request vector ${seed} ${label}`));
}

const vectors = [];
for (const input of inputs) {
  const sk = bytesFor(input.name, 'sk');
  const esk = bytesFor(input.name, 'esk');
  const salt = bytesFor(input.name, 'salt').slice(0, 16);
  const nonce = bytesFor(input.name, 'nonce').slice(0, 24);
  const pk = deriveRequestPublicKey(sk);
  const sealed = await sealForRequestWith(input.plaintext, pk, {
    ephemeralSecretKey: esk,
    salt,
    nonce,
  });
  vectors.push({
    name: input.name,
    sk: encodeBase64url(sk),
    pk: encodeBase64url(pk),
    esk: encodeBase64url(esk),
    epk: encodeBase64url(sealed.ephemeralKey),
    requestProof: encodeBase64url(deriveRequestProof(pk)),
    key: encodeBase64url(sealed.key),
    salt: encodeBase64url(salt),
    nonce: encodeBase64url(nonce),
    plaintext: input.plaintext,
    envelope: encodeBase64url(sealed.envelope),
    keyProof: encodeBase64url(sealed.keyProof),
  });
}

const target = new URL('../test/vectors/request-v1.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(vectors, null, 2)}\n`);
console.log(`wrote ${vectors.length} vectors to ${target.pathname}`);
