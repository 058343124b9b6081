/**
 * Storage interfaces (DESIGN.md §9).
 *
 * Stores are thin: they persist what core decided and answer reads. Every decision —
 * who may read, when a secret expires, how many attempts remain, whether a MAC holds —
 * lives in core. A store never caches: it reads and writes the database directly, so an
 * eviction can never destroy a secret and a stale copy can never reveal one twice.
 *
 * All times are epoch milliseconds (integers). All byte fields are `Uint8Array`.
 */

export type SecretStatus = 'active' | 'viewed' | 'expired' | 'burned';
export type BurnReason = 'creator' | 'attempts' | 'integrity';

export interface KdfParams {
  logN: number;
  r: number;
  p: number;
}

/** One secret as the server stores it. It never holds plaintext, the fragment key or a raw proof. */
export interface SecretRecord {
  /** 16 random bytes, base64url (22 characters). */
  id: string;
  /** Compare-and-set version: 1 on insert, +1 at each transition. MAC-covered. */
  version: number;
  status: SecretStatus;
  createdAt: number;
  expiresAt: number;
  firstViewedAt: number | null;
  lastViewedAt: number | null;
  burnedAt: number | null;
  burnReason: BurnReason | null;
  /** The host app's user id of the creator. */
  createdBy: string;
  label: string | null;
  /** 1 = single-use, 2..1000, or null = reusable until expiry. */
  maxViews: number | null;
  views: number;
  /** Lifetime count of wrong passphrase proofs. */
  failedAttempts: number;
  /** scrypt parameters, or null without a passphrase. */
  kdf: KdfParams | null;
  /** The envelope's 16-byte salt (serves scrypt and the salted HKDFs). */
  salt: Uint8Array;
  /** HMAC(verifierKey, keyProof), 32 bytes. */
  keyProofVerifier: Uint8Array;
  /** HMAC(verifierKey, passphraseProof), 32 bytes, or null without a passphrase. */
  passphraseVerifier: Uint8Array | null;
  /** The sealed envelope, or null once it has been deleted. */
  envelope: Uint8Array | null;
  /** The creator wants to hear about this secret (webhooks). */
  notify: boolean;
  /** Several-recipient group id (16 bytes base64url) or null. */
  groupId: string | null;
  /** The request this secret answers, or null. */
  requestId: string | null;
  /** X25519 ephemeral public key of a request answer (32 bytes), or null. */
  ephemeralKey: Uint8Array | null;
  /** Id of the integrity key that MACs this record for its whole life. */
  keyId: string;
  /** HMAC-SHA256 over the canonical encoding of the record (integrity/). 32 bytes. */
  mac: Uint8Array;
}

export type AuditEventType =
  | 'created'
  | 'opened'
  | 'revealed'
  | 'passphrase_failed'
  | 'burned'
  | 'expired'
  | 'integrity_failed'
  | 'request_created'
  | 'answered';

/** An audit event as written to a store, attached to one secret (or request). */
export interface AuditEventInput {
  /** The secret (or request) the event belongs to. */
  subjectId: string;
  type: AuditEventType;
  /** Epoch ms. */
  at: number;
  /** Client IP as stored per the IP storage mode (address, CIDR text, or null). */
  ip: string | null;
  userAgent: string | null;
  detail: Record<string, unknown> | null;
}

/** An audit event as read back, oldest first. */
export interface StoredAuditEvent extends AuditEventInput {}

/** Position in a creator's history, newest first: (createdAt desc, id desc). */
export interface HistoryCursor {
  createdAt: number;
  id: string;
}

export interface SecretStore {
  /**
   * Writes a new record and its events in one transaction.
   * Throws if a record with the same id exists (ids are random: this never happens in practice).
   */
  insert(record: SecretRecord, events: readonly AuditEventInput[]): Promise<void>;

  /** Reads one record exactly as stored, or null. No side effects. */
  get(id: string): Promise<SecretRecord | null>;

  /**
   * Replaces the record whose stored version is `expectedVersion` with `next` and appends
   * `events`, in one transaction. Returns false — writing nothing — when the stored version
   * differs (someone else moved first) or the record is gone.
   *
   * Concurrency guarantee: of any number of concurrent calls with the same
   * `expectedVersion`, across processes sharing the database, at most one returns true.
   * This is what makes a single-use reveal exactly-once.
   */
  compareAndSet(
    id: string,
    expectedVersion: number,
    next: SecretRecord,
    events: readonly AuditEventInput[],
  ): Promise<boolean>;

  /** Appends events that change no record (e.g. `opened`). */
  appendEvents(events: readonly AuditEventInput[]): Promise<void>;

  /** Events of one subject, oldest first (insertion order). */
  listEvents(subjectId: string): Promise<StoredAuditEvent[]>;

  /**
   * A creator's records, newest first by (createdAt desc, id desc), strictly after `after`
   * when given, at most `limit`.
   */
  listByCreator(
    createdBy: string,
    limit: number,
    after: HistoryCursor | null,
  ): Promise<SecretRecord[]>;

  /**
   * Records the sweep must look at: `expiresAt <= now` and either still `active` or still
   * holding an envelope. At most `limit`, oldest expiry first.
   */
  listDueForSweep(now: number, limit: number): Promise<SecretRecord[]>;

  /**
   * Deletes records (and their events) whose `expiresAt` is before `cutoff`: the end of
   * metadata retention. Returns how many records were deleted.
   */
  purgeExpiredBefore(cutoff: number): Promise<number>;

  /** Releases connections the store opened itself. Optional. */
  close?(): Promise<void>;
}

/** What one rate-limit hit decided. */
export interface RateLimitHit {
  allowed: boolean;
  /**
   * GCRA theoretical arrival time (epoch ms) after this hit: when allowed, the stored
   * value; when refused, the value that *would* have been stored (the stored one is unchanged).
   */
  tat: number;
}

/**
 * A rate-limit budget store (DESIGN.md §6). One atomic step per hit (GCRA): with
 * `T = intervalMs` and `W = windowMs`, `next = max(stored ?? now, now) + T`;
 * allowed iff `next - now <= W`, and only then is `next` stored.
 */
export interface RateLimitStore {
  hit(key: string, now: number, intervalMs: number, windowMs: number): Promise<RateLimitHit>;
  /** Deletes buckets whose stored tat is before `now` (they are full again). Optional. */
  prune?(now: number): Promise<number>;
}
