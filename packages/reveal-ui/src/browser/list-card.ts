/**
 * The card around a creator's list (history, requests): a heading with "Refresh", the
 * table's head, a status line and "Load more".
 */
import type { RevealUiStrings } from '../strings';
import { type Child, h, uniqueId } from './dom';

/** How a list's card reads and what its buttons do. */
export interface ListCardOptions {
  heading: string;
  /** Prefix of the heading's id. */
  idPrefix: string;
  /** The table's class. */
  tableClass: string;
  /** The column headings, in order. */
  columns: string[];
  /** Shown between the heading and the table (a live region). */
  notice?: Child;
  onRefresh: () => void;
  onMore: () => void;
}

/** The card and the parts the list fills in. */
export interface ListCard {
  section: HTMLElement;
  /** The table, with its head only: append the rows' `<tbody>`s. */
  table: HTMLTableElement;
  /** The status line ("Loading failed", "Nothing yet"). */
  status: HTMLParagraphElement;
  /** "Load more", hidden until a page says there is more. */
  more: HTMLButtonElement;
}

/** Builds a list's card; the table is labelled by the card's heading. */
export function listCard(s: RevealUiStrings, options: ListCardOptions): ListCard {
  const headingId = uniqueId(options.idPrefix);
  const status = h('p', { class: 'hl-status', role: 'status' });
  const more = h(
    'button',
    { type: 'button', class: 'hl-secondary', hidden: true, onclick: options.onMore },
    s.loadMore,
  );
  const refresh = h(
    'button',
    { type: 'button', class: 'hl-secondary', onclick: options.onRefresh },
    s.refresh,
  );
  const table = h(
    'table',
    { class: options.tableClass, 'aria-labelledby': headingId },
    h('thead', {}, h('tr', {}, ...options.columns.map((text) => h('th', { scope: 'col' }, text)))),
  );
  const section = h(
    'section',
    { class: 'hl-card', 'aria-labelledby': headingId },
    h('div', { class: 'hl-heading-row' }, h('h2', { id: headingId }, options.heading), refresh),
    options.notice,
    table,
    status,
    more,
  );
  return { section, table, status, more };
}
