import { describe, expect, it } from 'vitest';
import { encodeBase64url } from '../crypto';
import { CliError } from './cli-error';
import { parseSecretLink } from './parse-secret-link';

const id = 'AAAAAAAAAAAAAAAAAAAAAA';
const key = encodeBase64url(new Uint8Array(32).fill(9));

describe('parseSecretLink', () => {
  it('splits origin + base path, id and key', () => {
    const link = parseSecretLink(`https://app.test/vault/s/${id}#${key}`);
    expect(link.baseUrl).toBe('https://app.test/vault');
    expect(link.id).toBe(id);
    expect(link.key).toEqual(new Uint8Array(32).fill(9));
    expect(parseSecretLink(` http://127.0.0.1:3000/s/${id}#${key}\n`).baseUrl).toBe(
      'http://127.0.0.1:3000',
    );
  });

  it.each([
    'not a link',
    `ftp://app.test/s/${id}#${key}`,
    `https://app.test/s/${id}`,
    `https://app.test/s/${id}#${key.slice(1)}`,
    `https://app.test/x/${id}#${key}`,
    `https://app.test/s/${id.slice(1)}#${key}`,
  ])('refuses %s without echoing the key', (text) => {
    try {
      parseSecretLink(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      expect((error as Error).message).not.toContain(key);
    }
  });
});
