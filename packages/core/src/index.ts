/**
 * @hushlink/core — share a secret through a link that expires.
 *
 * Subpaths: `@hushlink/core/crypto` (browser-safe envelope), `/http` (fetch handler),
 * `/node` (node:http and Express adapter), `/testing` (store contract suites).
 */
export * from './errors';
export * from './integrity';
export * from './lifecycle';
export * from './net';
export * from './notify';
export * from './ratelimit';
export * from './service';
export * from './store';
