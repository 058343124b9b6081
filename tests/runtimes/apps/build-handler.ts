/**
 * The one app every runtime serves: the real service and handler over the in-memory
 * store (or stores passed in), a fixed test HMAC key, and `Bearer test-token` as user
 * `alice`. Runtime-neutral on purpose: only the few lines in `*-app.ts` differ per runtime.
 */
import {
  createHushlink,
  createMemoryStore,
  type RateLimitStore,
  type SecretStore,
} from '@hushlink/core';
import { createHandler, type HushlinkHandler } from '@hushlink/core/http';

/** The integrity key of the test apps (64 hex characters; never use a fixed key in production). */
export const TEST_HMAC_KEY = 'a1'.repeat(32);

/** The bearer token `authorize` accepts, as user `alice`. */
export const TEST_TOKEN = 'test-token';

/** What a runtime may vary: the stores (Postgres on Bun and Deno). */
export interface TestAppOptions {
  secrets?: SecretStore;
  rateLimits?: RateLimitStore;
}

/** Builds the handler the runtime apps serve. */
export function buildHandler(options: TestAppOptions = {}): HushlinkHandler {
  const hushlink = createHushlink({
    store: options.secrets ?? createMemoryStore(),
    keys: TEST_HMAC_KEY,
  });
  return createHandler({
    hushlink,
    authorize: (request) =>
      request.headers.get('authorization') === `Bearer ${TEST_TOKEN}` ? { userId: 'alice' } : null,
    ...(options.rateLimits ? { rateLimits: { store: options.rateLimits } } : {}),
  });
}
