import { describe, expect, it } from 'vitest';
import { clientBucketKey } from './client-bucket-key';
import { ipForStorage } from './ip-for-storage';

describe('ipForStorage', () => {
  it.each([
    ['203.0.113.77', 'full', '203.0.113.77'],
    ['203.0.113.77', 'truncated', '203.0.113.0/24'],
    ['203.0.113.77', 'none', null],
    ['2001:db8:1:2:3:4:5:6', 'full', '2001:db8:1:2:3:4:5:6'],
    ['2001:db8:1:2:3:4:5:6', 'truncated', '2001:db8:1::/48'],
    ['2001:db8:abcd:ff00::1', 'truncated', '2001:db8:abcd::/48'],
    ['::ffff:203.0.113.77', 'truncated', '203.0.113.0/24'],
    [null, 'full', null],
    [null, 'truncated', null],
    ['not-an-ip', 'full', null],
  ] as const)('%j stored %s is %j', (ip, mode, stored) => {
    expect(ipForStorage(ip, mode)).toBe(stored);
  });
});

describe('clientBucketKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::', '2001:db8:1:2::/64'],
    ['::1', '::/64'],
    [null, 'unknown'],
  ])('%j is bucket %j', (ip, key) => {
    expect(clientBucketKey(ip)).toBe(key);
  });

  it('puts every address of one IPv6 /64 in the same bucket and the next /64 elsewhere', () => {
    expect(clientBucketKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe(
      clientBucketKey('2001:db8:1:2::1'),
    );
    expect(clientBucketKey('2001:db8:1:3::1')).not.toBe(clientBucketKey('2001:db8:1:2::1'));
  });
});
