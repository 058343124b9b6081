/**
 * `<hushlink-history data-base-path data-strings [data-poll-ms]>`: the creator's secrets,
 * newest first (`GET /api/secrets`), with status, views, expiry, a Burn button (`DELETE`)
 * and an expandable audit trail (`GET /api/secrets/{id}/events`). The secrets of one
 * group (several recipients, DESIGN.md §11) are listed under one entry, one row each.
 * Refreshes itself when a `hushlink:created` event reaches the document.
 *
 * Live "opened" badge: while the page is visible it polls the first page of the history
 * (every `data-poll-ms`, default 5 s, slower when the rate-limit budget runs low) and,
 * for secrets with `notify`, their audit trails a few at a time. A row whose link was
 * opened or revealed since the page loaded gets the badge and is announced politely.
 */
import type { RevealUiStrings } from '../strings';
import { fill } from '../strings';
import { ActivityTracker } from './activity-tracker';
import { confirmDelete, focusRowButton } from './burn-from-list';
import { callApi } from './call-api';
import { configureOnce } from './configure-once';
import { h, replaceChildren } from './dom';
import type { ElementConfig } from './element-config';
import { listFailureText } from './failure-text';
import { groupHistoryItems, sortMembers } from './group-history-items';
import { itemName } from './item-name';
import { listCard } from './list-card';
import { burnButton, detailRow, LIST_COLUMNS, nameCell } from './list-row-parts';
import { pacedGet } from './paced-get';
import { pagePath } from './page-path';
import { type PollLoop, pollWhileVisible } from './poll-while-visible';
import { nextPollDelayMs, type RateLimitState } from './rate-limit-pace';
import { timeElement } from './time-element';

/** One history item as the API sends it (DESIGN.md §5). */
export interface HistoryItemJson {
  id: string;
  label: string | null;
  status: 'active' | 'viewed' | 'expired' | 'burned';
  createdAt: string;
  expiresAt: string;
  maxViews: number | null;
  views: number;
  remainingViews: number | null;
  passphrase: boolean;
  burnReason: 'creator' | 'attempts' | 'integrity' | null;
  /** Whether the creator asked to be notified ("Notify me when opened"). */
  notify: boolean;
  /** The group of a secret sent to several recipients, else null. */
  groupId: string | null;
}

/** One audit event as the API sends it. */
interface EventJson {
  type: string;
  at: string;
  ip: string | null;
  detail: Record<string, unknown> | null;
}

const EVENT_TEXT: Record<string, keyof RevealUiStrings> = {
  created: 'eventCreated',
  opened: 'eventOpened',
  revealed: 'eventRevealed',
  passphrase_failed: 'eventPassphraseFailed',
  burned: 'eventBurned',
  expired: 'eventExpired',
  integrity_failed: 'eventIntegrityFailed',
};

/** Default time between polls while the page is visible. */
const POLL_MS = 5000;
/** Audit trails polled per round, at most (each is one request of the creator's budget). */
const TRAILS_PER_POLL = 2;

/** A rendered secret: its row, its audit-trail row, and what it showed. */
interface RenderedRow {
  item: HistoryItemJson;
  row: HTMLTableRowElement;
  trailRow: HTMLTableRowElement;
  trailCell: HTMLTableCellElement;
}

/** A rendered group: its `<tbody>`, its heading cell and its members in recipient order. */
interface RenderedGroup {
  body: HTMLTableSectionElement;
  heading: HTMLTableCellElement;
  members: HistoryItemJson[];
}

/** The history table as a custom element. */
export class HushlinkHistoryElement extends HTMLElement {
  #strings!: RevealUiStrings;
  #basePath = '';
  #table!: HTMLTableElement;
  #status!: HTMLParagraphElement;
  #live!: HTMLParagraphElement;
  #more!: HTMLButtonElement;
  #cursor: string | null = null;
  #rendered = new Map<string, RenderedRow>();
  #groups = new Map<string, RenderedGroup>();
  #tracker = new ActivityTracker();
  #poller: PollLoop | null = null;
  #pollMs = POLL_MS;
  #loaded = false;
  readonly #onCreated = (): void => void this.refresh();

  connectedCallback(): void {
    document.addEventListener('hushlink:created', this.#onCreated);
    const config = configureOnce(this);
    if (config !== null) this.#start(config);
    const pollMs = Number(this.dataset.pollMs);
    this.#pollMs = Number.isFinite(pollMs) && pollMs >= 1000 ? pollMs : POLL_MS;
    this.#poller ??= pollWhileVisible(() => this.#poll(), this.#pollMs);
  }

  disconnectedCallback(): void {
    document.removeEventListener('hushlink:created', this.#onCreated);
    this.#poller?.stop();
    this.#poller = null;
  }

  #start(config: ElementConfig): void {
    ({ strings: this.#strings, basePath: this.#basePath } = config);
    const s = this.#strings;
    // Its own polite region: news of an opened link must not be replaced by a load message.
    this.#live = h('p', { class: 'hl-status hl-live', 'aria-live': 'polite' });
    const card = listCard(s, {
      heading: s.historyHeading,
      idPrefix: 'history',
      tableClass: 'hl-history',
      columns: [s.columnSecret, s.columnStatus, s.columnViews, s.columnExpires, s.columnActions],
      notice: this.#live,
      onRefresh: () => void this.refresh(),
      onMore: () => void this.#load(false),
    });
    ({ table: this.#table, status: this.#status, more: this.#more } = card);
    replaceChildren(this, card.section);
    void this.refresh();
  }

  /** Reloads the first page. */
  async refresh(): Promise<void> {
    await this.#load(true);
  }

  async #load(first: boolean): Promise<void> {
    const s = this.#strings;
    const result = await callApi<{ items: HistoryItemJson[]; nextCursor: string | null }>(
      this.#basePath,
      pagePath('secrets', 20, first ? null : this.#cursor),
    );
    if (!result.ok) {
      this.#status.textContent = listFailureText(s, result);
      return;
    }
    const items = result.data.items.map(withDefaults);
    this.#tracker.observeHistory(items);
    if (first) {
      for (const body of [...this.#table.tBodies]) body.remove();
      this.#rendered.clear();
      this.#groups.clear();
    }
    for (const entry of groupHistoryItems(items)) {
      if (entry.kind === 'single') {
        this.#table.append(h('tbody', {}, ...this.#rows(entry.item)));
        continue;
      }
      const known = this.#groups.get(entry.groupId);
      if (known === undefined) {
        this.#addGroup(entry.groupId, entry.items);
      } else {
        // The rest of a group that the previous page cut off.
        for (const member of entry.items) this.#rows(member);
        known.members.push(...entry.items);
        sortMembers(known.members);
        for (const member of known.members) {
          const rendered = this.#rendered.get(member.id);
          if (rendered) known.body.append(rendered.row, rendered.trailRow);
        }
        this.#fillGroupHeading(known);
      }
    }
    this.#loaded = true;
    this.#cursor = result.data.nextCursor;
    this.#more.hidden = this.#cursor === null;
    this.#status.textContent = this.#rendered.size === 0 ? s.historyEmpty : '';
  }

  /** A group's `<tbody>`: a heading row spanning the table, then one row per recipient. */
  #addGroup(groupId: string, members: HistoryItemJson[]): void {
    const heading = h('th', { scope: 'rowgroup', colspan: LIST_COLUMNS });
    const body = h(
      'tbody',
      { class: 'hl-group', 'data-group-id': groupId },
      h('tr', { class: 'hl-group-heading' }, heading),
    );
    for (const member of members) body.append(...this.#rows(member));
    const group = { body, heading, members };
    this.#groups.set(groupId, group);
    this.#fillGroupHeading(group);
    this.#table.append(body);
  }

  #fillGroupHeading(group: RenderedGroup): void {
    const s = this.#strings;
    const members = group.members.map((m) => this.#rendered.get(m.id)?.item ?? m);
    const first = members[0];
    if (first === undefined) return;
    const labels = new Set(members.map((m) => m.label));
    const label = labels.size === 1 ? first.label : null;
    const count = members.length;
    const opened = members.filter((m) => this.#tracker.isOpened(m.id)).length;
    replaceChildren(
      group.heading,
      h(
        'span',
        { class: 'hl-name' },
        label === null ? fill(s.groupUnnamed, { count }) : fill(s.groupName, { label, count }),
      ),
      h('span', { class: 'hl-created' }, timeElement(first.createdAt)),
      first.notify && h('span', { class: 'hl-tag' }, s.notifyTag),
      h('span', { class: 'hl-note' }, fill(s.groupOpened, { count: opened, total: count })),
    );
  }

  /** One polling round; returns the delay before the next. */
  async #poll(): Promise<number> {
    // Until the first load has answered there is no baseline to compare with.
    if (!this.#loaded) return this.#pollMs;
    const page = await pacedGet<{ items: HistoryItemJson[] }>(
      this.#basePath,
      pagePath('secrets', 20, null),
    );
    if (!page.ok) {
      return Math.max(
        this.#pollMs * (page.code === 'unauthorized' ? 6 : 2),
        page.retryAfterMs ?? 0,
      );
    }
    const items = page.data.items.map(withDefaults);
    const news = this.#tracker.observeHistory(items);
    if (items.some((item) => !this.#rendered.has(item.id))) {
      // Secrets created elsewhere (another tab, a script): show the page afresh.
      await this.refresh();
    } else {
      for (const item of items) this.#update(item);
    }
    let rateLimit: RateLimitState | null = page.rateLimit;
    const watched = this.#tracker.nextToWatch(TRAILS_PER_POLL);
    for (const id of watched) {
      const trail = await pacedGet<{ events: EventJson[] }>(
        this.#basePath,
        `secrets/${encodeURIComponent(id)}/events`,
      );
      rateLimit = trail.rateLimit ?? rateLimit;
      if (!trail.ok) break;
      const wasOpened = this.#tracker.isOpened(id);
      if (this.#tracker.observeEvents(id, trail.data.events)) news.push(id);
      else if (!wasOpened && this.#tracker.isOpened(id)) this.#markOpened(id, false);
    }
    for (const id of news) this.#markOpened(id, true);
    if (news.length > 0) {
      this.#live.textContent = news
        .map((id) => {
          const item = this.#rendered.get(id)?.item;
          return fill(this.#strings.announceOpened, { label: item ? itemName(item) : id });
        })
        .join(' ');
    }
    return nextPollDelayMs(rateLimit, 1 + watched.length, this.#pollMs);
  }

  /** Redraws a secret's row when the poll shows it changed (keeping its open trail). */
  #update(item: HistoryItemJson): void {
    const rendered = this.#rendered.get(item.id);
    if (rendered === undefined) return;
    const before = rendered.item;
    if (
      before.status === item.status &&
      before.views === item.views &&
      before.remainingViews === item.remainingViews &&
      before.burnReason === item.burnReason
    ) {
      return;
    }
    this.#redraw(rendered, item);
  }

  /** Shows the "opened" badge on a row; `fresh` also highlights it as news. */
  #markOpened(id: string, fresh: boolean): void {
    const rendered = this.#rendered.get(id);
    if (rendered === undefined) return;
    this.#redraw(rendered, rendered.item);
    if (fresh) rendered.row.classList.add('hl-new');
  }

  #redraw(rendered: RenderedRow, item: HistoryItemJson): void {
    const hadFocus = rendered.row.contains(document.activeElement);
    const row = this.#mainRow(item, rendered.trailRow, rendered.trailCell);
    rendered.row.replaceWith(row);
    rendered.row = row;
    rendered.item = item;
    if (hadFocus) row.querySelector<HTMLElement>('button[aria-controls]')?.focus();
    if (item.groupId !== null) {
      const group = this.#groups.get(item.groupId);
      if (group !== undefined) this.#fillGroupHeading(group);
    }
  }

  /** The item's row and its (hidden) audit-trail row. */
  #rows(item: HistoryItemJson): HTMLTableRowElement[] {
    const { row: trailRow, cell: trailCell } = detailRow('trail');
    const row = this.#mainRow(item, trailRow, trailCell);
    this.#rendered.set(item.id, { item, row, trailRow, trailCell });
    return [row, trailRow];
  }

  #mainRow(
    item: HistoryItemJson,
    trailRow: HTMLTableRowElement,
    trailCell: HTMLTableCellElement,
  ): HTMLTableRowElement {
    const s = this.#strings;
    const toggle = h(
      'button',
      {
        type: 'button',
        class: 'hl-secondary',
        'aria-expanded': String(!trailRow.hidden),
        'aria-controls': trailRow.id,
      },
      s.auditTrail,
    );
    toggle.addEventListener(
      'click',
      () => void this.#toggleTrail(item.id, toggle, trailRow, trailCell),
    );
    const burnable =
      item.remainingViews !== 0 && (item.status === 'active' || item.status === 'viewed');
    const burn = burnable ? burnButton(s, itemName(item), () => void this.#burn(item.id)) : null;
    const opened = this.#tracker.isOpened(item.id);
    return h(
      'tr',
      {
        'data-id': item.id,
        'data-status': item.status,
        'data-opened': opened ? 'true' : null,
        class: item.groupId === null ? null : 'hl-member',
      },
      nameCell(
        s.columnSecret,
        itemName(item),
        item.createdAt,
        item.passphrase && h('span', { class: 'hl-tag' }, s.withPassphrase),
        item.notify && h('span', { class: 'hl-tag' }, s.notifyTag),
      ),
      h(
        'td',
        { 'data-label': s.columnStatus },
        ...this.#statusCells(item),
        opened && h('span', { class: 'hl-badge hl-opened' }, s.badgeOpened),
      ),
      h('td', { 'data-label': s.columnViews }, this.#views(item)),
      h('td', { 'data-label': s.columnExpires }, timeElement(item.expiresAt)),
      h('td', { 'data-label': s.columnActions }, h('div', { class: 'hl-actions' }, burn, toggle)),
    );
  }

  #statusCells(item: HistoryItemJson): HTMLElement[] {
    const s = this.#strings;
    const names = {
      active: s.statusActive,
      viewed: s.statusViewed,
      expired: s.statusExpired,
      burned: s.statusBurned,
    } as const;
    const badge = h('span', { class: `hl-badge hl-${item.status}` }, names[item.status]);
    if (item.status === 'expired') {
      return [badge, h('span', { class: 'hl-note' }, s.unopenedExpired)];
    }
    if (item.status === 'burned' && item.burnReason !== null) {
      const reason = {
        creator: s.burnedByCreator,
        attempts: s.burnedByAttempts,
        integrity: s.burnedByIntegrity,
      }[item.burnReason];
      return [badge, h('span', { class: 'hl-note' }, reason)];
    }
    return [badge];
  }

  #views(item: HistoryItemJson): string {
    const s = this.#strings;
    return item.maxViews === null
      ? fill(s.viewsReusable, { views: item.views })
      : fill(s.viewsOf, { views: item.views, count: item.maxViews });
  }

  async #burn(id: string): Promise<void> {
    const s = this.#strings;
    const path = `secrets/${encodeURIComponent(id)}`;
    if (!(await confirmDelete(s, this.#basePath, path, s.burnConfirm, this.#status))) return;
    await this.refresh();
    focusRowButton(this, id);
  }

  async #toggleTrail(
    id: string,
    toggle: HTMLButtonElement,
    row: HTMLTableRowElement,
    cell: HTMLTableCellElement,
  ): Promise<void> {
    const s = this.#strings;
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    row.hidden = !open;
    if (!open) return;
    const result = await callApi<{ events: EventJson[] }>(
      this.#basePath,
      `secrets/${encodeURIComponent(id)}/events`,
    );
    if (!result.ok) {
      replaceChildren(cell, s.unavailable);
      return;
    }
    const events = result.data.events;
    if (events.length === 0) {
      replaceChildren(cell, s.auditEmpty);
      return;
    }
    replaceChildren(
      cell,
      h(
        'table',
        { class: 'hl-events', 'aria-label': s.auditTrail },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[s.auditTime, s.auditEvent, s.auditIp, s.auditDetail].map((t) =>
              h('th', { scope: 'col' }, t),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          ...events.map((event) =>
            h(
              'tr',
              { 'data-type': event.type },
              h('td', { 'data-label': s.auditTime }, timeElement(event.at, true)),
              h('td', { 'data-label': s.auditEvent }, this.#eventText(event.type)),
              h('td', { 'data-label': s.auditIp, class: 'hl-ip' }, event.ip ?? s.unknownIp),
              h('td', { 'data-label': s.auditDetail }, this.#detailText(event.detail)),
            ),
          ),
        ),
      ),
    );
  }

  #eventText(type: string): string {
    const key = EVENT_TEXT[type];
    return key === undefined ? type : this.#strings[key];
  }

  #detailText(detail: Record<string, unknown> | null): string {
    if (detail === null) return '';
    const s = this.#strings;
    const parts: string[] = [];
    if (typeof detail.reason === 'string') {
      const reasons: Record<string, string> = {
        creator: s.burnedByCreator,
        attempts: s.burnedByAttempts,
        integrity: s.burnedByIntegrity,
      };
      parts.push(reasons[detail.reason] ?? detail.reason);
    }
    if (typeof detail.attemptsLeft === 'number') {
      parts.push(
        fill(detail.attemptsLeft === 1 ? s.attemptLeftShort : s.attemptsLeftShort, {
          count: detail.attemptsLeft,
        }),
      );
    }
    if (typeof detail.views === 'number') {
      parts.push(fill(s.viewNumber, { count: detail.views }));
    }
    return parts.join(', ');
  }
}

/** An item from a server that predates notifications lacks `notify` and `groupId`. */
function withDefaults(item: HistoryItemJson): HistoryItemJson {
  return { ...item, notify: item.notify === true, groupId: item.groupId ?? null };
}
