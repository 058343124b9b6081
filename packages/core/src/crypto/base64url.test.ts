import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url, isBase64url } from './base64url';
import { buildLink } from './link';
import { generateKey } from './random-bytes';

describe('base64url', () => {
  it.each([
    ['', []],
    ['AA', [0]],
    ['AAA', [0, 0]],
    ['AAAA', [0, 0, 0]],
    ['Eqs', [0x12, 0xab]],
    ['-_8', [0xfb, 0xff]],
    ['_-A', [0xff, 0xe0]],
  ])('decodes %j', (text, bytes) => {
    expect([...decodeBase64url(text)]).toEqual(bytes);
    expect(encodeBase64url(new Uint8Array(bytes))).toBe(text);
  });

  it.each([
    ['padding', 'Eqs='],
    ['double padding', 'QQ=='],
    ['standard alphabet +', 'Eq+'],
    ['standard alphabet /', 'Eq/'],
    ['a space inside', 'Eq s'],
    ['leading space', ' Eqs'],
    ['trailing newline', 'Eqs\n'],
    ['a tab', 'Eq\ts'],
    ['non-canonical trailing bits (2 chars)', 'AB'],
    ['non-canonical trailing bits (3 chars)', 'Eqt'],
    ['a lone character', 'A'],
    ['length 4k + 1', 'AAAAA'],
    ['non-ASCII letter', 'Eqé'],
    ['a full-width letter', 'Ｅqs'],
    ['a dot', 'Eq.s'],
  ])('refuses %s (%j)', (_, text) => {
    expect(() => decodeBase64url(text)).toThrow(
      expect.objectContaining({ code: 'invalid_base64url' }),
    );
    expect(isBase64url(text)).toBe(false);
  });

  it('refuses a value that is not a string', () => {
    expect(isBase64url(undefined as unknown as string)).toBe(false);
    expect(isBase64url(42 as unknown as string)).toBe(false);
  });

  it('checks the decoded length when asked to', () => {
    const key = encodeBase64url(new Uint8Array(32));
    expect(key).toHaveLength(43);
    expect(decodeBase64url(key, 32)).toHaveLength(32);
    expect(isBase64url(key, 32)).toBe(true);
    expect(isBase64url(key, 31)).toBe(false);
    expect(() => decodeBase64url(key.slice(0, 42), 32)).toThrow(
      expect.objectContaining({ code: 'invalid_base64url' }),
    );
  });

  it('never echoes the refused text in its message (it may be a key)', () => {
    const secretish = 'c2VjcmV0LWtleS1tYXRlcmlhbA=';
    try {
      decodeBase64url(secretish, 32);
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(secretish);
    }
  });
});

describe('generateKey', () => {
  it('returns 32 fresh random bytes', () => {
    const a = generateKey();
    const b = generateKey();
    expect(a).toHaveLength(32);
    expect(a).not.toEqual(b);
  });
});

describe('buildLink', () => {
  const key = new Uint8Array(32).map((_, i) => i);
  const fragment = encodeBase64url(key);

  it('puts the key in the fragment after /s/{id}', () => {
    expect(buildLink('https://example.com', 'AbC-_123', key)).toBe(
      `https://example.com/s/AbC-_123#${fragment}`,
    );
    expect(fragment).toHaveLength(43);
  });

  it('keeps a base path and drops trailing slashes', () => {
    expect(buildLink('https://example.com/vault/', 'id', key)).toBe(
      `https://example.com/vault/s/id#${fragment}`,
    );
  });

  it('refuses a key that is not 32 bytes and an id that is not base64url', () => {
    expect(() => buildLink('https://x.test', 'id', key.subarray(1))).toThrow(
      expect.objectContaining({ code: 'invalid_key' }),
    );
    for (const id of ['', '../admin', 'a#b', 'a?b']) {
      expect(() => buildLink('https://x.test', id, key)).toThrow(
        expect.objectContaining({ code: 'invalid_base64url' }),
      );
    }
  });
});
