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
import { announceCreated } from './announce-created';
import { callApi } from './call-api';
import { configureOnce } from './configure-once';
import { append, h, replaceChildren, uniqueId } from './dom';
import { expiryAndLabelFields } from './expiry-and-label-fields';
import { formFailureText } from './failure-text';
import { type LinkField, linkField } from './link-field';
import { qrCodeSvg } from './qr-code';
import { readAdminPath } from './read-admin-path';
import { readLinkBase } from './read-link-base';
import { saveRequestKey } from './request-key-store';

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

  connectedCallback(): void {
    const config = configureOnce(this);
    if (config === null) return;
    ({ strings: this.#strings, basePath: this.#basePath } = config);
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
    const fields = expiryAndLabelFields(s, s.requestLabelInputLabel, 'request-');
    const error = h('p', { id: uniqueId('error'), class: 'hl-error', role: 'alert' });
    const button = h('button', { type: 'submit', class: 'hl-primary' }, s.createRequestLink);
    const form = h(
      'form',
      { class: 'hl-form', novalidate: true },
      h('p', { class: 'hl-hint' }, s.requestFormIntro),
      fields.row,
      button,
      error,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#create(fields.label.value.trim(), Number(fields.ttl.value), button, error);
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
        error.textContent = formFailureText(s, result);
        return;
      }
      const { id, expiresAt } = result.data;
      const stored = await saveRequestKey(id, keys.secretKey);
      const requestLink = buildRequestLink(readLinkBase(this, this.#basePath), id, keys.publicKey);
      const readLink = buildRequestReadLink(
        `${location.origin}${readAdminPath(this)}`,
        id,
        keys.secretKey,
      );
      announceCreated(this, 'hushlink:request-created', { id, expiresAt });
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

  /** A link field with its hint, copy button and status line, as one block. */
  #linkBlock(link: string, label: string, copyLabel: string, hint: string | null): LinkField {
    const hintId = uniqueId('link-hint');
    const status = h('p', { class: 'hl-status', role: 'status' });
    const shown = linkField(this.#strings, {
      link,
      label,
      copyLabel,
      status,
      ...(hint === null ? {} : { describedBy: hintId }),
    });
    append(shown.field, [
      hint !== null && h('p', { id: hintId, class: 'hl-hint hl-advice' }, hint),
      h('div', { class: 'hl-actions' }, shown.copy),
      status,
    ]);
    return shown;
  }

  #showLinks(requestLink: string, readLink: string, stored: boolean): void {
    const s = this.#strings;
    const request = this.#linkBlock(requestLink, s.requestLinkLabel, s.copyLink, null);
    const read = this.#linkBlock(readLink, s.readLinkLabel, s.copyReadLink, s.readLinkHint);
    const again = h('button', { type: 'button', class: 'hl-secondary' }, s.createAnotherRequest);
    // Leaving this view drops the private link from the page: it is shown once.
    again.addEventListener('click', () => this.#showForm());
    replaceChildren(
      this,
      this.#card(
        h('p', { class: 'hl-status', role: 'status' }, s.requestLinkReady),
        request.field,
        h('figure', { class: 'hl-qr-figure' }, qrCodeSvg(requestLink, s.requestQrLabel)),
        read.field,
        !stored && h('p', { class: 'hl-warning', role: 'alert' }, s.keyNotStored),
        h('div', { class: 'hl-actions' }, again),
      ),
    );
    request.input.focus();
    request.input.select();
  }
}
