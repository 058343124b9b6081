/**
 * `<hushlink-request-form data-base-path data-strings [data-link-base] [data-admin-path]>`:
 * the creator's "Request a secret" form (DESIGN.md §10).
 *
 * The key pair is made here: the server receives only `requestProof` (with the label and
 * the lifetime). `sk` goes into IndexedDB under the request id and, once, into the private
 * read link `{origin}{adminPath}/requests/{id}#sk`; `pk` goes only into the customer's link
 * `{linkBase}/r/{id}#pk`. On success the element fires `hushlink:request-created`
 * (bubbling, `detail: { id, expiresAt }`, no key) so the requests list refreshes.
 */
import {
  buildRequestLink,
  buildRequestReadLink,
  createRequestKeys,
  encodeBase64url,
} from '@hushlink/core/crypto';
import type { RevealUiStrings } from '../strings';
import { callApi } from './call-api';
import { copyText } from './copy-text';
import { h, replaceChildren, uniqueId } from './dom';
import { readElementConfig } from './element-config';
import { qrCodeSvg } from './qr-code';
import { readAdminPath } from './read-admin-path';
import { saveRequestKey } from './request-key-store';

/** The lifetimes offered, as for secrets; 24 hours is selected. */
const TTL_CHOICES = [3600, 86_400, 259_200, 604_800, 1_209_600, 2_592_000] as const;
const DEFAULT_TTL = 86_400;

/** The `POST /api/requests` answer. */
interface RequestCreatedAnswer {
  id: string;
  path: string;
  expiresAt: string;
}

/** The "Request a secret" form as a custom element. */
export class HushlinkRequestFormElement extends HTMLElement {
  #strings!: RevealUiStrings;
  #basePath = '';
  #started = false;

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    const config = readElementConfig(this);
    this.#strings = config.strings;
    this.#basePath = config.basePath;
    this.#showForm();
  }

  #card(...children: (Node | false | null)[]): HTMLElement {
    const s = this.#strings;
    return h(
      'section',
      { class: 'hl-card', 'aria-label': s.requestHeading },
      h('h2', {}, s.requestHeading),
      ...children,
    );
  }

  #showForm(): void {
    const s = this.#strings;
    const ids = {
      label: uniqueId('request-label'),
      ttl: uniqueId('request-ttl'),
      error: uniqueId('error'),
    };
    const label = h('input', {
      id: ids.label,
      name: 'label',
      type: 'text',
      maxlength: 200,
      autocomplete: 'off',
    });
    const ttl = h(
      'select',
      { id: ids.ttl, name: 'ttl' },
      ...TTL_CHOICES.map((seconds) =>
        h('option', { value: seconds, selected: seconds === DEFAULT_TTL }, s[`ttl${seconds}`]),
      ),
    );
    const error = h('p', { id: ids.error, class: 'hl-error', role: 'alert' });
    const button = h('button', { type: 'submit', class: 'hl-primary' }, s.createRequestLink);
    const form = h(
      'form',
      { class: 'hl-form', novalidate: true },
      h('p', { class: 'hl-hint' }, s.requestFormIntro),
      h(
        'div',
        { class: 'hl-row' },
        h('div', { class: 'hl-field' }, h('label', { for: ids.ttl }, s.expiryLabel), ttl),
        h(
          'div',
          { class: 'hl-field' },
          h('label', { for: ids.label }, s.requestLabelInputLabel),
          label,
        ),
      ),
      button,
      error,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#create(label.value.trim(), Number(ttl.value), button, error);
    });
    replaceChildren(this, this.#card(form));
  }

  async #create(
    label: string,
    ttlSeconds: number,
    button: HTMLButtonElement,
    error: HTMLElement,
  ): Promise<void> {
    const s = this.#strings;
    button.disabled = true;
    button.textContent = s.creatingRequest;
    error.textContent = '';
    const keys = createRequestKeys();
    try {
      const result = await callApi<RequestCreatedAnswer>(this.#basePath, 'requests', {
        body: {
          requestProof: encodeBase64url(keys.requestProof),
          ttlSeconds,
          ...(label === '' ? {} : { label }),
        },
      });
      if (!result.ok) {
        error.textContent =
          result.code === 'unauthorized'
            ? s.signedOut
            : result.code === 'unavailable' || result.code === 'network'
              ? s.unavailable
              : s.failed;
        return;
      }
      const { id, expiresAt } = result.data;
      const stored = await saveRequestKey(id, keys.secretKey);
      const base = this.dataset.linkBase ?? `${location.origin}${this.#basePath}`;
      const requestLink = buildRequestLink(base, id, keys.publicKey);
      const readLink = buildRequestReadLink(
        `${location.origin}${readAdminPath(this)}`,
        id,
        keys.secretKey,
      );
      this.dispatchEvent(
        new CustomEvent('hushlink:request-created', {
          bubbles: true,
          composed: true,
          detail: { id, expiresAt },
        }),
      );
      this.#showLinks(requestLink, readLink, stored);
    } catch {
      error.textContent = s.failed;
    } finally {
      keys.secretKey.fill(0);
      keys.publicKey.fill(0);
      button.disabled = false;
      button.textContent = s.createRequestLink;
    }
  }

  /** A read-only link field with its copy button and status line. */
  #linkField(link: string, labelText: string, copyLabel: string, hint: string | null) {
    const s = this.#strings;
    const fieldId = uniqueId('link');
    const hintId = uniqueId('link-hint');
    const status = h('p', { class: 'hl-status', role: 'status' });
    const field = h('input', {
      id: fieldId,
      class: 'hl-link',
      type: 'text',
      readonly: true,
      value: link,
      'aria-describedby': hint === null ? null : hintId,
    });
    const copy = h('button', { type: 'button', class: 'hl-primary' }, copyLabel);
    copy.addEventListener('click', async () => {
      status.textContent = (await copyText(field.value, field)) ? s.copied : s.copyFailed;
    });
    const block = h(
      'div',
      { class: 'hl-field' },
      h('label', { for: fieldId }, labelText),
      field,
      hint !== null && h('p', { id: hintId, class: 'hl-hint hl-advice' }, hint),
      h('div', { class: 'hl-actions' }, copy),
      status,
    );
    return { block, field };
  }

  #showLinks(requestLink: string, readLink: string, stored: boolean): void {
    const s = this.#strings;
    const request = this.#linkField(requestLink, s.requestLinkLabel, s.copyLink, null);
    const read = this.#linkField(readLink, s.readLinkLabel, s.copyReadLink, s.readLinkHint);
    const again = h('button', { type: 'button', class: 'hl-secondary' }, s.createAnotherRequest);
    // Leaving this view drops the private link from the page: it is shown once.
    again.addEventListener('click', () => this.#showForm());
    replaceChildren(
      this,
      this.#card(
        h('p', { class: 'hl-status', role: 'status' }, s.requestLinkReady),
        request.block,
        h('figure', { class: 'hl-qr-figure' }, qrCodeSvg(requestLink, s.requestQrLabel)),
        read.block,
        !stored && h('p', { class: 'hl-warning', role: 'alert' }, s.keyNotStored),
        h('div', { class: 'hl-actions' }, again),
      ),
    );
    request.field.focus();
    request.field.select();
  }
}
