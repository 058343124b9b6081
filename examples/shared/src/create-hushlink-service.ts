/**
 * The part of both apps that is not about their framework: the integrity key (with a
 * warning when it was generated), the migrated stores, the service, the admin login, the
 * HTTP handler, the sweeper and the notifications (webhook dispatcher, log line), all from
 * the shared settings.
 */
import { randomBytes } from 'node:crypto';
import {
  createHushlink,
  type Hushlink,
  startSweeper,
  startWebhookDispatcher,
  type WebhookDispatcher,
} from '@hushlink/core';
import { createHandler, type HandlerOptions, type HushlinkHandler } from '@hushlink/core/http';
import { createNodeWebhookSender } from '@hushlink/core/node';
import { type AdminSessions, createAdminSessions } from './admin-sessions';
import { resolveIntegrityKey } from './integrity-key';
import { type AppStores, openStores } from './open-stores';
import { proxyOptions } from './proxy-options';
import type { SharedConfig } from './shared-config';
import { notificationLine, webhookEndpoints } from './webhook-settings';

/** What differs between the apps in {@link createHushlinkService}. */
export interface HushlinkServiceOptions {
  /** Hushlink's clock (epoch ms): tests inject one to expire secrets. Default `Date.now`. */
  now?: () => number;
  /** Where notices and errors go. */
  log: (line: string) => void;
  /** Extra handler options (e.g. Express serves reveal-ui's pages and assets through it). */
  handler?: Pick<HandlerOptions, 'renderPage' | 'renderRequestPage' | 'assets'>;
}

/** The running service, ready for a framework to mount `handler`. */
export interface HushlinkService {
  hushlink: Hushlink;
  /** Mounted at the root: it owns `/api/…`, `/s/…`, `/r/…` and `/assets/…`. */
  handler: HushlinkHandler;
  sessions: AdminSessions;
  stores: AppStores;
  /** The admin password in use (generated when `ADMIN_PASSWORD` was unset). */
  adminPassword: string;
  /** Whether {@link adminPassword} was generated (the app prints it). */
  passwordGenerated: boolean;
  /** `HUSHLINK_NOTIFY_DEFAULT`: the create form's default for "Notify me when opened". */
  notifyDefault: boolean;
  /** Delivers the webhooks (`listFailedDeliveries()` shows what was given up); null without any. */
  dispatcher: WebhookDispatcher | null;
  /** Stops the sweeper and the webhook dispatcher, and closes the database. */
  close(): Promise<void>;
}

/**
 * Opens and migrates the database, resolves the integrity key and wires the service,
 * the admin login, the handler, (unless `sweepIntervalMs` is 0) the sweeper, and with
 * `HUSHLINK_WEBHOOK_URL` the webhook dispatcher. Secrets with `notify` get a log line for
 * each event (`[hushlink] opened: <label> by <ip>`).
 * @throws {ConfigError} for a bad `HUSHLINK_HMAC_KEY`, `APP_SECRET`, `TRUSTED_PROXIES`,
 *   `HUSHLINK_WEBHOOK_URL` or `HUSHLINK_WEBHOOK_SECRET`, before the database is opened.
 * @throws {Error} when the database cannot be opened or migrated.
 */
export async function createHushlinkService(
  config: SharedConfig,
  options: HushlinkServiceOptions,
): Promise<HushlinkService> {
  const { log } = options;
  const now = options.now ?? Date.now;
  // Checked first: a bad webhook setting stops the start before anything is opened.
  const webhooks = webhookEndpoints(config);
  const key = resolveIntegrityKey(config);
  if (key.source === 'generated' || key.source === 'data-dir') {
    log(
      `[hushlink] WARNING: no HUSHLINK_HMAC_KEY or APP_SECRET set; using the integrity key ` +
        `${key.source === 'generated' ? 'just generated into' : 'kept in'} ${config.dataDir}/hmac-key. ` +
        'Set HUSHLINK_HMAC_KEY in production (generate one with `npx hushlink keygen`).',
    );
  }
  const stores = await openStores(config);
  const hushlink = createHushlink({
    store: stores.secrets,
    keys: key.keys,
    now,
    webhooks,
    onEvent: (event) => {
      const line = notificationLine(event);
      if (line !== null) log(line);
    },
  });
  const dispatcher =
    webhooks.length === 0
      ? null
      : startWebhookDispatcher({
          store: stores.secrets,
          webhooks,
          send: createNodeWebhookSender({ allowPrivate: config.webhookAllowPrivate }),
          onError: (error) =>
            log(`[hushlink] webhook: ${error instanceof Error ? error.message : String(error)}`),
        });

  const passwordGenerated = config.adminPassword === null;
  const adminPassword = config.adminPassword ?? randomBytes(12).toString('base64url');
  const sessions = createAdminSessions({
    user: config.adminUser,
    password: adminPassword,
    token: config.adminToken,
    secureCookies: config.secureCookies,
    // Real time: a test that moves Hushlink's clock to expire secrets keeps its login.
    now: Date.now,
  });

  const handler = createHandler({
    ...options.handler,
    hushlink,
    authorize: (request) => sessions.authorize(request),
    basePath: '',
    ...proxyOptions(config.trustedProxies),
    rateLimits: { store: stores.rateLimits },
    now,
    onError: (error) => log(`[hushlink] ${error instanceof Error ? error.message : String(error)}`),
  });

  const sweeper =
    config.sweepIntervalMs > 0
      ? startSweeper(hushlink, {
          intervalMs: config.sweepIntervalMs,
          onError: (error) => log(`[hushlink] sweep failed: ${String(error)}`),
        })
      : null;

  return {
    hushlink,
    handler,
    sessions,
    stores,
    adminPassword,
    passwordGenerated,
    notifyDefault: config.notifyDefault,
    dispatcher,
    async close() {
      await sweeper?.stop();
      await dispatcher?.stop();
      await stores.close();
    },
  };
}
