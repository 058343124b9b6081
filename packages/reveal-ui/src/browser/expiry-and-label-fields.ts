/**
 * The row of the creator's forms with the lifetime select and the optional label, the
 * same for a secret and for a request.
 */
import type { RevealUiStrings } from '../strings';
import { h, uniqueId } from './dom';

/** The lifetimes offered, shortest first (DESIGN.md §4 presets); 24 hours is selected. */
const TTL_CHOICES = [3600, 86_400, 259_200, 604_800, 1_209_600, 2_592_000] as const;
const DEFAULT_TTL = 86_400;

/** The row and its two controls. */
export interface ExpiryAndLabelFields {
  row: HTMLDivElement;
  ttl: HTMLSelectElement;
  label: HTMLInputElement;
}

/**
 * "Expires after" beside the label field (`labelText`); the fields' ids start with
 * `idPrefix` (`''` or `request-`), so two forms on one page stay apart.
 */
export function expiryAndLabelFields(
  s: RevealUiStrings,
  labelText: string,
  idPrefix: string,
): ExpiryAndLabelFields {
  const labelId = uniqueId(`${idPrefix}label`);
  const ttlId = uniqueId(`${idPrefix}ttl`);
  const label = h('input', {
    id: labelId,
    name: 'label',
    type: 'text',
    maxlength: 200,
    autocomplete: 'off',
  });
  const ttl = h(
    'select',
    { id: ttlId, name: 'ttl' },
    ...TTL_CHOICES.map((seconds) =>
      h('option', { value: seconds, selected: seconds === DEFAULT_TTL }, s[`ttl${seconds}`]),
    ),
  );
  const row = h(
    'div',
    { class: 'hl-row' },
    h('div', { class: 'hl-field' }, h('label', { for: ttlId }, s.expiryLabel), ttl),
    h('div', { class: 'hl-field' }, h('label', { for: labelId }, labelText), label),
  );
  return { row, ttl, label };
}
