/**
 * The JSON shapes of DESIGN.md §5 and §7, built from the service's results. Times become
 * ISO-8601 UTC strings (`Date.prototype.toISOString()`), bytes become base64url.
 */
import { encodeBase64url } from '../crypto';
import type { AuditEvent, HistoryItem, HistoryPage, Revealed, SecretMeta } from '../service/types';

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

function isoOrNull(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}
