import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SecretRecord } from '../store/types';
import { fullRecord, minimalRecord } from '../testing/record-fixtures';
import { encodeRecordForMac, RECORD_ENCODING_TAG } from './canonical-record';
import { createKeyring } from './keyring';
import { macRecord, verifyRecord } from './record-mac';

const ring = createKeyring('a1'.repeat(32));
const keyId = ring.current.id;
const odd = (fields: Record<string, unknown>) =>
  ({ ...minimalRecord(), keyId, ...fields }) as unknown as SecretRecord;

/**
 * MACs computed before the encoder was optimized: every record stored so far carries one of
 * these, so a change of a single encoded byte must fail here (DESIGN.md §3: the MAC format
 * never changes within `hushlink/v1/record`).
 */
const PINNED: Array<[string, SecretRecord, number, string]> = [
  [
    'every field set',
    { ...fullRecord(), keyId },
    864,
    '42bfae7ab6c04b1a7548652e1fd5d470f4f9152214639298b1a0c403953e10e5',
  ],
  [
    'every nullable field null',
    { ...minimalRecord(), keyId },
    589,
    '3833a2272b0df67f7696161dca1a555cd1fc7a128d3cb5f20d92655ff8e74b79',
  ],
  [
    'a deleted envelope',
    odd({ envelope: null, status: 'viewed' }),
    553,
    '97a2274ab7fdf94ac95c467d8386a3cc063faa2f5e9642cf0112915b57774cbb',
  ],
  [
    'numbers that are not small integers',
    odd({
      views: -0,
      version: 1e21,
      createdAt: 0.1,
      expiresAt: Number.NaN,
      maxViews: Number.POSITIVE_INFINITY,
      failedAttempts: -5,
    }),
    586,
    '0ee38d81199b7df8c9bc1c9d105655c26972edb2ce8478a7a4b139bd35b18a2c',
  ],
  [
    'values of the wrong type (a store bug, a tampered row)',
    odd({
      views: '2',
      label: {},
      groupId: undefined,
      notify: 1,
      requestId: 10n,
      salt: [1, 2],
      envelope: 'text',
      kdf: { logN: 20, r: undefined },
    }),
    585,
    'aa4fb565c3584140edc59fef9968a109acbca5a3a979baa673d6964b26bdf9dc',
  ],
  [
    'lone surrogates and an empty string',
    odd({ label: 'a\ud800b\udc00\ud83d\udd11', createdBy: '' }),
    599,
    'fe63b0d1d9e036e9f66df16a33e4a20456a898e21a027cc2adba6e2986693621',
  ],
];

/** The layout written plainly, one small array per part: what the fast encoder must match. */
function referenceEncoding(record: SecretRecord): Uint8Array {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const prefixed = (bytes: Uint8Array) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  };
  const value = (v: unknown): Uint8Array => {
    if (v === null) return Uint8Array.of(0);
    if (v === undefined) return Uint8Array.of(5);
    if (typeof v === 'boolean') return Uint8Array.of(4, v ? 1 : 0);
    if (typeof v === 'string') return Buffer.concat([Uint8Array.of(1), prefixed(utf8(v))]);
    if (typeof v === 'number') return Buffer.concat([Uint8Array.of(2), prefixed(utf8(String(v)))]);
    if (v instanceof Uint8Array) return Buffer.concat([Uint8Array.of(3), prefixed(v)]);
    return Buffer.concat([Uint8Array.of(1), prefixed(utf8(`\u0000${typeof v}`))]);
  };
  const { envelope, kdf } = record;
  const fields: Array<[string, unknown]> = [
    ...(
      [
        'id',
        'version',
        'status',
        'createdAt',
        'expiresAt',
        'firstViewedAt',
        'lastViewedAt',
        'burnedAt',
        'burnReason',
        'createdBy',
        'label',
        'maxViews',
        'views',
        'failedAttempts',
      ] as const
    ).map((name): [string, unknown] => [name, record[name]]),
    ['kdf', kdf === null ? null : true],
    ['kdf.logN', kdf?.logN ?? null],
    ['kdf.r', kdf?.r ?? null],
    ['kdf.p', kdf?.p ?? null],
    ['salt', record.salt],
    ['keyProofVerifier', record.keyProofVerifier],
    ['passphraseVerifier', record.passphraseVerifier],
    [
      'envelopeSha256',
      envelope instanceof Uint8Array ? createHash('sha256').update(envelope).digest() : envelope,
    ],
    ['notify', record.notify],
    ['groupId', record.groupId],
    ['requestId', record.requestId],
    ['ephemeralKey', record.ephemeralKey],
    ['keyId', record.keyId],
  ];
  return new Uint8Array(
    Buffer.concat([
      prefixed(utf8(RECORD_ENCODING_TAG)),
      ...fields.flatMap(([name, v]) => [prefixed(utf8(name)), value(v)]),
    ]),
  );
}

const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const anyNumber = fc.oneof(fc.integer(), fc.double(), fc.constant(-0));
const anything = fc.oneof(text, anyNumber, fc.boolean(), fc.uint8Array(), fc.constant(null));
const records = fc
  .record({
    id: text,
    version: anyNumber,
    status: text,
    createdAt: anyNumber,
    expiresAt: anyNumber,
    firstViewedAt: nullable(anyNumber),
    lastViewedAt: nullable(anyNumber),
    burnedAt: nullable(anyNumber),
    burnReason: nullable(text),
    createdBy: text,
    label: fc.oneof(nullable(text), anything),
    maxViews: nullable(anyNumber),
    views: fc.oneof(anyNumber, anything),
    failedAttempts: anyNumber,
    kdf: nullable(fc.record({ logN: anyNumber, r: anyNumber, p: anyNumber })),
    salt: fc.uint8Array({ maxLength: 40 }),
    keyProofVerifier: fc.uint8Array({ maxLength: 40 }),
    passphraseVerifier: nullable(fc.uint8Array({ maxLength: 40 })),
    envelope: nullable(fc.uint8Array({ maxLength: 600 })),
    notify: fc.oneof(fc.boolean(), anything),
    groupId: nullable(text),
    requestId: nullable(text),
    ephemeralKey: nullable(fc.uint8Array({ maxLength: 40 })),
    keyId: text,
    mac: fc.uint8Array({ minLength: 32, maxLength: 32 }),
  })
  .map((r) => r as unknown as SecretRecord);

describe('canonical record encoding', () => {
  it.each(PINNED)('keeps the MAC of a record with %s', (_, record, length, mac) => {
    expect(encodeRecordForMac(record)).toHaveLength(length);
    expect(Buffer.from(macRecord(record, ring)).toString('hex')).toBe(mac);
    expect(verifyRecord({ ...record, mac: Buffer.from(mac, 'hex') }, ring)).toBe(true);
  });

  it('encodes any record, sound or not, exactly as the plain layout does', () => {
    fc.assert(
      fc.property(records, (record) => {
        expect(encodeRecordForMac(record)).toEqual(referenceEncoding(record));
      }),
      { numRuns: 200 },
    );
  });

  it('returns bytes of its own, for small and very large records alike', () => {
    const large = odd({ label: 'ü€🔑x'.repeat(6000), salt: new Uint8Array(70_000).fill(7) });
    const medium = odd({ createdBy: 'é'.repeat(3000) });
    const small = odd({});
    const encodings = [large, medium, small, large, small].map((r) => encodeRecordForMac(r));
    [large, medium, small, large, small].forEach((record, i) => {
      expect(encodings[i]).toEqual(referenceEncoding(record));
    });
    expect(verifyRecord({ ...large, mac: macRecord(large, ring) }, ring)).toBe(true);
  });
});
