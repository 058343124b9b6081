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

/**
 * A webhook notification to deliver (DESIGN.md §11), written by `insert`, `compareAndSet`
 * or `appendEvents` in the same transaction as the events it reports.
 */
export interface OutboxMessageInput {
  /** Unique message id, sent as `webhook-id` on every attempt (`msg_<base64url>`). */
  id: string;
  /** Which configured webhook endpoint receives it. */
  endpointId: string;
  /** The exact JSON body to sign and send. Never holds secret material. */
  payload: string;
  /** Epoch ms. Delivery gives up a bounded time after this. */
  createdAt: number;
}

/** `pending` until a receiver answered 2xx (`delivered`) or the dispatcher gave up (`failed`). */
export type OutboxStatus = 'pending' | 'delivered' | 'failed';

/** An outbox message as stored, with its delivery state. */
export interface OutboxMessage extends OutboxMessageInput {
  status: OutboxStatus;
  /** Delivery attempts claimed so far (a claim counts one). */
  attempts: number;
  /** Epoch ms: not claimed before this. */
  nextAttemptAt: number;
  /** Epoch ms: a claim holds the message until then; null when not claimed. */
  leaseUntil: number | null;
  /** Why the latest attempt failed (status, timeout, refused target), or null. */
  lastError: string | null;
  /** Epoch ms of delivery or of giving up, else null. */
  finishedAt: number | null;
}

/**
 * The outbox half of a store (DESIGN.md §9, §11): what the webhook dispatcher needs.
 * Several dispatchers (processes, machines) may share one store: a claim is a lease, so
 * two never hold the same message at once, and a crashed one's lease simply runs out.
 */
export interface OutboxStore {
  /**
   * Claims up to `limit` messages that are `pending`, due (`nextAttemptAt <= now`) and not
   * leased (`leaseUntil` null or `<= now`), oldest due first: each gets `attempts + 1` and
   * `leaseUntil = now + leaseMs`, atomically. Of concurrent claimers, each message goes to
   * at most one. Returns the claimed messages as updated.
   */
  claimDueOutbox(now: number, leaseMs: number, limit: number): Promise<OutboxMessage[]>;
  /**
   * Records that a receiver answered 2xx: `delivered`, lease cleared, `finishedAt = at`.
   * Never undone; a message already delivered is left as it is.
   */
  markOutboxDelivered(id: string, at: number): Promise<void>;
  /**
   * Records a failed attempt of the claim that counted `attempt`: retry at `retryAt`
   * (still `pending`, lease cleared) or, with `retryAt` null, give up (`failed`,
   * `finishedAt = at`). Changes nothing — and answers false — when the message is no
   * longer `pending` or a later claim took it over.
   */
  markOutboxFailed(
    id: string,
    attempt: number,
    at: number,
    error: string,
    retryAt: number | null,
  ): Promise<boolean>;
  /** Messages the dispatcher gave up on, most recent first, at most `limit`. */
  listFailedOutbox(limit: number): Promise<OutboxMessage[]>;
  /** Deletes delivered and failed messages finished before `cutoff`. Returns how many. */
  purgeOutboxBefore(cutoff: number): Promise<number>;
}

/**
 * The status of a request link (DESIGN.md §10). Stores hold `open`, `answered` or
 * `burned`; `expired` is what an open request reads once `expiresAt` has passed (and what
 * it is persisted as when the sweep or a later call notices).
 */
export type RequestStatus = 'open' | 'answered' | 'expired' | 'burned';

/**
 * A request link as the server stores it (DESIGN.md §10). It never holds the request's
 * key pair (`pk`, `sk`) nor the raw `requestProof`: only its verifier.
 */
export interface RequestRecord {
  /** 16 random bytes, base64url (22 characters). */
  id: string;
  /** Compare-and-set version: 1 on insert, +1 at each transition. MAC-covered. */
  version: number;
  status: RequestStatus;
  createdAt: number;
  expiresAt: number;
  /** When the answer was accepted, or null. */
  answeredAt: number | null;
  /** When the request was burned (by its creator, or for integrity), or null. */
  burnedAt: number | null;
  /** The host app's user id of the creator: the owner of the answer secret too. */
  createdBy: string;
  /** Shown to the customer on the request page. */
  label: string | null;
  /** HMAC(verifierKey, requestProof), 32 bytes. */
  requestProofVerifier: Uint8Array;
  /** The answer secret's id once answered, else null. */
  answerSecretId: string | null;
  /** The answer's X25519 ephemeral public key (32 bytes) once answered, else null. */
  ephemeralKey: Uint8Array | null;
  /** Id of the integrity key that MACs this record for its whole life. */
  keyId: string;
  /** HMAC-SHA256 over the canonical encoding of the request (integrity/). 32 bytes. */
  mac: Uint8Array;
}

/**
 * The request-link half of a store (DESIGN.md §9, §10). Events of a request use its id
 * as `subjectId` and live beside the secrets' events (`listEvents` reads both).
 */
export interface RequestStore {
  /** Writes a new request, its events and outbox messages in one transaction. Throws on a duplicate id. */
  insertRequest(
    record: RequestRecord,
    events: readonly AuditEventInput[],
    outbox?: readonly OutboxMessageInput[],
  ): Promise<void>;
  /** Reads one request exactly as stored, or null. No side effects. */
  getRequest(id: string): Promise<RequestRecord | null>;
  /**
   * Replaces the request whose stored version is `expectedVersion` with `next`, appending
   * `events` and `outbox`, in one transaction; false (writing nothing) when the version
   * differs or the request is gone. Of concurrent callers on one version at most one wins.
   */
  compareAndSetRequest(
    id: string,
    expectedVersion: number,
    next: RequestRecord,
    events: readonly AuditEventInput[],
    outbox?: readonly OutboxMessageInput[],
  ): Promise<boolean>;
  /**
   * Open requests the sweep must persist as expired: `status = 'open'` and
   * `expiresAt <= now`. At most `limit`, oldest expiry first (then id). Answered, expired
   * and burned requests are never listed.
   */
  listRequestsDueForSweep(now: number, limit: number): Promise<RequestRecord[]>;
  /** A creator's requests, newest first by (createdAt desc, id desc), strictly after `after`. */
  listRequestsByCreator(
    createdBy: string,
    limit: number,
    after: HistoryCursor | null,
  ): Promise<RequestRecord[]>;
  /**
   * Accepts an answer: moves the request from `expectedVersion` to `nextRequest`, inserts
   * `answerSecret`, and writes `events` and `outbox`, all in ONE transaction. False —
   * writing nothing, no answer secret either — when the version differs (another answer
   * won). A failure part-way (a crash, a duplicate secret id) rolls everything back, so
   * no answer secret ever exists without its answered request, nor the reverse.
   */
  answerRequest(
    requestId: string,
    expectedVersion: number,
    nextRequest: RequestRecord,
    answerSecret: SecretRecord,
    events: readonly AuditEventInput[],
    outbox?: readonly OutboxMessageInput[],
  ): Promise<boolean>;
}

/**
 * A secret store. The outbox and request methods are optional so that a store written
 * before webhooks or request links keeps working; `createHushlink` refuses `webhooks`
 * over a store without an outbox, and request operations answer 503 over a store
 * without request methods.
 */
export interface SecretStore extends Partial<OutboxStore>, Partial<RequestStore> {
  /**
   * Writes a new record, its events and its outbox messages in one transaction.
   * Throws if a record with the same id exists (ids are random: this never happens in practice).
   */
  insert(
    record: SecretRecord,
    events: readonly AuditEventInput[],
    outbox?: readonly OutboxMessageInput[],
  ): Promise<void>;

  /** Reads one record exactly as stored, or null. No side effects. */
  get(id: string): Promise<SecretRecord | null>;

  /**
   * Replaces the record whose stored version is `expectedVersion` with `next` and appends
   * `events`, in one transaction. Returns false — writing nothing — when the stored version
   * differs (someone else moved first) or the record is gone. `outbox` messages are
   * written in the same transaction (and not at all when it answers false).
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
    outbox?: readonly OutboxMessageInput[],
  ): Promise<boolean>;

  /** Appends events that change no record (e.g. `opened`), with their outbox messages, in one transaction. */
  appendEvents(
    events: readonly AuditEventInput[],
    outbox?: readonly OutboxMessageInput[],
  ): Promise<void>;

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
   * metadata retention. A store with request methods deletes requests (and their events)
   * past the same cutoff. Returns how many records (secrets and requests) were deleted.
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
