/**
 * Whole-screen messages: they replace what a card or cell shows and take the focus, so a
 * screen reader reads them at once.
 */
import type { RevealUiStrings } from '../strings';
import type { ApiFailure } from './call-api';
import { h, replaceChildren } from './dom';
import { retryableFailureText } from './failure-text';

/** Replaces `body`'s content by `text` as an alert, focused. */
export function showMessage(body: Element, text: string): void {
  const message = h('p', { class: 'hl-message', role: 'alert', tabindex: '-1' }, text);
  replaceChildren(body, message);
  message.focus();
}

/** Replaces `body`'s content by `text` as an alert and `button` (a retry), which is focused. */
export function showMessageWithButton(body: Element, text: string, button: HTMLElement): void {
  replaceChildren(body, h('p', { class: 'hl-message', role: 'alert' }, text), button);
  button.focus();
}

/**
 * After a failed call that consumed nothing (rate limit, outage, lost connection): shows
 * its text with a focused "Try again" that calls `retry`.
 * @returns false, showing nothing, when the failure is not worth retrying.
 */
export function offerRetry(
  body: Element,
  s: RevealUiStrings,
  failure: ApiFailure,
  retry: () => void,
): boolean {
  const text = retryableFailureText(s, failure);
  if (text === null) return false;
  const button = h('button', { type: 'button', class: 'hl-primary', onclick: retry }, s.tryAgain);
  showMessageWithButton(body, text, button);
  return true;
}
