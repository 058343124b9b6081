/**
 * Several recipients (DESIGN.md §11) in the history: the secrets of one group are listed
 * under one entry, at the place of its newest member; other secrets stay single entries.
 */

/** What grouping needs of a history item. */
export interface GroupableItem {
  id: string;
  label: string | null;
  createdAt: string;
  groupId: string | null;
}

/** One entry of the history: a secret on its own, or the secrets of one group. */
export type HistoryEntry<T extends GroupableItem> =
  | { kind: 'single'; item: T }
  | { kind: 'group'; groupId: string; items: T[] };

/**
 * Groups a page of history items (newest first) by `groupId`. Each group sits where its
 * newest member was; its members are sorted by {@link sortMembers}. Items without a group
 * keep their place.
 */
export function groupHistoryItems<T extends GroupableItem>(items: readonly T[]): HistoryEntry<T>[] {
  const entries: HistoryEntry<T>[] = [];
  const groups = new Map<string, T[]>();
  for (const item of items) {
    if (item.groupId === null) {
      entries.push({ kind: 'single', item });
      continue;
    }
    const members = groups.get(item.groupId);
    if (members !== undefined) {
      members.push(item);
      continue;
    }
    const created = [item];
    groups.set(item.groupId, created);
    entries.push({ kind: 'group', groupId: item.groupId, items: created });
  }
  for (const members of groups.values()) sortMembers(members);
  return entries;
}

/**
 * Sorts a group's members in place, in an order that survives a reload: by label
 * (unlabelled last), then by id. The recipients' own order is not kept: the server creates
 * them all at one instant, and the history orders equal times by id.
 */
export function sortMembers<T extends GroupableItem>(members: T[]): T[] {
  return members.sort((a, b) => {
    if (a.label !== b.label) {
      if (a.label === null) return 1;
      if (b.label === null) return -1;
      const byLabel = a.label.localeCompare(b.label, undefined, { numeric: true });
      if (byLabel !== 0) return byLabel;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
