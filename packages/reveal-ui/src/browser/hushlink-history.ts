/**
 * `<hushlink-history data-base-path data-strings>`: the creator's secrets, newest first
 * (`GET /api/secrets`), with status, views, expiry, a Burn button (`DELETE`) and an
 * expandable audit trail (`GET /api/secrets/{id}/events`). Refreshes itself when a
 * `hushlink:created` event reaches the document.
 */
import type { RevealUiStrings } from '../strings';
import { fill } from '../strings';
import { callApi } from './call-api';
import { h, replaceChildren, uniqueId } from './dom';
import { readElementConfig } from './element-config';

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

const COLUMNS = 5;

/** Local date and time, with the ISO instant kept in `datetime`. */
function timeElement(iso: string, seconds = false): HTMLTimeElement {
  const date = new Date(iso);
  const text = date.toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: seconds ? 'medium' : 'short',
  });
  return h('time', { datetime: iso }, text);
}

/** The history table as a custom element. */
export class HushlinkHistoryElement extends HTMLElement {
  #strings!: RevealUiStrings;
  #basePath = '';
  #started = false;
  #body!: HTMLTableSectionElement;
  #status!: HTMLParagraphElement;
  #more!: HTMLButtonElement;
  #cursor: string | null = null;
  readonly #onCreated = (): void => void this.refresh();

  connectedCallback(): void {
    document.addEventListener('hushlink:created', this.#onCreated);
    if (this.#started) return;
    this.#started = true;
    const config = readElementConfig(this);
    this.#strings = config.strings;
    this.#basePath = config.basePath;
    const s = this.#strings;
    const headingId = uniqueId('history');
    this.#body = h('tbody');
    this.#status = h('p', { class: 'hl-status', role: 'status' });
    this.#more = h('button', { type: 'button', class: 'hl-secondary', hidden: true }, s.loadMore);
    this.#more.addEventListener('click', () => void this.#load(false));
    const refresh = h('button', { type: 'button', class: 'hl-secondary' }, s.refresh);
    refresh.addEventListener('click', () => void this.refresh());
    replaceChildren(
      this,
      h(
        'section',
        { class: 'hl-card', 'aria-labelledby': headingId },
        h(
          'div',
          { class: 'hl-heading-row' },
          h('h2', { id: headingId }, s.historyHeading),
          refresh,
        ),
        h(
          'table',
          { class: 'hl-history', 'aria-labelledby': headingId },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...[
                s.columnSecret,
                s.columnStatus,
                s.columnViews,
                s.columnExpires,
                s.columnActions,
              ].map((text) => h('th', { scope: 'col' }, text)),
            ),
          ),
          this.#body,
        ),
        this.#status,
        this.#more,
      ),
    );
    void this.refresh();
  }

  disconnectedCallback(): void {
    document.removeEventListener('hushlink:created', this.#onCreated);
  }

  /** Reloads the first page. */
  async refresh(): Promise<void> {
    await this.#load(true);
  }

  async #load(first: boolean): Promise<void> {
    const s = this.#strings;
    const query =
      first || this.#cursor === null ? '' : `&cursor=${encodeURIComponent(this.#cursor)}`;
    const result = await callApi<{ items: HistoryItemJson[]; nextCursor: string | null }>(
      this.#basePath,
      `secrets?limit=20${query}`,
    );
    if (!result.ok) {
      this.#status.textContent = result.code === 'unauthorized' ? s.signedOut : s.unavailable;
      return;
    }
    if (first) this.#body.replaceChildren();
    for (const item of result.data.items) this.#body.append(...this.#rows(item));
    this.#cursor = result.data.nextCursor;
    this.#more.hidden = this.#cursor === null;
    this.#status.textContent = this.#body.children.length === 0 ? s.historyEmpty : '';
  }

  /** The item's row and its (hidden) audit-trail row. */
  #rows(item: HistoryItemJson): HTMLTableRowElement[] {
    const s = this.#strings;
    const trailId = uniqueId('trail');
    const trailCell = h('td', { colspan: COLUMNS });
    const trailRow = h('tr', { id: trailId, class: 'hl-trail', hidden: true }, trailCell);
    const toggle = h(
      'button',
      { type: 'button', class: 'hl-secondary', 'aria-expanded': 'false', 'aria-controls': trailId },
      s.auditTrail,
    );
    toggle.addEventListener(
      'click',
      () => void this.#toggleTrail(item.id, toggle, trailRow, trailCell),
    );
    const burnable =
      item.remainingViews !== 0 && (item.status === 'active' || item.status === 'viewed');
    const burn = burnable
      ? h(
          'button',
          { type: 'button', class: 'hl-danger', 'aria-label': `${s.burn} ${this.#name(item)}` },
          s.burn,
        )
      : null;
    burn?.addEventListener('click', () => void this.#burn(item.id));
    const row = h(
      'tr',
      { 'data-id': item.id, 'data-status': item.status },
      h(
        'td',
        { 'data-label': s.columnSecret },
        h('span', { class: 'hl-name' }, this.#name(item)),
        h('span', { class: 'hl-created' }, timeElement(item.createdAt)),
        item.passphrase && h('span', { class: 'hl-tag' }, s.withPassphrase),
      ),
      h('td', { 'data-label': s.columnStatus }, ...this.#statusCells(item)),
      h('td', { 'data-label': s.columnViews }, this.#views(item)),
      h('td', { 'data-label': s.columnExpires }, timeElement(item.expiresAt)),
      h('td', { 'data-label': s.columnActions }, h('div', { class: 'hl-actions' }, burn, toggle)),
    );
    return [row, trailRow];
  }

  #name(item: HistoryItemJson): string {
    return item.label ?? `${item.id.slice(0, 8)}…`;
  }

  #statusCells(item: HistoryItemJson): (HTMLElement | string)[] {
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
    if (!window.confirm(s.burnConfirm)) return;
    const result = await callApi<null>(this.#basePath, `secrets/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    });
    if (!result.ok) {
      this.#status.textContent = result.code === 'unauthorized' ? s.signedOut : s.unavailable;
      return;
    }
    await this.refresh();
    this.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"] button`)?.focus();
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
