/**
 * `<hushlink-requests data-base-path data-strings>`: the creator's secret requests, newest
 * first (`GET /api/requests`), as Open / Answered / Expired / Burned. An answered one offers
 * "Reveal" (the answer is read with `sk` from IndexedDB, consumed like any secret, and shown
 * below its row); open and answered ones offer "Burn" (`DELETE /api/requests/{id}`).
 * Refreshes itself when `hushlink:request-created` reaches the document.
 */
import type { RevealUiStrings } from '../strings';
import { confirmDelete, focusRowButton } from './burn-from-list';
import { callApi } from './call-api';
import { configureOnce } from './configure-once';
import { h, replaceChildren } from './dom';
import { listFailureText } from './failure-text';
import { itemName } from './item-name';
import { listCard } from './list-card';
import { burnButton, detailRow, nameCell } from './list-row-parts';
import { pagePath } from './page-path';
import type { RequestItemJson, RequestPageJson } from './request-item';
import { deleteRequestKey } from './request-key-store';
import { revealRequestAnswer } from './reveal-request-answer';
import { answerFailureText, answerView } from './show-answer';
import { showMessage } from './show-message';
import { timeElement } from './time-element';

/** The requests list as a custom element. */
export class HushlinkRequestsElement extends HTMLElement {
  #strings!: RevealUiStrings;
  #basePath = '';
  #body!: HTMLTableSectionElement;
  #status!: HTMLParagraphElement;
  #more!: HTMLButtonElement;
  #cursor: string | null = null;
  readonly #onCreated = (): void => void this.refresh();

  connectedCallback(): void {
    document.addEventListener('hushlink:request-created', this.#onCreated);
    const config = configureOnce(this);
    if (config === null) return;
    ({ strings: this.#strings, basePath: this.#basePath } = config);
    const s = this.#strings;
    this.#body = h('tbody');
    const card = listCard(s, {
      heading: s.requestsHeading,
      idPrefix: 'requests',
      tableClass: 'hl-history hl-requests',
      columns: [
        s.columnRequest,
        s.columnStatus,
        s.columnAnswered,
        s.columnExpires,
        s.columnActions,
      ],
      onRefresh: () => void this.refresh(),
      onMore: () => void this.#load(false),
    });
    card.table.append(this.#body);
    ({ status: this.#status, more: this.#more } = card);
    replaceChildren(this, card.section);
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
    const path = pagePath('requests', 20, first ? null : this.#cursor);
    const result = await callApi<RequestPageJson>(this.#basePath, path);
    if (!result.ok) {
      this.#status.textContent = listFailureText(s, result);
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
    const name = itemName(item);
    const answer = detailRow('answer-row');
    const reveal =
      item.status === 'answered'
        ? h(
            'button',
            {
              type: 'button',
              class: 'hl-primary',
              'aria-controls': answer.row.id,
              'aria-label': `${s.reveal} ${name}`,
            },
            s.reveal,
          )
        : null;
    reveal?.addEventListener(
      'click',
      () => void this.#reveal(item, reveal, answer.row, answer.cell),
    );
    const burn =
      item.status === 'open' || item.status === 'answered'
        ? burnButton(s, name, () => void this.#burn(item.id))
        : null;
    const badgeText = {
      open: s.statusOpen,
      answered: s.statusAnswered,
      expired: s.statusExpired,
      burned: s.statusBurned,
    }[item.status];
    const row = h(
      'tr',
      { 'data-id': item.id, 'data-status': item.status },
      nameCell(s.columnRequest, name, item.createdAt),
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
    return [row, answer.row];
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
    showMessage(cell, answerFailureText(s, outcome));
  }

  async #burn(id: string): Promise<void> {
    const s = this.#strings;
    const path = `requests/${encodeURIComponent(id)}`;
    if (!(await confirmDelete(s, this.#basePath, path, s.burnRequestConfirm, this.#status))) return;
    await deleteRequestKey(id);
    await this.refresh();
    focusRowButton(this, id);
  }
}
