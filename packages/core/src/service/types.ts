/**
 * The service API: what a host (or the HTTP handler) calls. Implemented by
 * `createHushlink(options)` in ./create-hushlink.ts.
 *
 * Failures are thrown as typed errors from ../errors.ts:
 * - `NotAvailableError` (missing, consumed, expired, burned, wrong/malformed keyProof,
 *   another creator's secret),
 * - `WrongPassphraseError` (with `attemptsLeft`),
 * - `InvalidRequestError` (a field rule; passphrase proof present/absent against the record),
 * - `PayloadTooLargeError` (envelope over the configured cap),
 * - `StoreUnavailableError` (the store failed; nothing was decided).
 */
import type {
  AuditEventType,
  BurnReason,
  KdfParams,
  RequestStatus,
  SecretStatus,
} from '../store/types';

/** Who is calling, as resolved at the edge (client IP already resolved, not yet truncated). */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface CreateSecretInput {
  /** The sealed v1 envelope. */
  envelope: Uint8Array;
  /** 32 bytes. */
  keyProof: Uint8Array;
  /** 32 bytes; required iff the envelope's passphrase flag is set. */
  passphraseProof?: Uint8Array | null;
  /** 3600..2592000 (or the host's narrower bounds); default 86400. */
  ttlSeconds?: number;
  /** 1..1000 or null (reusable until expiry); default 1. */
  maxViews?: number | null;
  /** ≤ 200 code points; empty → null. */
  label?: string | null;
  notify?: boolean;
  /** The creator's user id (from the host's `authorize`). */
  createdBy: string;
}

export interface CreatedSecret {
  id: string;
  expiresAt: Date;
}

/** One recipient of a group: their own envelope, sealed with their own key (DESIGN.md §11). */
export interface GroupRecipientInput {
  /** This recipient's label; falls back to the group's, then null. */
  label?: string | null;
  envelope: Uint8Array;
  keyProof: Uint8Array;
  passphraseProof?: Uint8Array | null;
}

/** One secret per recipient, sharing TTL, view limit, notify flag and a `groupId`. */
export interface CreateGroupInput {
  /** 1..20 recipients. */
  recipients: readonly GroupRecipientInput[];
  ttlSeconds?: number;
  maxViews?: number | null;
  /** The group's label: each secret's label when its recipient has none. */
  label?: string | null;
  notify?: boolean;
  createdBy: string;
}

export interface CreatedGroup {
  /** 16 random bytes, base64url; every item carries it. */
  groupId: string;
  /** In the order of the recipients. */
  items: Array<{ id: string; expiresAt: Date; label: string | null }>;
}

/** Server-side sharing of plaintext: sealed in-process, the key returned only to the caller. */
export interface ShareTextInput
  extends Omit<CreateSecretInput, 'envelope' | 'keyProof' | 'passphraseProof'> {
  plaintext: string;
  passphrase?: string;
  /** e.g. `https://app.example.com/hushlink` — origin + basePath; the link is `${baseUrl}/s/${id}#${key}`. */
  baseUrl?: string;
}

export interface SharedText extends CreatedSecret {
  /** base64url of the 32-byte fragment key. */
  key: string;
  /** `${baseUrl}/s/${id}#${key}` when `baseUrl` was given. */
  link: string | null;
}

export interface SecretMeta {
  passphrase: boolean;
  kdf: (KdfParams & { salt: string }) | null;
  attemptsLeft: number | null;
  expiresAt: Date;
  createdByYou: boolean;
  requestId: string | null;
}

export interface RevealInput {
  keyProof: Uint8Array;
  passphraseProof?: Uint8Array | null;
}

export interface Revealed {
  envelope: Uint8Array;
  /** 0 when nothing more can be revealed, null when unlimited. */
  remainingViews: number | null;
}

export interface HistoryItem {
  id: string;
  label: string | null;
  status: SecretStatus;
  createdAt: Date;
  expiresAt: Date;
  maxViews: number | null;
  views: number;
  remainingViews: number | null;
  passphrase: boolean;
  firstViewedAt: Date | null;
  lastViewedAt: Date | null;
  burnedAt: Date | null;
  burnReason: BurnReason | null;
  notify: boolean;
  groupId: string | null;
  requestId: string | null;
}

export interface HistoryPage {
  items: HistoryItem[];
  /** Opaque; null on the last page. */
  nextCursor: string | null;
}

export interface AuditEvent {
  type: AuditEventType;
  at: Date;
  ip: string | null;
  userAgent: string | null;
  detail: Record<string, unknown> | null;
}

export interface SweepResult {
  /** Records whose status or envelope the sweep changed, and request links it expired. */
  swept: number;
  /** Records and request links deleted at the end of metadata retention. */
  purged: number;
}

/** A request link registered from the creator's browser, which made `(sk, pk)` (DESIGN.md §10). */
export interface RegisterRequestInput {
  /** `deriveRequestProof(pk)`: 32 bytes. The server stores only its verifier. */
  requestProof: Uint8Array;
  /** 3600..2592000 (or the host's narrower bounds); default 86400. */
  ttlSeconds?: number;
  /** ≤ 200 code points; empty → null. Shown to the customer. */
  label?: string | null;
  /** The creator's user id (from the host's `authorize`). */
  createdBy: string;
}

export interface CreatedRequest {
  id: string;
  expiresAt: Date;
}

/** A request link made entirely server-side (automation): the key pair is made here. */
export interface CreateRequestInput extends Omit<RegisterRequestInput, 'requestProof'> {
  /** e.g. `https://app.example.com/hushlink` — origin + basePath; the link is `${baseUrl}/r/${id}#${pk}`. */
  baseUrl?: string;
}

export interface ServerCreatedRequest extends CreatedRequest {
  /** `sk`, 32 bytes: keep it to read the answer (`readRequestAnswer`). Never stored by Hushlink. */
  secretKey: Uint8Array;
  /** `pk`, 32 bytes: only in the customer's link fragment. Never stored by Hushlink. */
  publicKey: Uint8Array;
  /** `${baseUrl}/r/${id}#${base64url(pk)}` when `baseUrl` was given, else null. */
  link: string | null;
}

/** What the customer's page shows before anything is sent. */
export interface RequestMeta {
  label: string | null;
  expiresAt: Date;
}

/** A customer's answer, sealed in their browser with `sealForRequest`. */
export interface AnswerRequestInput {
  /** 32 bytes: proves the customer holds the link's `pk`. */
  requestProof: Uint8Array;
  /** A v1 envelope without passphrase. */
  envelope: Uint8Array;
  /** `deriveKeyProof(K)`: 32 bytes; the answer secret's keyProof. */
  keyProof: Uint8Array;
  /** `epk`: 32 bytes, not a low-order point. */
  ephemeralKey: Uint8Array;
}

/** A request as its creator's list shows it (the last three null until answered). */
export interface RequestItem {
  id: string;
  label: string | null;
  status: RequestStatus;
  createdAt: Date;
  expiresAt: Date;
  answeredAt: Date | null;
  answerSecretId: string | null;
  ephemeralKey: Uint8Array | null;
}

export interface RequestPage {
  items: RequestItem[];
  /** Opaque; null on the last page. */
  nextCursor: string | null;
}

export interface Hushlink {
  createSecret(input: CreateSecretInput, client: ClientInfo): Promise<CreatedSecret>;
  /** One secret per recipient under one `groupId` (DESIGN.md §11). */
  createGroup(input: CreateGroupInput, client: ClientInfo): Promise<CreatedGroup>;
  shareText(input: ShareTextInput, client: ClientInfo): Promise<SharedText>;
  /** Consumes nothing. `viewerId` is the caller's user id if the host knows it (for `createdByYou`). */
  meta(
    id: string,
    keyProof: Uint8Array,
    viewerId: string | null,
    client: ClientInfo,
  ): Promise<SecretMeta>;
  reveal(id: string, input: RevealInput, client: ClientInfo): Promise<Revealed>;
  /** Burns (reason `creator`) if still revealable; otherwise changes nothing. Another creator's id → NotAvailableError. */
  burn(id: string, createdBy: string, client: ClientInfo): Promise<void>;
  history(
    createdBy: string,
    options?: { limit?: number; cursor?: string | null },
  ): Promise<HistoryPage>;
  /** Another creator's id → NotAvailableError. */
  events(id: string, createdBy: string): Promise<AuditEvent[]>;
  sweep(): Promise<SweepResult>;

  // Request links (DESIGN.md §10). Each needs a store with the request methods.

  /** Stores a request whose key pair the creator's browser made; only `requestProof` is sent. */
  registerRequest(input: RegisterRequestInput, client: ClientInfo): Promise<CreatedRequest>;
  /**
   * Makes the key pair here and stores the request: for server-side callers. `secretKey`
   * comes back once, as bytes; read the answer with `readRequestAnswer`.
   */
  createRequest(input: CreateRequestInput, client?: ClientInfo): Promise<ServerCreatedRequest>;
  /** The customer's page: label and expiry of an open request. Consumes and records nothing. */
  requestMeta(id: string, requestProof: Uint8Array, client: ClientInfo): Promise<RequestMeta>;
  /** Accepts the one answer of an open request, as a single-use secret owned by the creator. */
  answerRequest(id: string, input: AnswerRequestInput, client: ClientInfo): Promise<void>;
  /** Open or answered → burned (an unread answer is burned too); expired or burned: unchanged. */
  burnRequest(id: string, createdBy: string, client: ClientInfo): Promise<void>;
  /** A creator's requests, newest first. */
  requests(
    createdBy: string,
    options?: { limit?: number; cursor?: string | null },
  ): Promise<RequestPage>;
  /** The audit trail of one of the creator's requests (`request_created`, `answered`, …). */
  requestEvents(id: string, createdBy: string): Promise<AuditEvent[]>;
  /**
   * Reads (and so consumes, like any reveal) the answer with the request's `secretKey`.
   * @throws {NotAvailableError} when the request is not the creator's, not answered, the
   *   answer is gone, or `secretKey` is wrong.
   */
  readRequestAnswer(
    id: string,
    secretKey: Uint8Array,
    createdBy: string,
    client?: ClientInfo,
  ): Promise<string>;
}
