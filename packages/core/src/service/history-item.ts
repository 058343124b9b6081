import { effectiveStatus, remainingViews } from '../lifecycle';
import type { SecretRecord } from '../store/types';
import type { HistoryItem } from './types';

/** Epoch milliseconds as a `Date`, null staying null. */
export const dateOrNull = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

/**
 * A record as its creator's history shows it at `now`. A record whose MAC fails is shown as
 * `burned`/`integrity` with nothing left to view, without writing (DESIGN.md §3): the next
 * POST, DELETE or sweep persists the burn. Its `burnedAt` stays null until then.
 */
export function toHistoryItem(record: SecretRecord, now: number, sound: boolean): HistoryItem {
  return {
    id: record.id,
    label: record.label,
    status: sound ? effectiveStatus(record, now) : 'burned',
    createdAt: new Date(record.createdAt),
    expiresAt: new Date(record.expiresAt),
    maxViews: record.maxViews,
    views: record.views,
    remainingViews: sound ? remainingViews(record, now) : 0,
    passphrase: record.passphraseVerifier !== null,
    firstViewedAt: dateOrNull(record.firstViewedAt),
    lastViewedAt: dateOrNull(record.lastViewedAt),
    burnedAt: sound ? dateOrNull(record.burnedAt) : null,
    burnReason: sound ? record.burnReason : 'integrity',
    notify: record.notify,
    groupId: record.groupId,
    requestId: record.requestId,
  };
}
