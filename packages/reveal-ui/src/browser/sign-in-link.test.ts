import { describe, expect, it } from 'vitest';
import { loginPathOf, signInHref } from './sign-in-link';

describe('the private read page sign-in link', () => {
  it('goes to {adminPath}/login with next = this page, and no fragment', () => {
    expect(signInHref(undefined, '/admin/requests/abc_-1')).toBe(
      '/admin/login?next=%2Fadmin%2Frequests%2Fabc_-1',
    );
    expect(signInHref(undefined, '/team/secrets/requests/x')).toBe(
      '/team/secrets/login?next=%2Fteam%2Fsecrets%2Frequests%2Fx',
    );
  });

  it('takes data-login-path when it is a plain path, never another origin', () => {
    expect(loginPathOf('/sso/start', '/admin/requests/x')).toBe('/sso/start');
    for (const hostile of ['//evil.example', 'https://evil.example/login', '/a//b', '']) {
      expect(loginPathOf(hostile, '/admin/requests/x')).toBe('/admin/login');
    }
    expect(loginPathOf(undefined, '/elsewhere')).toBe('/admin/login');
    expect(loginPathOf(undefined, '/requests/x')).toBe('/admin/login');
  });
});
