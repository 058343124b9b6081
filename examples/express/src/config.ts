/**
 * The example's configuration, read from the environment (issue 9). Everything has a
 * default, so `npm start` works on a fresh clone.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Settings of {@link createApp}; {@link configFromEnv} builds them from `process.env`. */
export interface AppConfig {
  /** `HOST`, default `127.0.0.1`. */
  host: string;
  /** `PORT`, default 3000 (0 picks a free port). */
  port: number;
  /** Where the SQLite file and a generated integrity key live. Default `examples/express/data`. */
  dataDir: string;
  /** `HUSHLINK_SQLITE_PATH`, default `{dataDir}/hushlink.sqlite`. */
  sqlitePath: string;
  /** `DATABASE_URL`: use Postgres instead of SQLite. */
  databaseUrl: string | null;
  /** `TRUSTED_PROXIES`: comma-separated IPs / CIDRs, and/or `cloudflare`. */
  trustedProxies: string[];
  /** `HUSHLINK_HMAC_KEY` (hex or base64, ≥ 32 bytes). */
  hmacKey: string | null;
  /** `APP_SECRET`: the integrity key is derived from it when no HMAC key is set. */
  appSecret: string | null;
  /** `ADMIN_USER`, default `admin`. */
  adminUser: string;
  /** `ADMIN_PASSWORD`; a random one is generated and printed when unset. */
  adminPassword: string | null;
  /** `ADMIN_TOKEN`: `Authorization: Bearer <token>` authenticates scripts as the admin. */
  adminToken: string | null;
  /** How often expired secrets are swept, in ms (0: never). Default 60,000. */
  sweepIntervalMs: number;
  /** Mark the session cookie `Secure` (`COOKIE_SECURE=1`; set it behind HTTPS). */
  secureCookies: boolean;
  /** Hushlink's clock (epoch ms): tests inject one to expire secrets. Default `Date.now`. */
  now?: () => number;
  /** Where startup notices go. Default `console.log`. */
  log?: (line: string) => void;
}

/** `examples/express`, wherever the repository is. */
export const EXAMPLE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Reads the configuration from environment variables.
 * @throws {Error} when `PORT` is not a port number.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be a port number, got ${env.PORT}.`);
  }
  const dataDir = resolve(env.HUSHLINK_DATA_DIR ?? join(EXAMPLE_DIR, 'data'));
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir,
    sqlitePath: resolve(env.HUSHLINK_SQLITE_PATH ?? join(dataDir, 'hushlink.sqlite')),
    databaseUrl: nonEmpty(env.DATABASE_URL),
    trustedProxies: (env.TRUSTED_PROXIES ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
    hmacKey: nonEmpty(env.HUSHLINK_HMAC_KEY),
    appSecret: nonEmpty(env.APP_SECRET),
    adminUser: nonEmpty(env.ADMIN_USER) ?? 'admin',
    adminPassword: nonEmpty(env.ADMIN_PASSWORD),
    adminToken: nonEmpty(env.ADMIN_TOKEN),
    sweepIntervalMs: 60_000,
    secureCookies: env.COOKIE_SECURE === '1' || env.COOKIE_SECURE === 'true',
  };
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value;
}
