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
import { readElementConfig } from './element-config';
import { takeFragmentKey } from './take-fragment-key';

/** The request `meta` answer of DESIGN.md §10. */
interface RequestMetaAnswer {
  label: string | null;
  expiresAt: string;
}

const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;
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
  #started = false;
  #body!: HTMLDivElement;

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    const config = readElementConfig(this);
    this.#strings = config.strings;
    this.#basePath = config.basePath;
    this.#id = this.dataset.id ?? '';
    // First thing, before any request: take pk out of the address bar and history.
    const fragment = takeFragmentKey();
    const s = this.#strings;
    this.#body = h('div', { class: 'hl-body' });
    replaceChildren(
      this,
      h(
        'section',
        { class: 'hl-card', 'aria-labelledby': 'hushlink-title' },
        h('h1', { id: 'hushlink-title' }, s.requestPageTitle),
        this.#body,
      ),
    );
    if (!REQUEST_ID.test(this.#id)) {
      this.#showMessage(s.gone);
    } else if (!fragment.ok || !isUsableRequestPublicKey(fragment.key)) {
      // No pk: a reload after we removed it (or after sending), or a link cut short.
      this.#showMessage(
        this.#marked(SENT_MARKER) ? s.sent : this.#marked(GONE_MARKER) ? s.gone : s.incompleteLink,
      );
    } else {
      this.#publicKey = fragment.key;
      this.#requestProof = encodeBase64url(deriveRequestProof(fragment.key));
      void this.#loadMeta();
    }
  }

  async #loadMeta(): Promise<void> {
    const result = await callApi<RequestMetaAnswer>(this.#basePath, `requests/${this.#id}/meta`, {
      body: { requestProof: this.#requestProof },
    });
    if (!result.ok) {
      const transient = this.#transientText(result);
      if (transient === null) return this.#showFailure(result);
      // Nothing was consumed: keep pk and offer to ask again.
      const retry = h('button', { type: 'button', class: 'hl-primary' }, this.#strings.tryAgain);
      retry.addEventListener('click', () => void this.#loadMeta());
      replaceChildren(this.#body, h('p', { class: 'hl-message', role: 'alert' }, transient), retry);
      retry.focus();
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
    const ids = {
      answer: uniqueId('answer'),
      hint: uniqueId('answer-hint'),
      error: uniqueId('error'),
    };
    const answer = h('textarea', {
      id: ids.answer,
      name: 'answer',
      rows: 5,
      required: true,
      spellcheck: 'false',
      autocomplete: 'off',
      'aria-describedby': `${ids.hint} ${ids.error}`,
    });
    const error = h('p', { id: ids.error, class: 'hl-error', role: 'alert' });
    const button = h('button', { type: 'submit', class: 'hl-primary hl-big' }, s.sendSecurely);
    const form = h(
      'form',
      { class: 'hl-form', novalidate: true },
      h(
        'div',
        { class: 'hl-field' },
        h('label', { for: ids.answer }, s.answerInputLabel),
        answer,
        h('p', { id: ids.hint, class: 'hl-hint' }, s.answerInputHint),
      ),
      button,
      error,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (answer.value === '') {
        error.textContent = s.answerRequired;
        answer.setAttribute('aria-invalid', 'true');
        answer.focus();
        return;
      }
      answer.removeAttribute('aria-invalid');
      void this.#send(answer, button, error);
    });
    replaceChildren(this.#body, ...this.#about(), form);
    answer.focus();
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
      const transient = this.#transientText(result);
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

  /** The text for a failure worth retrying (rate limit, outage, network), else null. */
  #transientText(failure: ApiFailure): string | null {
    const s = this.#strings;
    if (failure.code === 'rate_limited') {
      return fill(s.rateLimited, { seconds: failure.retryAfterSeconds ?? 60 });
    }
    if (failure.code === 'unavailable' || failure.code === 'network') return s.unavailable;
    return null;
  }

  #showFailure(failure: ApiFailure): void {
    if (failure.code === 'not_available') {
      this.#mark(GONE_MARKER);
      this.#showMessage(this.#strings.gone);
    } else {
      this.#showMessage(this.#transientText(failure) ?? this.#strings.failed);
    }
  }

  #showMessage(text: string): void {
    this.#publicKey?.fill(0);
    this.#publicKey = null;
    const message = h('p', { class: 'hl-message', role: 'alert', tabindex: '-1' }, text);
    replaceChildren(this.#body, message);
    message.focus();
  }

  #mark(prefix: string): void {
    try {
      sessionStorage.setItem(prefix + this.#id, '1');
    } catch {
      // Storage may be disabled; a reload then shows the "incomplete link" text instead.
    }
  }

  #marked(prefix: string): boolean {
    try {
      return sessionStorage.getItem(prefix + this.#id) === '1';
    } catch {
      return false;
    }
  }
}
