import { describe, expect, it } from 'vitest';
import {
  allowHeader,
  matchRoute,
  normaliseBasePath,
  ownsPath,
  routeForMethod,
} from './match-route';

const ID = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('matchRoute', () => {
  it.each([
    ['/api/secrets', 'POST', 'createSecret'],
    ['/api/secrets', 'GET', 'listSecrets'],
    ['/api/secrets', 'HEAD', 'listSecrets'],
    [`/api/secrets/${ID}`, 'DELETE', 'burnSecret'],
    [`/api/secrets/${ID}/events`, 'GET', 'listEvents'],
    [`/api/secrets/${ID}/meta`, 'POST', 'secretMeta'],
    [`/api/secrets/${ID}/reveal`, 'POST', 'revealSecret'],
    [`/s/${ID}`, 'GET', 'page'],
    ['/s/anything-at-all', 'HEAD', 'page'],
    ['/assets/app.1234.js', 'GET', 'asset'],
    ['/assets/nested/file.css', 'GET', 'asset'],
    ['/api/requests', 'POST', 'createRequest'],
    ['/api/requests', 'GET', 'listRequests'],
    [`/api/requests/${ID}`, 'DELETE', 'burnRequest'],
    [`/api/requests/${ID}/events`, 'GET', 'listRequestEvents'],
    [`/api/requests/${ID}/meta`, 'POST', 'requestMeta'],
    [`/api/requests/${ID}/answer`, 'POST', 'answerRequest'],
    [`/r/${ID}`, 'GET', 'requestPage'],
    ['/r/anything-at-all', 'HEAD', 'requestPage'],
  ])('%s %s → %s', (path, method, route) => {
    const match = matchRoute(`/hl${path}`, '/hl');
    expect(match.owned && match.resource && routeForMethod(match.resource, method)).toBe(route);
  });

  it.each([
    '/api/requests/',
    `/api/requests/${ID}/x`,
    `/api/requests/${ID}/meta/x`,
    '/r/',
    '/r/a/b',
    '/api/secrets/',
    `/api/secrets/${ID}/x`,
    '/s/',
    '/s/a/b',
    '/assets/',
  ])('owns but does not know %s', (path) => {
    expect(matchRoute(path, '')).toEqual({ owned: true, resource: null });
  });

  it('passes every other path on, including lookalikes of the base path', () => {
    for (const path of ['/', '/api', '/admin', '/hlx/api/secrets', '/s', '/hl/api']) {
      expect(ownsPath(path, '/hl')).toBe(false);
    }
    expect(ownsPath('/hl/r/x', '/hl')).toBe(true);
  });

  it('lists HEAD beside GET in Allow', () => {
    const match = matchRoute('/api/secrets', '');
    expect(match.owned && match.resource && allowHeader(match.resource)).toBe('GET, HEAD, POST');
  });
});

describe('normaliseBasePath', () => {
  it('accepts "", "/" and paths, dropping trailing slashes', () => {
    expect(normaliseBasePath(undefined)).toBe('');
    expect(normaliseBasePath('/')).toBe('');
    expect(normaliseBasePath('/hushlink/')).toBe('/hushlink');
  });
  it.each(['hushlink', '/a//b', '/a?b', '/a#b', '/a b'])('refuses %s', (path) => {
    expect(() => normaliseBasePath(path)).toThrow(TypeError);
  });
});
