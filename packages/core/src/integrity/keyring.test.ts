import { createHash, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { createKeyring, deriveIntegrityKey, generateIntegrityKey } from './keyring';

const ROOT = Uint8Array.from({ length: 32 }, (_, i) => i);
const HEX = Buffer.from(ROOT).toString('hex');

/** The spec's derivation, computed independently with node:crypto. */
function expectedKeys(root: Uint8Array) {
  const derive = (info: string) =>
    new Uint8Array(hkdfSync('sha256', root, new Uint8Array(0), info, 32));
  const macKey = derive('hushlink/v1/mac');
  const id = createHash('sha256').update(macKey).digest().subarray(0, 8).toString('base64url');
  return { id, macKey, verifierKey: derive('hushlink/v1/verifier') };
}

describe('integrity keys', () => {
  it('derives the MAC key, verifier key and key id as DESIGN.md §3 says', () => {
    const key = deriveIntegrityKey(ROOT);
    expect({ ...key }).toEqual(expectedKeys(ROOT));
    expect(key.id).toMatch(/^[A-Za-z0-9_-]{11}$/);
    expect(key.macKey).not.toEqual(key.verifierKey);
  });

  it('reads the same key from hex, base64, base64url and bytes', () => {
    const forms = [
      HEX,
      HEX.toUpperCase(),
      `${HEX}\n`,
      Buffer.from(ROOT).toString('base64'),
      Buffer.from(ROOT).toString('base64url'),
      ROOT,
    ];
    const ids = forms.map((form) => createKeyring(form).current.id);
    expect(new Set(ids)).toEqual(new Set([expectedKeys(ROOT).id]));
  });

  it.each([
    ['a short hex key', 'ab'.repeat(31)],
    ['a short base64 key', Buffer.alloc(31, 1).toString('base64')],
    ['short bytes', new Uint8Array(31)],
    ['an empty string', ''],
    ['text that is neither hex nor base64', 'not a key!'],
    ['nothing', undefined],
  ])('refuses %s and says how to generate a key', (_, config) => {
    expect(() => createKeyring(config as string)).toThrow(ConfigError);
    expect(() => createKeyring(config as string)).toThrow(/npx hushlink keygen/);
  });

  it('never echoes the key in its error message', () => {
    const short = 'ab'.repeat(20);
    expect(() => createKeyring(short)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(short) }),
    );
  });

  it('derives a key from host secrets: length-prefixed, ordered, then HKDF', () => {
    const secrets = ['first secret of the host app', 'second one ü'];
    const ikm = Buffer.concat(
      secrets.flatMap((s) => {
        const bytes = Buffer.from(s, 'utf8');
        const length = Buffer.alloc(4);
        length.writeUInt32BE(bytes.length);
        return [length, bytes];
      }),
    );
    const root = new Uint8Array(
      hkdfSync('sha256', ikm, 'hushlink/v1/host-secrets', 'hushlink/v1/root', 32),
    );
    expect(createKeyring({ secrets }).current.id).toBe(expectedKeys(root).id);
    expect(createKeyring({ secrets: [...secrets].reverse() }).current.id).not.toBe(
      expectedKeys(root).id,
    );
  });

  it('refuses host secrets that are missing, empty or under 32 bytes in total', () => {
    expect(() => createKeyring({ secrets: [] })).toThrow(ConfigError);
    expect(() => createKeyring({ secrets: ['x'.repeat(40), ''] })).toThrow(ConfigError);
    expect(() => createKeyring({ secrets: ['short', 'also short'] })).toThrow(
      /npx hushlink keygen/,
    );
  });

  it('keeps previous keys for verification and uses the current one for new records', () => {
    const oldKey = generateIntegrityKey();
    const newKey = generateIntegrityKey();
    const ring = createKeyring({ current: newKey, previous: [oldKey] });
    expect(ring.current.id).toBe(createKeyring(newKey).current.id);
    expect(ring.get(createKeyring(oldKey).current.id)).toBeDefined();
    expect(ring.get('unknownkeyid')).toBeUndefined();
  });

  it('generates 32 random bytes as 64 hex characters', () => {
    const a = generateIntegrityKey();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(generateIntegrityKey()).not.toBe(a);
    expect(() => createKeyring(a)).not.toThrow();
  });
});
