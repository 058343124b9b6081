import { describe, expect, it } from 'vitest';
import { parseIpStrict } from './parse-ip-strict';

describe('parseIpStrict', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['203.0.113.7:443', '203.0.113.7'],
    ['2001:db8::1', '2001:db8::1'],
    ['2001:DB8:0:0::1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['::1', '::1'],
    ['::', '::'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['[2001:db8::1]:8080', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['[fe80::1%25eth0]:443', 'fe80::1'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['::FFFF:c000:0201', '192.0.2.1'],
    ['[::ffff:192.0.2.1]:80', '192.0.2.1'],
    ['64:ff9b::192.0.2.1', '64:ff9b::c000:201'],
  ])('reads %j as %j', (text, canonical) => {
    expect(parseIpStrict(text)).toBe(canonical);
  });

  it.each([
    ['shorthand IPv4', '127.1'],
    ['three parts', '10.0.1'],
    ['hex IPv4', '0x7f.0.0.1'],
    ['octal IPv4', '0177.0.0.1'],
    ['leading zero', '1.2.3.04'],
    ['single number', '2130706433'],
    ['octet over 255', '256.1.1.1'],
    ['five parts', '1.2.3.4.5'],
    ['empty', ''],
    ['surrounding space', ' 203.0.113.7'],
    ['empty port', '203.0.113.7:'],
    ['port over 65535', '203.0.113.7:65536'],
    ['bracketed IPv4', '[203.0.113.7]'],
    ['IPv4 with zone', '203.0.113.7%eth0'],
    ['unclosed bracket', '[::1'],
    ['junk after bracket', '[::1]x'],
    ['two double colons', '1::2::3'],
    ['nine groups', '1:2:3:4:5:6:7:8:9'],
    ['lenient embedded IPv4', '::ffff:127.1'],
    ['leading-zero embedded IPv4', '::ffff:01.2.3.4'],
    ['empty zone', 'fe80::1%'],
    ['zone with space', 'fe80::1%a b'],
    ['hostname', 'localhost'],
    ['CIDR', '203.0.113.0/24'],
    ['unknown', 'unknown'],
    ['very long', `${'1'.repeat(10_000)}.1.1.1`],
  ])('refuses %s (%j)', (_label, text) => {
    expect(parseIpStrict(text)).toBeNull();
  });

  it('never throws on non-string input from untyped callers', () => {
    for (const value of [undefined, null, 42, {}, [], Symbol('x')]) {
      expect(parseIpStrict(value as never)).toBeNull();
    }
  });
});
