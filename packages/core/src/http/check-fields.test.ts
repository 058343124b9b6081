import { describe, expect, it } from 'vitest';
import { encodeBase64url } from '../crypto';
import { InvalidRequestError, NotAvailableError } from '../errors';
import {
  checkCreateBody,
  checkHistoryQuery,
  checkMetaBody,
  checkRevealBody,
  isSecretId,
} from './check-fields';

const proof = encodeBase64url(new Uint8Array(32).fill(7));
const envelope = encodeBase64url(new Uint8Array(320));

describe('checkCreateBody', () => {
  it('returns decoded bytes and the optional fields', () => {
    const fields = checkCreateBody({
      envelope,
      keyProof: proof,
      ttlSeconds: 3600,
      maxViews: null,
      label: '',
      notify: true,
    });
    expect(fields.keyProof).toHaveLength(32);
    expect(fields.envelope).toHaveLength(320);
    expect(fields).toMatchObject({ ttlSeconds: 3600, maxViews: null, label: null, notify: true });
  });

  it('counts label length in code points', () => {
    expect(
      checkCreateBody({ envelope, keyProof: proof, label: '😀'.repeat(200) }).label,
    ).toHaveLength(400);
    expect(() => checkCreateBody({ envelope, keyProof: proof, label: '😀'.repeat(201) })).toThrow(
      InvalidRequestError,
    );
  });

  it.each([
    { ttlSeconds: 2_592_000.5 },
    { ttlSeconds: Number.NaN },
    { maxViews: '1' },
    { label: 'x\uD800' },
    { passphraseProof: `${proof}A` },
    { keyProof: proof.replace(/.$/, '=') },
  ])('refuses %o', (patch) => {
    const body = JSON.parse(JSON.stringify({ envelope, keyProof: proof, ...patch }));
    expect(() => checkCreateBody(body)).toThrow(InvalidRequestError);
  });
});

it('refuses a "__proto__" member as an unknown field', () => {
  const body = JSON.parse(
    `{"envelope":"${envelope}","keyProof":"${proof}","__proto__":{"label":"x"}}`,
  );
  expect(() => checkCreateBody(body)).toThrow(InvalidRequestError);
});

describe('recipient bodies', () => {
  it('a missing or malformed keyProof is not available, before unknown fields', () => {
    for (const body of [null, {}, { keyProof: 1 }, { keyProof: proof.slice(2), extra: 1 }]) {
      expect(() => checkMetaBody(body)).toThrow(NotAvailableError);
      expect(() => checkRevealBody(body)).toThrow(NotAvailableError);
    }
  });

  it('then unknown fields and a malformed passphraseProof are invalid', () => {
    expect(() => checkMetaBody({ keyProof: proof, passphraseProof: proof })).toThrow(
      InvalidRequestError,
    );
    expect(() => checkRevealBody({ keyProof: proof, passphraseProof: 'x' })).toThrow(
      InvalidRequestError,
    );
    expect(checkRevealBody({ keyProof: proof, passphraseProof: null }).passphraseProof).toBeNull();
  });
});

describe('checkHistoryQuery and isSecretId', () => {
  it('reads limit 1..100 and a cursor, ignoring other parameters', () => {
    expect(checkHistoryQuery(new URLSearchParams('limit=100&cursor=abc&_=1'))).toEqual({
      limit: 100,
      cursor: 'abc',
    });
    expect(() => checkHistoryQuery(new URLSearchParams('limit=1&limit=2'))).toThrow(
      InvalidRequestError,
    );
    expect(() => checkHistoryQuery(new URLSearchParams('limit=0100'))).toThrow(InvalidRequestError);
  });

  it('accepts only 22 base64url characters of 16 bytes', () => {
    expect(isSecretId('AAAAAAAAAAAAAAAAAAAAAA')).toBe(true);
    expect(isSecretId('AAAAAAAAAAAAAAAAAAAAAB')).toBe(false);
    expect(isSecretId('AAAAAAAAAAAAAAAAAAAAA')).toBe(false);
    expect(isSecretId('AAAAAAAAAAAAAAAAAAAA+A')).toBe(false);
  });
});
