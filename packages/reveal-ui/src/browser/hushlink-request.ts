/**
 * `<hushlink-request data-id data-base-path data-strings>`: the customer's page of a request
 * link, `/r/{id}#pk` (DESIGN.md §10, with the guarantees of §8).
 *
 * 1. At once, before any request: `pk` is taken from the fragment, which is removed from the
 *    address bar and the session history.
 * 2. `meta` with `requestProof` (consumes nothing) says whether the request is still open and
 *    gives its label; a 404 shows the "no longer available" text.
 * 3. "Click to start" opens the text area; "Send securely" seals the text for `pk` with a
 *    fresh ephemeral key and sends only `requestProof`, `envelope`, `keyProof` and
 *    `ephemeralKey`: never `pk` and never the text.
 * 4. "Sent — you can close this window".
 */
import {
  deriveRequestProof,
  encodeBase64url,
  isUsableRequestPublicKey,
  sealForRequest,
} from '@hushlink/core/crypto';
import { fill, type RevealUiStrings } from '../strings';
import { type ApiFailure, callApi } from './call-api';
import { h, replaceChildren, uniqueId } from './dom';
import { linkPageFailureText, retryableFailureText } from './failure-text';
import { requiredTextArea, submitWhenFilled } from './required-text-area';
import { isMarkedInSession, markInSession } from './session-marker';
import { offerRetry, showMessage } from './show-message';
import { startLinkPage } from './start-link-page';

/** The request `meta` answer of DESIGN.md §10. */
interface RequestMetaAnswer {
  label: string | null;
  expiresAt: string;
}

/** sessionStorage markers (the id only, no key): a reload then says "sent" or "gone". */
const SENT_MARKER = 'hushlink:request-sent:';
const GONE_MARKER = 'hushlink:request-gone:';

/** The customer's page of a request link as a custom element. */
export class HushlinkRequestElement extends HTMLElement {
  #strings!: RevealUiStrings;
  #basePath = '';
  #id = '';
  #publicKey: Uint8Array | null = null;
  #requestProof = '';
  #meta: RequestMetaAnswer | null = null;
  #body!: HTMLDivElement;

  connectedCallback(): void {
    // First thing, before any request: pk leaves the address bar and history.
    const page = startLinkPage(this, 'hushlink-title', 'requestPageTitle');
    if (page === null) return;
    ({ strings: this.#strings, basePath: this.#basePath, id: this.#id, body: this.#body } = page);
    const s = this.#strings;
    if (!page.idIsValid) {
      this.#showMessage(s.gone);
    } else if (!page.fragment.ok || !isUsableRequestPublicKey(page.fragment.key)) {
      // No pk: a reload after we removed it (or after sending), or a link cut short.
      this.#showMessage(
        this.#marked(SENT_MARKER) ? s.sent : this.#marked(GONE_MARKER) ? s.gone : s.incompleteLink,
      );
    } else {
      this.#publicKey = page.fragment.key;
      this.#requestProof = encodeBase64url(deriveRequestProof(page.fragment.key));
      void this.#loadMeta();
    }
  }

  async #loadMeta(): Promise<void> {
    const result = await callApi<RequestMetaAnswer>(this.#basePath, `requests/${this.#id}/meta`, {
      body: { requestProof: this.#requestProof },
    });
    if (!result.ok) {
      // Nothing was consumed: keep pk and offer to ask again when worth it.
      const retry = (): void => void this.#loadMeta();
      if (!offerRetry(this.#body, this.#strings, result, retry)) this.#showFailure(result);
      return;
    }
    this.#meta = result.data;
    this.#showStart();
  }

  /** The request's label and expiry, and "Click to start". */
  #showStart(): void {
    const s = this.#strings;
    const start = h('button', { type: 'button', class: 'hl-primary hl-big' }, s.clickToStart);
    start.addEventListener('click', () => this.#showForm());
    replaceChildren(this.#body, ...this.#about(), start);
  }

  #about(): HTMLElement[] {
    const s = this.#strings;
    const meta = this.#meta as RequestMetaAnswer;
    const date = new Date(meta.expiresAt).toLocaleString(undefined, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    return [
      h('p', { class: 'hl-intro' }, s.requestIntro),
      ...(meta.label === null || meta.label === ''
        ? []
        : [h('p', { class: 'hl-request-label' }, fill(s.requestFor, { label: meta.label }))]),
      h('p', { class: 'hl-hint' }, fill(s.requestOpenUntil, { date })),
    ];
  }

  #showForm(): void {
    const s = this.#strings;
    const errorId = uniqueId('error');
    const answer = requiredTextArea('answer', s.answerInputLabel, s.answerInputHint, errorId);
    const error = h('p', { id: errorId, class: 'hl-error', role: 'alert' });
    const button = h('button', { type: 'submit', class: 'hl-primary hl-big' }, s.sendSecurely);
    const form = h('form', { class: 'hl-form', novalidate: true }, answer.field, button, error);
    submitWhenFilled(form, answer.input, error, s.answerRequired, () => {
      void this.#send(answer.input, button, error);
    });
    replaceChildren(this.#body, ...this.#about(), form);
    answer.input.focus();
  }

  async #send(
    answer: HTMLTextAreaElement,
    button: HTMLButtonElement,
    error: HTMLElement,
  ): Promise<void> {
    const s = this.#strings;
    const publicKey = this.#publicKey;
    if (publicKey === null) return;
    button.disabled = true;
    button.textContent = s.sending;
    error.textContent = '';
    try {
      const sealed = await sealForRequest(answer.value, publicKey);
      const result = await callApi<Record<string, never>>(
        this.#basePath,
        `requests/${this.#id}/answer`,
        {
          body: {
            requestProof: this.#requestProof,
            envelope: encodeBase64url(sealed.envelope),
            keyProof: encodeBase64url(sealed.keyProof),
            ephemeralKey: encodeBase64url(sealed.ephemeralKey),
          },
        },
      );
      if (result.ok) {
        answer.value = '';
        this.#mark(SENT_MARKER);
        return this.#showMessage(s.sent);
      }
      const transient = retryableFailureText(s, result);
      // A rate limit, an outage or a lost connection stored nothing: keep the text to retry.
      if (transient !== null) {
        error.textContent = transient;
        return;
      }
      if (result.code === 'payload_too_large') {
        error.textContent = s.tooLarge;
        return;
      }
      this.#showFailure(result);
    } catch (cause) {
      const code = (cause as { code?: unknown }).code;
      error.textContent = code === 'plaintext_too_large' ? s.tooLarge : s.failed;
    } finally {
      button.disabled = false;
      button.textContent = s.sendSecurely;
    }
  }

  #showFailure(failure: ApiFailure): void {
    if (failure.code === 'not_available') this.#mark(GONE_MARKER);
    this.#showMessage(linkPageFailureText(this.#strings, failure));
  }

  #showMessage(text: string): void {
    this.#publicKey?.fill(0);
    this.#publicKey = null;
    showMessage(this.#body, text);
  }

  #mark(prefix: string): void {
    markInSession(prefix + this.#id);
  }

  #marked(prefix: string): boolean {
    return isMarkedInSession(prefix + this.#id);
  }
}
