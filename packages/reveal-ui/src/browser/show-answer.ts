/**
 * The revealed answer: a read-only text box with "Copy to clipboard", as on the reveal page.
 * Shared by the requests list and the private read page.
 */
import type { RevealUiStrings } from '../strings';
import { h } from './dom';
import { retryableFailureText } from './failure-text';
import type { AnswerOutcome } from './reveal-request-answer';
import { type SecretTextView, secretTextView } from './secret-text-view';

/** The elements showing `text`; focus and select the returned `field`. */
export function answerView(s: RevealUiStrings, text: string): SecretTextView {
  const view = secretTextView(s, text, s.answerLabel, 'answer');
  view.nodes.push(h('p', { class: 'hl-hint' }, s.lastView));
  return view;
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
      // A retry is a rate limit, an outage or a lost connection.
      return (outcome.failure && retryableFailureText(s, outcome.failure)) ?? s.unavailable;
    default:
      return s.failed;
  }
}
