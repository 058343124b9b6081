/**
 * The example's configuration, read from the environment: the same variables as the
 * Express example, so the two are interchangeable. Everything has a default.
 */
import { join, resolve } from 'node:path';

/** Settings of the app; {@link configFromEnv} builds them from `process.env`. */
export interface AppConfig {
  /** Where the SQLite file and a generated integrity key live: `HUSHLINK_DATA_DIR`, default `./data`. */
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
  /** How often expired secrets are swept, in ms. */
  sweepIntervalMs: number;
  /** Mark the session cookie `Secure` (`COOKIE_SECURE=1`; set it behind HTTPS). */
  secureCookies: boolean;
}

/**
 * Reads the configuration. `PORT` and `HOST` belong to the server (`server.ts`).
 * The data directory is relative to the working directory, which `npm run` sets to
 * `examples/nextjs` (a bundled module has no reliable location of its own).
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // turbopackIgnore: runtime paths, not files to trace into the build output.
  const dataDir = resolve(
    /*turbopackIgnore: true*/ env.HUSHLINK_DATA_DIR ?? join(process.cwd(), 'data'),
  );
  return {
    dataDir,
    sqlitePath: resolve(
      /*turbopackIgnore: true*/ env.HUSHLINK_SQLITE_PATH ?? join(dataDir, 'hushlink.sqlite'),
    ),
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
