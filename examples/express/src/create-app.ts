/**
 * The example app: Express 5 with Hushlink's handler at the root (`/api/…`, `/s/{id}`,
 * `/r/{id}`, `/assets/…`), the admin page at `/admin` (with request links) behind a login,
 * the private read page at `/admin/requests/{id}` (a shell without data: its API calls need
 * the login), SQLite or Postgres storage, migrations at start and a sweeper on an interval.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_PAGE_CSP, pageHeaders } from '@hushlink/core/http';
import { toNodeHandler } from '@hushlink/core/node';
import {
  type AdminSessions,
  createHushlinkService,
  type HushlinkService,
  isSameOriginPost,
  LOGIN_ERRORS,
  pathAfterSignIn,
  readCookie,
  SESSION_COOKIE,
} from '@hushlink/example-shared';
import {
  renderAdminShell,
  renderRequestAnswerPage,
  renderRequestPage,
  renderRevealPage,
  revealUiAssets,
} from '@hushlink/reveal-ui';
import express, { type Express, type Request, type Response } from 'express';
import type { AppConfig } from './config';
import { renderLoginPage } from './login-page';

/** The admin pages' CSP: the reveal page's, plus posting the login and sign-out forms. */
const ADMIN_CSP = DEFAULT_PAGE_CSP.replace("form-action 'none'", "form-action 'self'");

/** A created app, not yet listening: the shared service plus Express around it. */
export interface CreatedApp extends HushlinkService {
  app: Express;
  /** Listens on `config.host:config.port`; resolves with the server and its origin. */
  listen(): Promise<{ server: Server; origin: string }>;
  /** Stops the server (if listening) and the sweeper, and closes the database. */
  close(): Promise<void>;
}

/**
 * Builds the app: opens and migrates the database, resolves the integrity key, wires the
 * handler, the admin routes and the sweeper.
 * @throws {ConfigError} for a bad `HUSHLINK_HMAC_KEY`, `APP_SECRET` or `TRUSTED_PROXIES` entry.
 * @throws {Error} when the database cannot be opened or migrated.
 */
export async function createApp(config: AppConfig): Promise<CreatedApp> {
  const log = config.log ?? ((line: string) => console.log(line));
  const service = await createHushlinkService(config, {
    ...(config.now === undefined ? {} : { now: config.now }),
    log,
    // The recipient's page (/s/{id}), the customer's page of a request link (/r/{id}), the bundles.
    handler: { renderPage: renderRevealPage, renderRequestPage, assets: revealUiAssets() },
  });

  const app = express();
  app.disable('x-powered-by');
  // Hushlink first: it owns /api, /s, /r and /assets and passes every other path on.
  app.use(toNodeHandler(service.handler));
  mountAdmin(app, service.sessions, service.notifyDefault);

  let server: Server | null = null;
  return {
    ...service,
    app,
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
      if (server !== null) {
        const closing = server;
        server = null;
        closing.closeAllConnections();
        await new Promise<void>((resolve) => closing.close(() => resolve()));
      }
      await service.close();
    },
  };
}

/**
 * `/` → `/admin`; `/admin` (login required), `/admin/requests/{id}` (anyone: no data in it),
 * `/admin/login` (with `?next=` back to an admin page), `/admin/logout`.
 */
function mountAdmin(app: Express, sessions: AdminSessions, notifyDefault: boolean): void {
  const sessionOf = (req: Request) => readCookie(req.headers.cookie, SESSION_COOKIE);
  const page = (res: Response, status: number, html: string) => {
    res.status(status).set(pageHeaders(ADMIN_CSP)).send(html);
  };
  // Login CSRF: only this site's own forms may sign in or out.
  const sameOrigin = (req: Request) => isSameOriginPost({ get: (name) => req.get(name) ?? null });

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
        requests: true,
        notifyDefault,
      }),
    );
  });
  // The private "read the answer" page of a request link. Served signed out too: a
  // redirect to the login would drop `#sk`, while the page keeps it in IndexedDB first and
  // then offers the sign-in. It holds no data; every API call it makes needs the session.
  app.get('/admin/requests/:id', (req, res) => {
    page(res, 200, renderRequestAnswerPage({ id: req.params.id, basePath: '' }));
  });
  app.get('/admin/login', (req, res) => {
    const next = pathAfterSignIn(req.query.next);
    if (sessions.userOf(sessionOf(req)) !== null) return res.redirect(303, next);
    page(res, 200, renderLoginPage({ next }));
  });
  app.post('/admin/login', express.urlencoded({ extended: false, limit: '4kb' }), (req, res) => {
    if (!sameOrigin(req))
      return page(res, 403, renderLoginPage({ error: LOGIN_ERRORS['cross-site'] }));
    const body = (req.body ?? {}) as Record<string, unknown>;
    const user = typeof body.user === 'string' ? body.user : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = pathAfterSignIn(body.next);
    const session = sessions.login(user, password, req.socket.remoteAddress ?? 'unknown');
    if (session === 'throttled') {
      return page(res, 429, renderLoginPage({ user, next, error: LOGIN_ERRORS.throttled }));
    }
    if (session === null) {
      return page(res, 401, renderLoginPage({ user, next, error: LOGIN_ERRORS.wrong }));
    }
    res.set('set-cookie', sessions.cookie(session)).redirect(303, next);
  });
  app.post('/admin/logout', (req, res) => {
    if (!sameOrigin(req)) return res.status(403).end();
    sessions.logout(sessionOf(req));
    res.set('set-cookie', sessions.cookie(null)).redirect(303, '/admin/login');
  });
}
