/**
 * noble (what the browser runs) vs node:crypto (what a Node server could run) for the
 * primitives of the envelope.
 *
 *   npx tsx packages/core/bench/crypto.bench.ts
 *
 * Figures and the decision they support: packages/core/docs/crypto.md.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  scrypt as nodeScryptCallback,
  randomBytes,
} from 'node:crypto';
import { promisify } from 'node:util';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { Bench } from 'tinybench';
import { open, seal } from '../src/crypto/index';

const nodeScrypt = promisify(nodeScryptCallback) as (
  password: Uint8Array,
  salt: Uint8Array,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

const text = (value: string) => new TextEncoder().encode(value);
const key32 = new Uint8Array(randomBytes(32));
const message256 = new Uint8Array(randomBytes(256));
const salt16 = new Uint8Array(randomBytes(16));
const infoEnc = text('hushlink/v1/enc');
const infoKeyProof = text('hushlink/v1/key-proof');
const oneKilobyte = 'k'.repeat(1024);

/** HChaCha20 from node's raw chacha20 keystream (node has no XChaCha20). */
function hchacha20(key: Uint8Array, input16: Uint8Array): Uint8Array {
  const block = createCipheriv('chacha20', key, input16).update(new Uint8Array(64));
  const initial = new Uint8Array([...text('expand 32-byte k'), ...key, ...input16]);
  const state = new DataView(block.buffer, block.byteOffset, 64);
  const start = new DataView(initial.buffer);
  const out = new DataView(new ArrayBuffer(32));
  [0, 1, 2, 3, 12, 13, 14, 15].forEach((word, i) => {
    out.setUint32(
      i * 4,
      (state.getUint32(word * 4, true) - start.getUint32(word * 4, true)) >>> 0,
      true,
    );
  });
  return new Uint8Array(out.buffer);
}

/** The same envelope as `seal` (no passphrase), with node:crypto doing HKDF and the AEAD. */
function nodeSeal(plaintext: string): { envelope: Uint8Array; key: Uint8Array } {
  const key = new Uint8Array(randomBytes(32));
  const salt = randomBytes(16);
  const nonce = randomBytes(24);
  const header = new Uint8Array(48);
  header.set([0x48, 0x4c, 1]);
  header.set(salt, 8);
  header.set(nonce, 24);
  const body = text(plaintext);
  const padded = new Uint8Array(Math.ceil((4 + body.length) / 256) * 256);
  new DataView(padded.buffer).setUint32(0, body.length);
  padded.set(body, 4);
  const encKey = new Uint8Array(hkdfSync('sha256', key, salt, infoEnc, 32));
  const cipher = createCipheriv(
    'chacha20-poly1305',
    hchacha20(encKey, nonce.subarray(0, 16)),
    Buffer.concat([Buffer.alloc(4), nonce.subarray(16)]),
    { authTagLength: 16 },
  );
  cipher.setAAD(header, { plaintextLength: padded.length });
  const sealed = Buffer.concat([cipher.update(padded), cipher.final(), cipher.getAuthTag()]);
  return { envelope: new Uint8Array(Buffer.concat([header, sealed])), key };
}

function nodeOpen(envelope: Uint8Array, key: Uint8Array): string {
  const salt = envelope.subarray(8, 24);
  const nonce = envelope.subarray(24, 48);
  const encKey = new Uint8Array(hkdfSync('sha256', key, salt, infoEnc, 32));
  const decipher = createDecipheriv(
    'chacha20-poly1305',
    hchacha20(encKey, nonce.subarray(0, 16)),
    Buffer.concat([Buffer.alloc(4), nonce.subarray(16)]),
    { authTagLength: 16 },
  );
  decipher.setAAD(envelope.subarray(0, 48), { plaintextLength: envelope.length - 64 });
  decipher.setAuthTag(envelope.subarray(envelope.length - 16));
  const padded = Buffer.concat([decipher.update(envelope.subarray(48, -16)), decipher.final()]);
  return padded.subarray(4, 4 + padded.readUInt32BE(0)).toString('utf8');
}

const nobleSealed = await seal(oneKilobyte);
const nodeSealed = nodeSeal(oneKilobyte);
if (nodeOpen(nobleSealed.envelope, nobleSealed.key) !== oneKilobyte)
  throw new Error('node ≠ noble');
if ((await open(nodeSealed.envelope, nodeSealed.key)) !== oneKilobyte)
  throw new Error('noble ≠ node');

const fast = new Bench({ time: 1000 });
fast
  .add('HMAC-SHA256 256 B · noble', () => hmac(sha256, key32, message256))
  .add('HMAC-SHA256 256 B · node:crypto', () =>
    createHmac('sha256', key32).update(message256).digest(),
  )
  .add('HKDF-SHA256 → 32 B · noble', () => hkdf(sha256, key32, undefined, infoKeyProof, 32))
  .add('HKDF-SHA256 → 32 B · node:crypto', () => hkdfSync('sha256', key32, '', infoKeyProof, 32))
  .add('seal 1 KB · noble (our seal)', () => seal(oneKilobyte))
  .add('seal 1 KB · node:crypto', () => nodeSeal(oneKilobyte))
  .add('open 1 KB · noble (our open)', () => open(nobleSealed.envelope, nobleSealed.key))
  .add('open 1 KB · node:crypto', () => nodeOpen(nobleSealed.envelope, nobleSealed.key));

const N = 2 ** 15;
const slow = new Bench({ time: 0, iterations: 5, warmupIterations: 1, warmupTime: 0 });
slow
  .add('scrypt logN 15 r 8 p 1 · noble scryptAsync', () =>
    scryptAsync(text('correct horse'), salt16, { N, r: 8, p: 1, dkLen: 32 }),
  )
  .add('scrypt logN 15 r 8 p 1 · node:crypto scrypt', () =>
    nodeScrypt(text('correct horse'), salt16, 32, { N, r: 8, p: 1, maxmem: 128 * 8 * (N + 3) }),
  );

await fast.run();
await slow.run();

/** Mean latency is the robust figure; ops/s is derived from it (1000 / mean ms). */
function meanMs(name: string): number {
  const task = [...fast.tasks, ...slow.tasks].find((t) => t.name === name);
  const result = task?.result as { latency?: { mean: number } } | undefined;
  return result?.latency?.mean ?? Number.NaN;
}

const pairs = [
  'HMAC-SHA256 256 B',
  'HKDF-SHA256 → 32 B',
  'scrypt logN 15 r 8 p 1',
  'seal 1 KB',
  'open 1 KB',
].map((primitive) => {
  const [noble, node] = [...fast.tasks, ...slow.tasks]
    .filter((t) => t.name.startsWith(`${primitive} ·`))
    .map((t) => meanMs(t.name)) as [number, number];
  const rate = (ms: number) =>
    ms >= 10 ? `${ms.toFixed(0)} ms` : `${Math.round(1000 / ms).toLocaleString('en-US')}/s`;
  return {
    primitive,
    noble: rate(noble),
    'node:crypto': rate(node),
    'node speed-up': `${(noble / node).toFixed(2)}×`,
  };
});
console.log(`Node ${process.version}, ${process.platform}/${process.arch}, single thread`);
console.table(pairs);
