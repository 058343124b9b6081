import { DEFAULT_MAX_PLAINTEXT_BYTES } from '../crypto';
import { ConfigError } from '../errors';
import { createKeyring, type IntegrityKeyConfig, type Keyring } from '../integrity';
import { resolveTtlPolicy, type TtlPolicy, type TtlPolicyOptions } from '../lifecycle';
import type { IpStorageMode } from '../net';
import type { OnEvent, WebhookEndpoint } from '../notify/types';
import type { SecretStore } from '../store/types';
import { pooledRandomBytes } from './pooled-random-bytes';

/** How a host configures the service. Only `store` and `keys` are required. */
export interface HushlinkOptions {
  /** Where records and audit events live (memory, SQLite, Postgres, or your own). */
  store: SecretStore;
  /** The integrity key(s): see `createKeyring`. Generate one with `npx hushlink keygen`. */
  keys: IntegrityKeyConfig;
  /** The clock, in epoch ms. Default `Date.now`. Inject one in tests. */
  now?: () => number;
  /** Random bytes for ids. Default `crypto.getRandomValues`. */
  randomBytes?: (n: number) => Uint8Array;
  /** How much of the client IP the audit trail keeps. Default `'full'`. */
  ipStorage?: IpStorageMode;
  /** Wrong passphrases a secret survives; the last burns it. Default 5. */
  maxPassphraseAttempts?: number;
  /** Narrower TTL bounds and default (never wider than 1 hour..30 days). */
  ttl?: TtlPolicyOptions;
  /** How long metadata and audit events stay after expiry. Default 30 days. */
  retentionSeconds?: number;
  /** Plaintext cap in UTF-8 bytes (the envelope cap follows). Default 65,536. */
  maxPlaintextBytes?: number;
  /**
   * Webhooks told of every audited event (DESIGN.md §11): each event is written to the
   * store's outbox with its transition; `startWebhookDispatcher` (given the same list)
   * delivers them. Needs a store with an outbox.
   */
  webhooks?: readonly WebhookEndpoint[];
  /** Hears every audited event in this process once it is committed (not awaited). */
  onEvent?: OnEvent;
}

/** The options, checked and with defaults filled in. */
export interface ResolvedOptions {
  store: SecretStore;
  keyring: Keyring;
  now: () => number;
  randomBytes: (n: number) => Uint8Array;
  ipStorage: IpStorageMode;
  maxPassphraseAttempts: number;
  ttl: TtlPolicy;
  retentionMs: number;
  maxPlaintextBytes: number;
}

/** Default metadata retention after expiry: 30 days. */
export const DEFAULT_RETENTION_SECONDS = 30 * 86_400;
/** Default passphrase attempts before the secret burns. */
export const DEFAULT_MAX_PASSPHRASE_ATTEMPTS = 5;

/**
 * Checks a host's options once, at startup.
 * @throws {ConfigError} naming the option that is wrong.
 */
export function resolveOptions(options: HushlinkOptions): ResolvedOptions {
  if (!options || typeof options !== 'object')
    throw new ConfigError('createHushlink needs an options object.');
  const { store } = options;
  if (!store || typeof store.insert !== 'function' || typeof store.compareAndSet !== 'function') {
    throw new ConfigError('options.store must be a SecretStore (e.g. createMemoryStore()).');
  }
  const ipStorage = options.ipStorage ?? 'full';
  if (!['full', 'truncated', 'none'].includes(ipStorage)) {
    throw new ConfigError(
      `options.ipStorage must be 'full', 'truncated' or 'none', got ${String(ipStorage)}.`,
    );
  }
  const maxPassphraseAttempts = options.maxPassphraseAttempts ?? DEFAULT_MAX_PASSPHRASE_ATTEMPTS;
  integerIn('maxPassphraseAttempts', maxPassphraseAttempts, 1, 100);
  const retentionSeconds = options.retentionSeconds ?? DEFAULT_RETENTION_SECONDS;
  integerIn('retentionSeconds', retentionSeconds, 0, 10 * 365 * 86_400);
  const maxPlaintextBytes = options.maxPlaintextBytes ?? DEFAULT_MAX_PLAINTEXT_BYTES;
  integerIn('maxPlaintextBytes', maxPlaintextBytes, 1, 0x7fff_ffff);
  return {
    store,
    keyring: createKeyring(options.keys),
    now: options.now ?? Date.now,
    randomBytes: options.randomBytes ?? pooledRandomBytes(),
    ipStorage,
    maxPassphraseAttempts,
    ttl: resolveTtlPolicy(options.ttl),
    retentionMs: retentionSeconds * 1000,
    maxPlaintextBytes,
  };
}

function integerIn(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(
      `options.${name} must be an integer in ${min}..${max}, got ${String(value)}.`,
    );
  }
}
