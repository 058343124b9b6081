/**
 * The revealed answer: a read-only text box with "Copy to clipboard", as on the reveal page.
 * Shared by the requests list and the private read page.
 */
import { fill, type RevealUiStrings } from '../strings';
import { copyText } from './copy-text';
import { h, uniqueId } from './dom';
import type { AnswerOutcome } from './reveal-request-answer';

/** The elements showing `text`; focus and select the returned `field`. */
export function answerView(
  s: RevealUiStrings,
  text: string,
): { nodes: HTMLElement[]; field: HTMLTextAreaElement } {
  const fieldId = uniqueId('answer');
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
  const copy = h('button', { type: 'button', class: 'hl-primary' }, s.copyToClipboard);
  copy.addEventListener('click', async () => {
    status.textContent = (await copyText(field.value, field)) ? s.copied : s.copyFailed;
  });
  return {
    nodes: [
      h('div', { class: 'hl-field' }, h('label', { for: fieldId }, s.answerLabel), field),
      h('div', { class: 'hl-actions' }, copy),
      status,
      h('p', { class: 'hl-hint' }, s.lastView),
    ],
    field,
  };
}

/** The text for a failed reveal. */
export function answerFailureText(
  s: RevealUiStrings,
  outcome: Exclude<AnswerOutcome, { ok: true }>,
): string {
  switch (outcome.reason) {
    case 'no_key':
      return s.answerKeyMissing;
    case 'gone':
      return s.answerGone;
    case 'retry':
      return outcome.failure?.code === 'rate_limited'
        ? fill(s.rateLimited, { seconds: outcome.failure.retryAfterSeconds ?? 60 })
        : s.unavailable;
    default:
      return s.failed;
  }
}
