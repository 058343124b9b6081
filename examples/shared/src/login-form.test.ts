import { describe, expect, it } from 'vitest';
import { pathAfterSignIn } from './login-form';

describe('pathAfterSignIn', () => {
  it('returns to the admin page or a private read page', () => {
    expect(pathAfterSignIn('/admin')).toBe('/admin');
    expect(pathAfterSignIn('/admin/requests/AbC_-09')).toBe('/admin/requests/AbC_-09');
    expect(pathAfterSignIn(undefined)).toBe('/admin');
  });

  it('never leaves the site or goes elsewhere on it', () => {
    for (const hostile of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example/admin',
      '/admin/requests/x?next=//evil.example',
      '/admin/requests/x#k',
      '/admin/../logout',
      '/admin/requests/%2F%2Fevil',
      '/adminx',
      '/admin/',
      ['/admin'],
    ]) {
      expect(pathAfterSignIn(hostile)).toBe('/admin');
    }
  });
});
