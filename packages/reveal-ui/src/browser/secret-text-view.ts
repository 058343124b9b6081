/**
 * A revealed text: a read-only text box with "Copy to clipboard" and its status line.
 * The reveal page shows the secret in it, the requests list and the private read page
 * the answer.
 */
import type { RevealUiStrings } from '../strings';
import { copyButton } from './copy-button';
import { h, uniqueId } from './dom';

/** The view's elements in order, and the text box to focus and select. */
export interface SecretTextView {
  nodes: HTMLElement[];
  field: HTMLTextAreaElement;
}

/**
 * The elements showing `text` under the label `label`; the box's id starts with `idPrefix`.
 * Focus and select the returned `field` once they are in the document.
 */
export function secretTextView(
  s: RevealUiStrings,
  text: string,
  label: string,
  idPrefix: string,
): SecretTextView {
  const fieldId = uniqueId(idPrefix);
  const status = h('p', { class: 'hl-status', role: 'status' });
  const field = h('textarea', {
    id: fieldId,
    class: 'hl-secret',
    readonly: true,
    spellcheck: 'false',
    autocomplete: 'off',
    rows: Math.min(12, Math.max(2, text.split('\n').length + 1)),
  });
  field.value = text;
  const copy = copyButton(s, s.copyToClipboard, field, status);
  return {
    nodes: [
      h('div', { class: 'hl-field' }, h('label', { for: fieldId }, label), field),
      h('div', { class: 'hl-actions' }, copy),
      status,
    ],
    field,
  };
}
