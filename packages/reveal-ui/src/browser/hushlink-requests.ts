/**
 * `<hushlink-requests data-base-path data-strings>`: the creator's secret requests, newest
 * first (`GET /api/requests`), as Open / Answered / Expired / Burned. An answered one offers
 * "Reveal" (the answer is read with `sk` from IndexedDB, consumed like any secret, and shown
 * below its row); open and answered ones offer "Burn" (`DELETE /api/requests/{id}`).
 * Refreshes itself when `hushlink:request-created` reaches the document.
 */
import type { RevealUiStrings } from '../strings';
import { callApi } from './call-api';
import { h, replaceChildren, uniqueId } from './dom';
import { readElementConfig } from './element-config';
import type { RequestItemJson, RequestPageJson } from './request-item';
import { deleteRequestKey } from './request-key-store';
import { revealRequestAnswer } from './reveal-request-answer';
import { answerFailureText, answerView } from './show-answer';

const COLUMNS = 5;

/** Local date and time, with the ISO instant kept in `datetime`. */
function timeElement(iso: string): HTMLTimeElement {
  const text = new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return h('time', { datetime: iso }, text);
}

/** The requests list as a custom element. */
export class HushlinkRequestsElement extends HTMLElement {
  #strings!: RevealUiStrings;
  #basePath = '';
  #started = false;
  #body!: HTMLTableSectionElement;
  #status!: HTMLParagraphElement;
  #more!: HTMLButtonElement;
  #cursor: string | null = null;
  readonly #onCreated = (): void => void this.refresh();

  connectedCallback(): void {
    document.addEventListener('hushlink:request-created', this.#onCreated);
    if (this.#started) return;
    this.#started = true;
    const config = readElementConfig(this);
    this.#strings = config.strings;
    this.#basePath = config.basePath;
    const s = this.#strings;
    const headingId = uniqueId('requests');
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
          h('h2', { id: headingId }, s.requestsHeading),
          refresh,
        ),
        h(
          'table',
          { class: 'hl-history hl-requests', 'aria-labelledby': headingId },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...[
                s.columnRequest,
                s.columnStatus,
                s.columnAnswered,
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
    document.removeEventListener('hushlink:request-created', this.#onCreated);
  }

  /** Reloads the first page. */
  async refresh(): Promise<void> {
    await this.#load(true);
  }

  async #load(first: boolean): Promise<void> {
    const s = this.#strings;
    const query =
      first || this.#cursor === null ? '' : `&cursor=${encodeURIComponent(this.#cursor)}`;
    const result = await callApi<RequestPageJson>(this.#basePath, `requests?limit=20${query}`);
    if (!result.ok) {
      this.#status.textContent = result.code === 'unauthorized' ? s.signedOut : s.unavailable;
      return;
    }
    if (first) this.#body.replaceChildren();
    for (const item of result.data.items) this.#body.append(...this.#rows(item));
    this.#cursor = result.data.nextCursor;
    this.#more.hidden = this.#cursor === null;
    this.#status.textContent = this.#body.children.length === 0 ? s.requestsEmpty : '';
  }

  /** The item's row and its (hidden) answer row. */
  #rows(item: RequestItemJson): HTMLTableRowElement[] {
    const s = this.#strings;
    const answerId = uniqueId('answer-row');
    const answerCell = h('td', { colspan: COLUMNS });
    const answerRow = h('tr', { id: answerId, class: 'hl-trail', hidden: true }, answerCell);
    const reveal =
      item.status === 'answered'
        ? h(
            'button',
            {
              type: 'button',
              class: 'hl-primary',
              'aria-controls': answerId,
              'aria-label': `${s.reveal} ${this.#name(item)}`,
            },
            s.reveal,
          )
        : null;
    reveal?.addEventListener('click', () => void this.#reveal(item, reveal, answerRow, answerCell));
    const burn =
      item.status === 'open' || item.status === 'answered'
        ? h(
            'button',
            { type: 'button', class: 'hl-danger', 'aria-label': `${s.burn} ${this.#name(item)}` },
            s.burn,
          )
        : null;
    burn?.addEventListener('click', () => void this.#burn(item.id));
    const badgeText = {
      open: s.statusOpen,
      answered: s.statusAnswered,
      expired: s.statusExpired,
      burned: s.statusBurned,
    }[item.status];
    const row = h(
      'tr',
      { 'data-id': item.id, 'data-status': item.status },
      h(
        'td',
        { 'data-label': s.columnRequest },
        h('span', { class: 'hl-name' }, this.#name(item)),
        h('span', { class: 'hl-created' }, timeElement(item.createdAt)),
      ),
      h(
        'td',
        { 'data-label': s.columnStatus },
        h('span', { class: `hl-badge hl-${item.status}` }, badgeText ?? item.status),
      ),
      h(
        'td',
        { 'data-label': s.columnAnswered },
        item.answeredAt === null ? '—' : timeElement(item.answeredAt),
      ),
      h('td', { 'data-label': s.columnExpires }, timeElement(item.expiresAt)),
      h('td', { 'data-label': s.columnActions }, h('div', { class: 'hl-actions' }, reveal, burn)),
    );
    return [row, answerRow];
  }

  #name(item: RequestItemJson): string {
    return item.label ?? `${item.id.slice(0, 8)}…`;
  }

  async #reveal(
    item: RequestItemJson,
    button: HTMLButtonElement,
    row: HTMLTableRowElement,
    cell: HTMLTableCellElement,
  ): Promise<void> {
    const s = this.#strings;
    button.disabled = true;
    button.textContent = s.revealing;
    row.hidden = false;
    replaceChildren(cell);
    const outcome = await revealRequestAnswer(this.#basePath, item);
    button.textContent = s.reveal;
    if (outcome.ok) {
      const view = answerView(s, outcome.text);
      replaceChildren(cell, ...view.nodes);
      button.hidden = true;
      view.field.focus();
      view.field.select();
      return;
    }
    // Only a retryable failure (nothing consumed) keeps the button.
    button.disabled = outcome.reason !== 'retry';
    const message = h(
      'p',
      { class: 'hl-message', role: 'alert', tabindex: '-1' },
      answerFailureText(s, outcome),
    );
    replaceChildren(cell, message);
    message.focus();
  }

  async #burn(id: string): Promise<void> {
    const s = this.#strings;
    if (!window.confirm(s.burnRequestConfirm)) return;
    const result = await callApi<null>(this.#basePath, `requests/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    });
    if (!result.ok) {
      this.#status.textContent = result.code === 'unauthorized' ? s.signedOut : s.unavailable;
      return;
    }
    await deleteRequestKey(id);
    await this.refresh();
    this.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"] button`)?.focus();
  }
}
