/** The copy buttons beside a revealed secret or a created link. */
import type { RevealUiStrings } from '../strings';
import { copyText } from './copy-text';
import { h } from './dom';

/**
 * A primary button labelled `label` that copies `field`'s value and reports in `status`.
 * @param accessibleName - an `aria-label` when the visible label is not enough (one of many).
 */
export function copyButton(
  s: RevealUiStrings,
  label: string,
  field: HTMLInputElement | HTMLTextAreaElement,
  status: HTMLElement,
  accessibleName?: string,
): HTMLButtonElement {
  const copy = h(
    'button',
    { type: 'button', class: 'hl-primary', 'aria-label': accessibleName ?? null },
    label,
  );
  copy.addEventListener('click', async () => {
    status.textContent = (await copyText(field.value, field)) ? s.copied : s.copyFailed;
  });
  return copy;
}
