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
import type { AuditEventType, BurnReason, KdfParams, SecretStatus } from '../store/types';

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
  /** Records whose status or envelope the sweep changed. */
  swept: number;
  /** Records deleted at the end of metadata retention. */
  purged: number;
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
}
