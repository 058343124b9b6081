/**
 * The create form's "Several recipients" list: 1 to 20 rows, each with an optional label
 * and a Remove button, plus "Add a recipient". Rows are renumbered when one is removed, and
 * focus goes where a keyboard user expects it (the new field, or the row that moved up).
 */
import { fill, type RevealUiStrings } from '../strings';
import { h, replaceChildren, uniqueId } from './dom';

/** At most this many recipients (DESIGN.md §11). */
export const MAX_RECIPIENTS = 20;

/** The list's element and a way to read its labels. */
export interface RecipientRows {
  element: HTMLElement;
  /** The labels in order ('' for none), one per recipient. */
  labels(): string[];
  /** Called with the number of recipients whenever it changes. */
  onChange(listener: (count: number) => void): void;
}

/** Builds the list with `initial` empty rows. */
export function recipientRows(strings: RevealUiStrings, initial: number): RecipientRows {
  const values: string[] = Array.from({ length: initial }, () => '');
  const list = h('ol', { class: 'hl-recipients' });
  const add = h('button', { type: 'button', class: 'hl-secondary' }, strings.addRecipient);
  const listeners: ((count: number) => void)[] = [];
  let inputs: HTMLInputElement[] = [];

  const render = (focus: number | 'add' | null): void => {
    inputs = values.map((value, index) => {
      const input = h('input', {
        id: uniqueId('recipient'),
        type: 'text',
        maxlength: 200,
        autocomplete: 'off',
        value,
      });
      input.addEventListener('input', () => {
        values[index] = input.value;
      });
      return input;
    });
    replaceChildren(
      list,
      ...inputs.map((input, index) => {
        const remove = h(
          'button',
          {
            type: 'button',
            class: 'hl-secondary',
            'aria-label': fill(strings.removeRecipient, { count: index + 1 }),
            disabled: values.length === 1,
          },
          '×',
        );
        remove.addEventListener('click', () => {
          values.splice(index, 1);
          render(Math.min(index, values.length - 1));
        });
        return h(
          'li',
          { class: 'hl-recipient' },
          h('label', { for: input.id }, fill(strings.recipientLabelInput, { count: index + 1 })),
          h('div', { class: 'hl-recipient-row' }, input, remove),
        );
      }),
    );
    add.disabled = values.length >= MAX_RECIPIENTS;
    if (focus === 'add') add.focus();
    else if (focus !== null) inputs[focus]?.focus();
    for (const listener of listeners) listener(values.length);
  };

  add.addEventListener('click', () => {
    if (values.length >= MAX_RECIPIENTS) return;
    values.push('');
    render(values.length - 1);
  });
  render(null);

  return {
    element: h('div', { class: 'hl-field' }, list, add),
    labels: () => values.map((value) => value.trim()),
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
