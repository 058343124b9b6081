/**
 * The parts the creator's lists build their rows from: the name cell, the Burn button,
 * and the hidden row below an item that opens on demand (audit trail, answer).
 */
import type { RevealUiStrings } from '../strings';
import { type Child, h, uniqueId } from './dom';
import { timeElement } from './time-element';

/** The list tables' column count, which full-width rows span. */
export const LIST_COLUMNS = 5;

/** A hidden row spanning the table, and its one cell. */
export interface DetailRow {
  row: HTMLTableRowElement;
  cell: HTMLTableCellElement;
}

/** A hidden full-width row whose id starts with `idPrefix` (for `aria-controls`). */
export function detailRow(idPrefix: string): DetailRow {
  const cell = h('td', { colspan: LIST_COLUMNS });
  const row = h('tr', { id: uniqueId(idPrefix), class: 'hl-trail', hidden: true }, cell);
  return { row, cell };
}

/** The first cell: the item's name, when it was created, then `tags`. */
export function nameCell(
  column: string,
  name: string,
  createdAt: string,
  ...tags: Child[]
): HTMLTableCellElement {
  return h(
    'td',
    { 'data-label': column },
    h('span', { class: 'hl-name' }, name),
    h('span', { class: 'hl-created' }, timeElement(createdAt)),
    ...tags,
  );
}

/** "Burn", named for the item (`Burn {name}`) among many alike. */
export function burnButton(
  s: RevealUiStrings,
  name: string,
  onBurn: () => void,
): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: 'hl-danger', 'aria-label': `${s.burn} ${name}`, onclick: onBurn },
    s.burn,
  );
}
