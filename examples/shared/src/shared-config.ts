/**
 * The environment variables both examples read, with the same names, meanings and
 * defaults, so either app runs behind the same README story. What only one app has
 * (Express's `HOST`/`PORT`, an injected clock) stays in that app's own config.
 */
import { join, resolve } from 'node:path';

/** The settings both examples share; {@link readSharedConfig} builds them. */
export interface SharedConfig {
  /** `HUSHLINK_DATA_DIR`: where the SQLite file and a generated integrity key live. */
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
  /** `HUSHLINK_WEBHOOK_URL`: comma-separated webhook endpoints (none by default). */
  webhookUrls: string[];
  /** `HUSHLINK_WEBHOOK_SECRET`: the `whsec_<base64>` signing secret of those endpoints. */
  webhookSecret: string | null;
  /** `HUSHLINK_WEBHOOK_ALLOW_PRIVATE=1`: allow loopback and private webhook targets. */
  webhookAllowPrivate: boolean;
  /** `HUSHLINK_NOTIFY_DEFAULT=1`: "Notify me when opened" starts ticked in the create form. */
  notifyDefault: boolean;
}

/** What differs between the apps in {@link readSharedConfig}. */
export interface SharedConfigDefaults {
  /** The data directory when `HUSHLINK_DATA_DIR` is unset (resolved against the cwd). */
  dataDir: string;
}

/**
 * Reads the shared settings from environment variables. Every one has a default, so a
 * fresh clone starts with none set; blank values count as unset.
 */
export function readSharedConfig(
  env: Readonly<Record<string, string | undefined>>,
  defaults: SharedConfigDefaults,
): SharedConfig {
  // turbopackIgnore: runtime paths in the Next.js build, not files to trace into its output.
  const dataDir = resolve(/*turbopackIgnore: true*/ env.HUSHLINK_DATA_DIR ?? defaults.dataDir);
  return {
    dataDir,
    sqlitePath: resolve(
      /*turbopackIgnore: true*/ env.HUSHLINK_SQLITE_PATH ?? join(dataDir, 'hushlink.sqlite'),
    ),
    databaseUrl: nonEmpty(env.DATABASE_URL),
    trustedProxies: list(env.TRUSTED_PROXIES),
    hmacKey: nonEmpty(env.HUSHLINK_HMAC_KEY),
    appSecret: nonEmpty(env.APP_SECRET),
    adminUser: nonEmpty(env.ADMIN_USER) ?? 'admin',
    adminPassword: nonEmpty(env.ADMIN_PASSWORD),
    adminToken: nonEmpty(env.ADMIN_TOKEN),
    sweepIntervalMs: 60_000,
    secureCookies: isOn(env.COOKIE_SECURE),
    webhookUrls: list(env.HUSHLINK_WEBHOOK_URL),
    webhookSecret: nonEmpty(env.HUSHLINK_WEBHOOK_SECRET)?.trim() ?? null,
    webhookAllowPrivate: isOn(env.HUSHLINK_WEBHOOK_ALLOW_PRIVATE),
    notifyDefault: isOn(env.HUSHLINK_NOTIFY_DEFAULT),
  };
}

/** `1` or `true` (any case). */
function isOn(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true'].includes(value.trim().toLowerCase());
}

/** Comma-separated entries, trimmed, blanks dropped. */
function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** A set, non-blank value, else null. */
function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value;
}
