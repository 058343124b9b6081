/**
 * Which integrity key the app uses: `HUSHLINK_HMAC_KEY`, else one derived from
 * `APP_SECRET`, else a key generated once into the data directory (with a warning: a
 * database backup plus that file is all an attacker needs, so set a real key in production).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SharedConfig } from './shared-config';

/** What `createHushlink({ keys })` takes, and where it came from. */
export interface ResolvedKey {
  keys: string | { secrets: string[] };
  source: 'HUSHLINK_HMAC_KEY' | 'APP_SECRET' | 'generated' | 'data-dir';
}

/**
 * Resolves the key, generating and storing one (`{dataDir}/hmac-key`, mode 600) when
 * nothing is configured.
 * @throws {Error} when the data directory cannot be created or the key file written.
 */
export function resolveIntegrityKey(
  config: Pick<SharedConfig, 'hmacKey' | 'appSecret' | 'dataDir'>,
): ResolvedKey {
  if (config.hmacKey !== null) return { keys: config.hmacKey, source: 'HUSHLINK_HMAC_KEY' };
  if (config.appSecret !== null) {
    return { keys: { secrets: [config.appSecret] }, source: 'APP_SECRET' };
  }
  const file = join(config.dataDir, 'hmac-key');
  if (existsSync(file)) return { keys: readFileSync(file, 'utf8').trim(), source: 'data-dir' };
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  // `wx`: two instances starting at once must not each write a different key.
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return { keys: key, source: 'generated' };
}
