import { describe, expect, it } from 'vitest';
import { DEFAULT_STRINGS, fill, resolveStrings } from './strings';

describe('strings', () => {
  it('keeps the product page sentences word for word', () => {
    expect(DEFAULT_STRINGS.gone).toBe(
      'Information no longer available. Contact the person who sent you this link and ask them to create a new secret.',
    );
    expect(DEFAULT_STRINGS.createdByYou).toBe(
      'You created this secret. If you view it, the recipient will not be able to see it.',
    );
    expect(DEFAULT_STRINGS.clickToReveal).toBe('Click to reveal');
    expect(DEFAULT_STRINGS.copyToClipboard).toBe('Copy to clipboard');
    expect(DEFAULT_STRINGS.youCanClose).toBe('You can close this window');
    expect(DEFAULT_STRINGS.createSecretLink).toBe('Create secret link');
    expect(DEFAULT_STRINGS.unopenedExpired).toBe('unopened, expired');
    expect(DEFAULT_STRINGS.passphraseAdvice).toBe(
      'Share the passphrase through a different channel than the link.',
    );
  });

  it('keeps the request-link texts of the issue word for word', () => {
    expect(DEFAULT_STRINGS.sendSecurely).toBe('Send securely');
    expect(DEFAULT_STRINGS.sent).toBe('Sent — you can close this window');
    expect(DEFAULT_STRINGS.requestHeading).toBe('Request a secret');
    expect(DEFAULT_STRINGS.reveal).toBe('Reveal');
    expect([
      DEFAULT_STRINGS.statusOpen,
      DEFAULT_STRINGS.statusAnswered,
      DEFAULT_STRINGS.statusExpired,
      DEFAULT_STRINGS.statusBurned,
    ]).toEqual(['Open', 'Answered', 'Expired', 'Burned']);
  });

  it('overrides known keys with strings only', () => {
    const strings = resolveStrings({ clickToReveal: 'Anzeigen', burn: 42, extra: 'x' });
    expect(strings.clickToReveal).toBe('Anzeigen');
    expect(strings.burn).toBe('Burn');
    expect('extra' in strings).toBe(false);
    expect(resolveStrings('nonsense')).toEqual(DEFAULT_STRINGS);
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(fill('{views} of {count}', { views: 1, count: 3 })).toBe('1 of 3');
    expect(fill('{other}', {})).toBe('{other}');
  });
});
