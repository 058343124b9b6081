import { describe, expect, it } from 'vitest';
import { CliError } from './cli-error';
import { parseCommand } from './parse-command';
import { parseTtl } from './parse-ttl';

describe('parseCommand', () => {
  it('parses share with defaults and every option', () => {
    expect(parseCommand(['share', '--url', 'https://x.test/hl/'])).toEqual({
      command: 'share',
      url: 'https://x.test/hl',
      ttlSeconds: 86_400,
      maxViews: 1,
      label: null,
      passphraseFile: null,
      notify: false,
    });
    expect(
      parseCommand(
        [
          'share',
          '--ttl',
          '7d',
          '--views',
          'unlimited',
          '--label',
          'db',
          '--passphrase-file',
          'p.txt',
          '--notify',
        ],
        { HUSHLINK_URL: 'http://127.0.0.1:3000' },
      ),
    ).toMatchObject({
      url: 'http://127.0.0.1:3000',
      ttlSeconds: 604_800,
      maxViews: null,
      label: 'db',
      passphraseFile: 'p.txt',
      notify: true,
    });
  });

  it('parses reveal, keygen, help and version', () => {
    expect(parseCommand(['reveal', 'https://x.test/s/a#b'])).toEqual({
      command: 'reveal',
      link: 'https://x.test/s/a#b',
      passphraseFile: null,
    });
    expect(parseCommand(['keygen'])).toEqual({ command: 'keygen' });
    expect(parseCommand([])).toEqual({ command: 'help' });
    expect(parseCommand(['share', '--help'])).toEqual({ command: 'help' });
    expect(parseCommand(['--version'])).toEqual({ command: 'version' });
  });

  it.each([
    [['nope']],
    [['share']],
    [['share', '--url', 'ftp://x.test']],
    [['share', '--url', 'https://x.test/?a=1']],
    [['share', '--url', 'https://x.test', '--views', '0']],
    [['share', '--url', 'https://x.test', '--views', '1001']],
    [['share', '--url', 'https://x.test', '--passphrase', 'oops']],
    [['reveal']],
    [['reveal', 'a', 'b']],
    [['keygen', 'extra']],
  ])('refuses %j with a usage error (exit 2)', (argv) => {
    try {
      parseCommand(argv);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(2);
    }
  });
});

describe('parseTtl', () => {
  it.each([
    ['1h', 3600],
    ['24h', 86_400],
    ['3d', 259_200],
    ['30d', 2_592_000],
    ['90m', 5400],
    ['7200', 7200],
  ])('%s → %i seconds', (text, seconds) => {
    expect(parseTtl(text)).toBe(seconds);
  });
  it.each(['59m', '31d', '1w', '', '-1h', '1.5h'])('refuses %s', (text) => {
    expect(() => parseTtl(text)).toThrow(CliError);
  });
});
