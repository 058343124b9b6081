/** How the creator's screens name a secret or a request. */

/** The item's label, or the start of its id when it has none. */
export function itemName(item: { id: string; label: string | null }): string {
  return item.label ?? `${item.id.slice(0, 8)}…`;
}
