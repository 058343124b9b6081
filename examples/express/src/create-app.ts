/**
 * The example app: Express 5 with Hushlink's handler at the root (`/api/…`, `/s/{id}`,
 * `/assets/…`), the admin page at `/admin` behind a login, SQLite or Postgres storage,
 * migrations at start and a sweeper on an interval.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createHushlink,
  type Hushlink,
  startSweeper,
  type TrustedProxiesOption,
} from '@hushlink/core';
import {
  createHandler,
  DEFAULT_PAGE_CSP,
  type HushlinkHandler,
  pageHeaders,
} from '@hushlink/core/http';
import { toNodeHandler } from '@hushlink/core/node';
import { renderAdminShell, renderRevealPage, revealUiAssets } from '@hushlink/reveal-ui';
import express, { type Express, type Request, type Response } from 'express';
import {
  type AdminSessions,
  createAdminSessions,
  readCookie,
  SESSION_COOKIE,
} from './admin-sessions';
import type { AppConfig } from './config';

import { resolveIntegrityKey } from './integrity-key';
import { renderLoginPage } from './login-page';
import { type AppStores, openStores } from './open-stores';

/** The admin pages' CSP: the reveal page's, plus posting the login and sign-out forms. */
const ADMIN_CSP = DEFAULT_PAGE_CSP.replace("form-action 'none'", "form-action 'self'");

/** A created app, not yet listening. */
export interface CreatedApp {
  app: Express;
  hushlink: Hushlink;
  handler: HushlinkHandler;
  sessions: AdminSessions;
  stores: AppStores;
  /** The admin password in use (generated when `ADMIN_PASSWORD` was unset). */
  adminPassword: string;
  /** Whether {@link adminPassword} was generated. */
  passwordGenerated: boolean;
  /** Listens on `config.host:config.port`; resolves with the server and its origin. */
  listen(): Promise<{ server: Server; origin: string }>;
  /** Stops the sweeper, the server (if listening) and closes the database. */
  close(): Promise<void>;
}

/**
 * Builds the app: opens and migrates the database, resolves the integrity key, wires the
 * handler, the admin routes and the sweeper.
 * @throws {ConfigError} for a bad `HUSHLINK_HMAC_KEY`, `APP_SECRET` or `TRUSTED_PROXIES` entry.
 * @throws {Error} when the database cannot be opened or migrated.
 */
export async function createApp(config: AppConfig): Promise<CreatedApp> {
  const now = config.now ?? Date.now;
  const log = config.log ?? ((line: string) => console.log(line));
  const key = resolveIntegrityKey(config);
  if (key.source === 'generated' || key.source === 'data-dir') {
    log(
      `[hushlink] WARNING: no HUSHLINK_HMAC_KEY or APP_SECRET set; using the integrity key ` +
        `${key.source === 'generated' ? 'just generated into' : 'kept in'} ${config.dataDir}/hmac-key. ` +
        'Set HUSHLINK_HMAC_KEY in production (generate one with `npx hushlink keygen`).',
    );
  }
  const stores = await openStores(config);
  const hushlink = createHushlink({ store: stores.secrets, keys: key.keys, now });

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
    hushlink,
    authorize: (request) => sessions.authorize(request),
    basePath: '',
    trustedProxies: trustedProxiesOption(config.trustedProxies),
    cloudflareConnectingIp:
      config.trustedProxies.length === 1 && config.trustedProxies[0] === 'cloudflare',
    rateLimits: { store: stores.rateLimits },
    renderPage: renderRevealPage,
    assets: revealUiAssets(),
    now,
    onError: (error) => log(`[hushlink] ${error instanceof Error ? error.message : String(error)}`),
  });

  const app = express();
  app.disable('x-powered-by');
  // Hushlink first: it owns /api, /s, /r and /assets and passes every other path on.
  app.use(toNodeHandler(handler));
  mountAdmin(app, sessions);

  const sweeper =
    config.sweepIntervalMs > 0
      ? startSweeper(hushlink, {
          intervalMs: config.sweepIntervalMs,
          onError: (error) => log(`[hushlink] sweep failed: ${String(error)}`),
        })
      : null;

  let server: Server | null = null;
  return {
    app,
    hushlink,
    handler,
    sessions,
    stores,
    adminPassword,
    passwordGenerated,
    async listen() {
      const listening = app.listen(config.port, config.host);
      await new Promise<void>((resolve, reject) => {
        listening.once('listening', resolve);
        listening.once('error', reject);
      });
      server = listening;
      const { address, port } = listening.address() as AddressInfo;
      const host = address.includes(':') ? `[${address}]` : address;
      return { server: listening, origin: `http://${host}:${port}` };
    },
    async close() {
      await sweeper?.stop();
      if (server !== null) {
        const closing = server;
        server = null;
        closing.closeAllConnections();
        await new Promise<void>((resolve) => closing.close(() => resolve()));
      }
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

/** `/` → `/admin`; `/admin` (login required), `/admin/login`, `/admin/logout`. */
function mountAdmin(app: Express, sessions: AdminSessions): void {
  const sessionOf = (req: Request) => readCookie(req.headers.cookie, SESSION_COOKIE);
  const page = (res: Response, status: number, html: string) => {
    res.status(status).set(pageHeaders(ADMIN_CSP)).send(html);
  };
  // Login CSRF: browsers say where a form post comes from in `Sec-Fetch-Site` (older ones
  // in `Origin`, which is "null" under this page's no-referrer policy, so not decisive).
  const sameOrigin = (req: Request) => {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined) return site === 'same-origin' || site === 'none';
    const origin = req.headers.origin;
    return (
      origin === undefined ||
      origin === 'null' ||
      origin === `${req.protocol}://${req.headers.host}`
    );
  };

  app.get('/', (_req, res) => res.redirect(303, '/admin'));
  app.get('/admin', (req, res) => {
    if (sessions.userOf(sessionOf(req)) === null) return res.redirect(303, '/admin/login');
    page(
      res,
      200,
      renderAdminShell({
        basePath: '',
        userName: sessions.user,
        signOut: { action: '/admin/logout' },
      }),
    );
  });
  app.get('/admin/login', (req, res) => {
    if (sessions.userOf(sessionOf(req)) !== null) return res.redirect(303, '/admin');
    page(res, 200, renderLoginPage({}));
  });
  app.post('/admin/login', express.urlencoded({ extended: false, limit: '4kb' }), (req, res) => {
    if (!sameOrigin(req))
      return page(res, 403, renderLoginPage({ error: 'Cross-site sign-in refused.' }));
    const body = (req.body ?? {}) as Record<string, unknown>;
    const user = typeof body.user === 'string' ? body.user : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const session = sessions.login(user, password, req.socket.remoteAddress ?? 'unknown');
    if (session === 'throttled') {
      return page(
        res,
        429,
        renderLoginPage({ user, error: 'Too many failed sign-ins. Wait 15 minutes.' }),
      );
    }
    if (session === null) {
      return page(res, 401, renderLoginPage({ user, error: 'Wrong user or password.' }));
    }
    res.set('set-cookie', sessions.cookie(session)).redirect(303, '/admin');
  });
  app.post('/admin/logout', (req, res) => {
    if (!sameOrigin(req)) return res.status(403).end();
    sessions.logout(sessionOf(req));
    res.set('set-cookie', sessions.cookie(null)).redirect(303, '/admin/login');
  });
}
