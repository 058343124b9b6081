/**
 * The app's one Hushlink instance: stores (migrated), service, HTTP handler, admin login
 * and sweeper. Created on the first request and kept on `globalThis`, because Next.js may
 * evaluate a module once per route bundle: route handlers and pages must share one set
 * of stores and one session table.
 */
import { randomBytes } from 'node:crypto';
import {
  createHushlink,
  type Hushlink,
  startSweeper,
  type TrustedProxiesOption,
} from '@hushlink/core';
import { createHandler, type FetchHandler, type HushlinkHandler } from '@hushlink/core/http';
import { type AdminSessions, createAdminSessions } from './admin-sessions';
import { type AppConfig, configFromEnv } from './config';
import { resolveIntegrityKey } from './integrity-key';
import { type AppStores, openStores } from './open-stores';

/** What the routes and pages use. */
export interface HushlinkApp {
  hushlink: Hushlink;
  handler: HushlinkHandler;
  sessions: AdminSessions;
  stores: AppStores;
  /** Stops the sweeper and closes the database (`server.ts` calls it on SIGTERM). */
  close(): Promise<void>;
}

/** Where the instance lives; `server.ts` reads it to close the database on shutdown. */
export const APP_GLOBAL = Symbol.for('hushlink.nextjs.app');

type AppGlobal = { [APP_GLOBAL]?: Promise<HushlinkApp> };

/**
 * The instance, created on first use from the environment.
 * @throws {ConfigError} for a bad `HUSHLINK_HMAC_KEY`, `APP_SECRET` or `TRUSTED_PROXIES` entry.
 * @throws {Error} when the database cannot be opened or migrated (the next call retries).
 */
export function hushlinkApp(): Promise<HushlinkApp> {
  const holder = globalThis as AppGlobal;
  holder[APP_GLOBAL] ??= createHushlinkApp(configFromEnv()).catch((error: unknown) => {
    delete holder[APP_GLOBAL];
    throw error;
  });
  return holder[APP_GLOBAL];
}

/**
 * The handler for route files, resolving the instance per request. Mounted at the root:
 * it owns `/api/…`, `/s/…` and `/assets/…`.
 */
export const hushlinkHandler: FetchHandler = async (request, context) =>
  (await hushlinkApp()).handler(request, context);

async function createHushlinkApp(config: AppConfig): Promise<HushlinkApp> {
  const log = (line: string) => console.log(line);
  const key = resolveIntegrityKey(config);
  if (key.source === 'generated' || key.source === 'data-dir') {
    log(
      `[hushlink] WARNING: no HUSHLINK_HMAC_KEY or APP_SECRET set; using the integrity key ` +
        `${key.source === 'generated' ? 'just generated into' : 'kept in'} ${config.dataDir}/hmac-key. ` +
        'Set HUSHLINK_HMAC_KEY in production (generate one with `npx hushlink keygen`).',
    );
  }
  const stores = await openStores(config);
  const hushlink = createHushlink({ store: stores.secrets, keys: key.keys });

  const adminPassword = config.adminPassword ?? randomBytes(12).toString('base64url');
  if (config.adminPassword === null) {
    log(`[hushlink] ADMIN_PASSWORD is not set; this run's password is: ${adminPassword}`);
  }
  const sessions = createAdminSessions({
    user: config.adminUser,
    password: adminPassword,
    token: config.adminToken,
    secureCookies: config.secureCookies,
    now: Date.now,
  });

  const handler = createHandler({
    hushlink,
    authorize: (request) => sessions.authorize(request),
    basePath: '',
    trustedProxies: trustedProxiesOption(config.trustedProxies),
    cloudflareConnectingIp:
      config.trustedProxies.length === 1 && config.trustedProxies[0] === 'cloudflare',
    rateLimits: { store: stores.rateLimits },
    onError: (error) => log(`[hushlink] ${error instanceof Error ? error.message : String(error)}`),
  });

  const sweeper = startSweeper(hushlink, {
    intervalMs: config.sweepIntervalMs,
    onError: (error) => log(`[hushlink] sweep failed: ${String(error)}`),
  });

  return {
    hushlink,
    handler,
    sessions,
    stores,
    async close() {
      await sweeper.stop();
      await stores.close();
    },
  };
}

/** `TRUSTED_PROXIES` entries as the handler's option; `cloudflare` selects the preset. */
function trustedProxiesOption(entries: readonly string[]): TrustedProxiesOption | undefined {
  if (entries.length === 0) return undefined;
  const extra = entries.filter((entry) => entry.toLowerCase() !== 'cloudflare');
  if (extra.length === entries.length) return extra;
  return { preset: 'cloudflare', extra };
}
