/**
 * Known answers for SHA-256 (FIPS 180-2 examples) and HMAC-SHA256 (RFC 4231 §4, test cases
 * 1–7) that both `#hash` implementations must give, in Node and in a browser.
 */

const hex = (text: string) =>
  Uint8Array.from(text.match(/../g) ?? [], (h) => Number.parseInt(h, 16));
const ascii = (text: string) => new TextEncoder().encode(text);
const repeated = (byte: number, length: number) => new Uint8Array(length).fill(byte);

/** `[name, data, SHA-256 hex]`. */
export const SHA256_VECTORS: Array<[string, Uint8Array, string]> = [
  ['empty', new Uint8Array(0), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', ascii('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  [
    'two blocks',
    ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  ],
];

/** `[name, key, data, HMAC-SHA256 hex]`; case 5's answer is truncated to 128 bits, as in the RFC. */
export const HMAC_SHA256_VECTORS: Array<[string, Uint8Array, Uint8Array, string]> = [
  [
    'RFC 4231 case 1',
    repeated(0x0b, 20),
    ascii('Hi There'),
    'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
  ],
  [
    'RFC 4231 case 2 (a key shorter than the output)',
    ascii('Jefe'),
    ascii('what do ya want for nothing?'),
    '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
  ],
  [
    'RFC 4231 case 3',
    repeated(0xaa, 20),
    repeated(0xdd, 50),
    '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe',
  ],
  [
    'RFC 4231 case 4',
    hex('0102030405060708090a0b0c0d0e0f10111213141516171819'),
    repeated(0xcd, 50),
    '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b',
  ],
  [
    'RFC 4231 case 5 (truncated output)',
    repeated(0x0c, 20),
    ascii('Test With Truncation'),
    'a3b6167473100ee06e0c796c2955552b',
  ],
  [
    'RFC 4231 case 6 (a key larger than a block)',
    repeated(0xaa, 131),
    ascii('Test Using Larger Than Block-Size Key - Hash Key First'),
    '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
  ],
  [
    'RFC 4231 case 7 (key and data larger than a block)',
    repeated(0xaa, 131),
    ascii(
      'This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.',
    ),
    '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
  ],
];

/** Lowercase hex of bytes, for comparing with the vectors. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
