/**
 * The admin's login: one user (`ADMIN_USER` / `ADMIN_PASSWORD`), sessions in memory behind
 * an HttpOnly, SameSite=Strict cookie, and an optional bearer token for scripts. The
 * handler's `authorize` uses {@link AdminSessions.authorize}.
 *
 * CSRF: the API only accepts `application/json` (a cross-site form cannot send it without a
 * CORS preflight, which this app never grants) and the cookie is SameSite=Strict.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The cookie that carries the session id. */
export const SESSION_COOKIE = 'hushlink_admin';
/** A session lasts 12 hours. */
const SESSION_MS = 12 * 3600 * 1000;
/** Failed logins allowed per client within {@link FAILURE_WINDOW_MS}. */
const MAX_FAILURES = 10;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** The login state of the app. */
export interface AdminSessions {
  /** The admin's user name (also the `createdBy` of their secrets). */
  readonly user: string;
  /** Checks a login; returns a new session id, `null` when wrong, `'throttled'` after too many failures. */
  login(user: string, password: string, client: string): string | null | 'throttled';
  /** Ends a session (an unknown or missing id is ignored). */
  logout(sessionId: string | undefined): void;
  /** The user of a valid session id, else null. */
  userOf(sessionId: string | undefined): string | null;
  /** `authorize` for `createHandler`: session cookie or `Bearer ADMIN_TOKEN`. */
  authorize(request: Request): { userId: string } | null;
  /** The `Set-Cookie` value for a session (or, with null, one that clears it). */
  cookie(sessionId: string | null): string;
}

/** What {@link createAdminSessions} needs. */
export interface AdminSessionsOptions {
  /** The one admin's user name. */
  user: string;
  /** Their password. */
  password: string;
  /** The bearer token for scripts, or null to accept cookies only. */
  token: string | null;
  /** Whether the cookie gets `Secure` (behind HTTPS). */
  secureCookies: boolean;
  /** The sessions' clock (epoch ms). */
  now: () => number;
}

/** Creates the login state (in memory: a restart signs the admin out). */
export function createAdminSessions(options: AdminSessionsOptions): AdminSessions {
  const sessions = new Map<string, number>();
  const failures = new Map<string, number[]>();
  const passwordDigest = digest(options.password);
  const tokenDigest = options.token === null ? null : digest(options.token);

  const userOf = (sessionId: string | undefined): string | null => {
    if (sessionId === undefined) return null;
    const expiresAt = sessions.get(sessionId);
    if (expiresAt === undefined) return null;
    if (expiresAt <= options.now()) {
      sessions.delete(sessionId);
      return null;
    }
    return options.user;
  };

  return {
    user: options.user,
    login(user, password, client) {
      const now = options.now();
      const recent = (failures.get(client) ?? []).filter((at) => at > now - FAILURE_WINDOW_MS);
      if (recent.length >= MAX_FAILURES) return 'throttled';
      const userOk = timingSafeEqual(digest(user), digest(options.user));
      const passwordOk = timingSafeEqual(digest(password), passwordDigest);
      if (!userOk || !passwordOk) {
        failures.set(client, [...recent, now]);
        return null;
      }
      failures.delete(client);
      const sessionId = randomBytes(32).toString('base64url');
      sessions.set(sessionId, now + SESSION_MS);
      return sessionId;
    },
    logout(sessionId) {
      if (sessionId !== undefined) sessions.delete(sessionId);
    },
    userOf,
    authorize(request) {
      const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
      if (bearer !== null && tokenDigest !== null) {
        return timingSafeEqual(digest(bearer[1] as string), tokenDigest)
          ? { userId: options.user }
          : null;
      }
      const user = userOf(readCookie(request.headers.get('cookie'), SESSION_COOKIE));
      return user === null ? null : { userId: user };
    },
    cookie(sessionId) {
      const secure = options.secureCookies ? '; Secure' : '';
      return sessionId === null
        ? `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure}`
        : `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_MS / 1000}${secure}`;
    },
  };
}

/** One cookie's value from a `Cookie` header. */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** Fixed-length digests, so comparisons take the same time whatever the lengths. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
