/**
 * The history's memory of which links were opened (DESIGN.md §11, the live "opened"
 * badge): what the page knew when it loaded is the baseline, and everything gained after
 * it — a `revealed` (the views went up) or an `opened` in the audit trail — is news to
 * announce. Pure state, no DOM or network: the history feeds it what it polled.
 */

/** What the tracker needs of a history item. */
export interface TrackedItem {
  id: string;
  status: string;
  views: number;
  remainingViews: number | null;
  notify: boolean;
}

/** The audit event types that mean "someone got to the link". */
const OPENING_EVENTS = new Set(['opened', 'revealed']);

interface Known {
  opened: boolean;
  /** Whether `opened` is known (else the first look at its trail sets the baseline). */
  settled: boolean;
  item: TrackedItem;
}

/** Tracks opened links across polls; see {@link ActivityTracker.observeHistory}. */
export class ActivityTracker {
  readonly #known = new Map<string, Known>();
  #baselineTaken = false;
  #nextWatch = 0;

  /**
   * Takes a polled history page. The first call is the baseline. Returns the ids whose
   * views went up since the last call (newly revealed), in the order given.
   */
  observeHistory(items: readonly TrackedItem[]): string[] {
    const news: string[] = [];
    for (const item of items) {
      const known = this.#known.get(item.id);
      const revealed = item.views > 0;
      if (known === undefined) {
        // A secret created after the baseline was unopened when it was created.
        const settled = this.#baselineTaken || revealed || !item.notify;
        this.#known.set(item.id, { opened: revealed, settled, item });
        if (this.#baselineTaken && revealed) news.push(item.id);
        continue;
      }
      if (item.views > known.item.views) {
        if (!known.opened) news.push(item.id);
        known.opened = true;
        known.settled = true;
      }
      known.item = item;
    }
    this.#baselineTaken = true;
    return news;
  }

  /**
   * Takes a polled audit trail. Returns true when it shows the link was opened and that is
   * news (not part of the baseline, not known before).
   */
  observeEvents(id: string, events: readonly { type: string }[]): boolean {
    const known = this.#known.get(id);
    if (known === undefined) return false;
    const opened = events.some((event) => OPENING_EVENTS.has(event.type));
    const news = opened && !known.opened && known.settled;
    if (opened) known.opened = true;
    known.settled = true;
    return news;
  }

  /** Whether the link is known to have been opened. */
  isOpened(id: string): boolean {
    return this.#known.get(id)?.opened ?? false;
  }

  /**
   * Up to `count` ids whose audit trail is worth polling — the creator asked to be
   * notified, the link is still unopened as far as we know, and it can still be opened —
   * taken in turns so every watched link gets its look.
   */
  nextToWatch(count: number): string[] {
    const watched = [...this.#known.values()]
      .filter(({ opened, item }) => item.notify && !opened && isOpenable(item))
      .map(({ item }) => item.id);
    if (watched.length <= count) return watched;
    const start = this.#nextWatch % watched.length;
    this.#nextWatch = start + count;
    return Array.from({ length: count }, (_, i) => watched[(start + i) % watched.length] as string);
  }
}

/** Still revealable: active (or viewed with views left). */
function isOpenable(item: TrackedItem): boolean {
  return (item.status === 'active' || item.status === 'viewed') && item.remainingViews !== 0;
}
