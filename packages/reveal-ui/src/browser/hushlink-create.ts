/**
 * `<hushlink-create data-base-path data-strings [data-link-base]>`: the creator's form.
 *
 * The secret is sealed here, in the browser: the server receives the envelope and the
 * proofs, never the text, the passphrase or the key. The key goes only into the link's
 * fragment, shown once with a copy button and a QR code. On success the element fires
 * `hushlink:created` (bubbling, `detail: { id, expiresAt }`, no key) so a history refreshes.
 */
import { buildLink, encodeBase64url, seal } from '@hushlink/core/crypto';
import type { RevealUiStrings } from '../strings';
import { callApi } from './call-api';
import { copyText } from './copy-text';
import { h, replaceChildren, uniqueId } from './dom';
import { readElementConfig } from './element-config';
import { qrCodeSvg } from './qr-code';

/** The lifetimes offered, shortest first (DESIGN.md §4 presets); 24 hours is selected. */
const TTL_CHOICES = [3600, 86_400, 259_200, 604_800, 1_209_600, 2_592_000] as const;
const DEFAULT_TTL = 86_400;

/** The `POST /api/secrets` answer. */
interface CreatedAnswer {
  id: string;
  path: string;
  expiresAt: string;
}

/** The create form as a custom element. */
export class HushlinkCreateElement extends HTMLElement {
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

  #showForm(): void {
    const s = this.#strings;
    const ids = {
      secret: uniqueId('secret'),
      secretHint: uniqueId('secret-hint'),
      label: uniqueId('label'),
      ttl: uniqueId('ttl'),
      passphrase: uniqueId('passphrase'),
      advice: uniqueId('advice'),
      error: uniqueId('error'),
    };
    const secret = h('textarea', {
      id: ids.secret,
      name: 'secret',
      rows: 5,
      required: true,
      spellcheck: 'false',
      autocomplete: 'off',
      'aria-describedby': `${ids.secretHint} ${ids.error}`,
    });
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
    const single = h('input', { type: 'radio', name: 'views', value: 'single', checked: true });
    const reusable = h('input', { type: 'radio', name: 'views', value: 'reusable' });
    const passphrase = h('input', {
      id: ids.passphrase,
      name: 'passphrase',
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': ids.advice,
    });
    const error = h('p', { id: ids.error, class: 'hl-error', role: 'alert' });
    const button = h('button', { type: 'submit', class: 'hl-primary' }, s.createSecretLink);
    const form = h(
      'form',
      { class: 'hl-form', novalidate: true },
      h(
        'div',
        { class: 'hl-field' },
        h('label', { for: ids.secret }, s.secretInputLabel),
        secret,
        h('p', { id: ids.secretHint, class: 'hl-hint' }, s.secretInputHint),
      ),
      h(
        'div',
        { class: 'hl-row' },
        h('div', { class: 'hl-field' }, h('label', { for: ids.ttl }, s.expiryLabel), ttl),
        h('div', { class: 'hl-field' }, h('label', { for: ids.label }, s.labelInputLabel), label),
      ),
      h(
        'fieldset',
        { class: 'hl-field hl-choices' },
        h('legend', {}, s.viewsLegend),
        h('label', { class: 'hl-choice' }, single, ` ${s.singleUse}`),
        h('label', { class: 'hl-choice' }, reusable, ` ${s.reusable}`),
      ),
      h(
        'div',
        { class: 'hl-field' },
        h('label', { for: ids.passphrase }, s.passphraseInputLabel),
        passphrase,
        h('p', { id: ids.advice, class: 'hl-hint hl-advice' }, s.passphraseAdvice),
      ),
      button,
      error,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (secret.value === '') {
        error.textContent = s.secretRequired;
        secret.setAttribute('aria-invalid', 'true');
        secret.focus();
        return;
      }
      secret.removeAttribute('aria-invalid');
      void this.#create(
        {
          text: secret.value,
          label: label.value.trim(),
          ttlSeconds: Number(ttl.value),
          reusable: reusable.checked,
          passphrase: passphrase.value === '' ? null : passphrase.value,
        },
        button,
        error,
      );
    });
    replaceChildren(
      this,
      h(
        'section',
        { class: 'hl-card', 'aria-label': s.createHeading },
        h('h2', {}, s.createHeading),
        form,
      ),
    );
  }

  async #create(
    input: {
      text: string;
      label: string;
      ttlSeconds: number;
      reusable: boolean;
      passphrase: string | null;
    },
    button: HTMLButtonElement,
    error: HTMLElement,
  ): Promise<void> {
    const s = this.#strings;
    button.disabled = true;
    button.textContent = s.creating;
    error.textContent = '';
    try {
      const sealed = await seal(
        input.text,
        input.passphrase === null ? {} : { passphrase: input.passphrase },
      );
      const result = await callApi<CreatedAnswer>(this.#basePath, 'secrets', {
        body: {
          envelope: encodeBase64url(sealed.envelope),
          keyProof: encodeBase64url(sealed.keyProof),
          ...(sealed.passphraseProof
            ? { passphraseProof: encodeBase64url(sealed.passphraseProof) }
            : {}),
          ttlSeconds: input.ttlSeconds,
          maxViews: input.reusable ? null : 1,
          ...(input.label === '' ? {} : { label: input.label }),
        },
      });
      if (!result.ok) {
        sealed.key.fill(0);
        error.textContent =
          result.code === 'unauthorized'
            ? s.signedOut
            : result.code === 'payload_too_large'
              ? s.tooLarge
              : result.code === 'unavailable' || result.code === 'network'
                ? s.unavailable
                : s.failed;
        return;
      }
      const base = this.dataset.linkBase ?? `${location.origin}${this.#basePath}`;
      const link = buildLink(base, result.data.id, sealed.key);
      sealed.key.fill(0);
      this.dispatchEvent(
        new CustomEvent('hushlink:created', {
          bubbles: true,
          composed: true,
          detail: { id: result.data.id, expiresAt: result.data.expiresAt },
        }),
      );
      this.#showLink(link, input.passphrase !== null);
    } catch (cause) {
      const code = (cause as { code?: unknown }).code;
      error.textContent = code === 'plaintext_too_large' ? s.tooLarge : s.failed;
    } finally {
      button.disabled = false;
      button.textContent = s.createSecretLink;
    }
  }

  #showLink(link: string, withPassphrase: boolean): void {
    const s = this.#strings;
    const linkId = uniqueId('link');
    const status = h('p', { class: 'hl-status', role: 'status' }, s.linkReady);
    const field = h('input', {
      id: linkId,
      class: 'hl-link',
      type: 'text',
      readonly: true,
      value: link,
    });
    const copy = h('button', { type: 'button', class: 'hl-primary' }, s.copyLink);
    copy.addEventListener('click', async () => {
      status.textContent = (await copyText(field.value, field)) ? s.copied : s.copyFailed;
    });
    const again = h('button', { type: 'button', class: 'hl-secondary' }, s.createAnother);
    again.addEventListener('click', () => this.#showForm());
    replaceChildren(
      this,
      h(
        'section',
        { class: 'hl-card', 'aria-label': s.createHeading },
        h('h2', {}, s.createHeading),
        h('div', { class: 'hl-field' }, h('label', { for: linkId }, s.linkLabel), field),
        h('div', { class: 'hl-actions' }, copy, again),
        status,
        withPassphrase && h('p', { class: 'hl-hint hl-advice' }, s.passphraseAdvice),
        h('figure', { class: 'hl-qr-figure' }, qrCodeSvg(link, s.qrLabel)),
      ),
    );
    field.focus();
    field.select();
  }
}
