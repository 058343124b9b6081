/** A created link on show: a read-only field with its label, and its copy button. */
import type { RevealUiStrings } from '../strings';
import { copyButton } from './copy-button';
import { h, uniqueId } from './dom';

/** What the caller places: the field (label + link) and the copy button, apart. */
export interface LinkField {
  field: HTMLDivElement;
  input: HTMLInputElement;
  copy: HTMLButtonElement;
}

/** How a link field reads and reports. */
export interface LinkFieldOptions {
  link: string;
  /** The field's visible label. */
  label: string;
  /** The copy button's visible text. */
  copyLabel: string;
  /** Where the copy button reports "Copied." or how to copy by hand. */
  status: HTMLElement;
  /** The copy button's accessible name, when one of several buttons reads the same. */
  copyName?: string;
  /** The id of a hint describing the link. */
  describedBy?: string;
}

/** A read-only link field with its label and a copy button reporting in `status`. */
export function linkField(s: RevealUiStrings, options: LinkFieldOptions): LinkField {
  const id = uniqueId('link');
  const input = h('input', {
    id,
    class: 'hl-link',
    type: 'text',
    readonly: true,
    value: options.link,
    'aria-describedby': options.describedBy,
  });
  const copy = copyButton(s, options.copyLabel, input, options.status, options.copyName);
  const field = h('div', { class: 'hl-field' }, h('label', { for: id }, options.label), input);
  return { field, input, copy };
}
