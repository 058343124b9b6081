/**
 * The JSON shapes of DESIGN.md §5 and §7, built from the service's results. Times become
 * ISO-8601 UTC strings (`Date.prototype.toISOString()`), bytes become base64url.
 */
import { encodeBase64url } from '../crypto';
import type {
  AuditEvent,
  HistoryItem,
  HistoryPage,
  RequestMeta,
  RequestPage,
  Revealed,
  SecretMeta,
} from '../service/types';

/** `{passphrase, kdf, attemptsLeft, expiresAt, createdByYou, requestId}` */
export function metaToJson(meta: SecretMeta): Record<string, unknown> {
  return {
    passphrase: meta.passphrase,
    kdf:
      meta.kdf === null
        ? null
        : { salt: meta.kdf.salt, logN: meta.kdf.logN, r: meta.kdf.r, p: meta.kdf.p },
    attemptsLeft: meta.attemptsLeft,
    expiresAt: meta.expiresAt.toISOString(),
    createdByYou: meta.createdByYou,
    requestId: meta.requestId,
  };
}

/** `{envelope, remainingViews}` */
export function revealedToJson(revealed: Revealed): Record<string, unknown> {
  return { envelope: encodeBase64url(revealed.envelope), remainingViews: revealed.remainingViews };
}

/** `{items, nextCursor}`, items newest first as the service returned them. */
export function historyToJson(page: HistoryPage): Record<string, unknown> {
  return { items: page.items.map(historyItemToJson), nextCursor: page.nextCursor };
}

/** `{events}`, oldest first. */
export function eventsToJson(events: readonly AuditEvent[]): Record<string, unknown> {
  return {
    events: events.map((event) => ({
      type: event.type,
      at: event.at.toISOString(),
      ip: event.ip,
      userAgent: event.userAgent,
      detail: event.detail,
    })),
  };
}

function historyItemToJson(item: HistoryItem): Record<string, unknown> {
  return {
    id: item.id,
    label: item.label,
    status: item.status,
    createdAt: item.createdAt.toISOString(),
    expiresAt: item.expiresAt.toISOString(),
    maxViews: item.maxViews,
    views: item.views,
    remainingViews: item.remainingViews,
    passphrase: item.passphrase,
    firstViewedAt: isoOrNull(item.firstViewedAt),
    lastViewedAt: isoOrNull(item.lastViewedAt),
    burnedAt: isoOrNull(item.burnedAt),
    burnReason: item.burnReason,
    notify: item.notify,
    groupId: item.groupId,
    requestId: item.requestId,
  };
}

/** `{items, nextCursor}` of `GET /api/requests`; `ephemeralKey` as base64url (DESIGN.md §10). */
export function requestsToJson(page: RequestPage): Record<string, unknown> {
  return {
    items: page.items.map((item) => ({
      id: item.id,
      label: item.label,
      status: item.status,
      createdAt: item.createdAt.toISOString(),
      expiresAt: item.expiresAt.toISOString(),
      answeredAt: isoOrNull(item.answeredAt),
      answerSecretId: item.answerSecretId,
      ephemeralKey: item.ephemeralKey === null ? null : encodeBase64url(item.ephemeralKey),
    })),
    nextCursor: page.nextCursor,
  };
}

/** `{label, expiresAt}` of the customer's meta. */
export function requestMetaToJson(meta: RequestMeta): Record<string, unknown> {
  return { label: meta.label, expiresAt: meta.expiresAt.toISOString() };
}

function isoOrNull(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}
