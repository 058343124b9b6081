/**
 * The app's one Hushlink instance: stores (migrated), service, HTTP handler, admin login
 * and sweeper. Created on the first request and kept on `globalThis`, because Next.js may
 * evaluate a module once per route bundle: route handlers and pages must share one set
 * of stores and one session table.
 */
import type { FetchHandler } from '@hushlink/core/http';
import { createHushlinkService, type HushlinkService } from '@hushlink/example-shared';
import { type AppConfig, configFromEnv } from './config';

/** What the routes and pages use: the shared service (`close()` is `server.ts`'s, on SIGTERM). */
export type HushlinkApp = HushlinkService;

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

/** The service, printing a generated admin password at once (this app has no startup banner of its own). */
async function createHushlinkApp(config: AppConfig): Promise<HushlinkApp> {
  const log = (line: string) => console.log(line);
  const service = await createHushlinkService(config, { log });
  if (service.passwordGenerated) {
    log(`[hushlink] ADMIN_PASSWORD is not set; this run's password is: ${service.adminPassword}`);
  }
  return service;
}
