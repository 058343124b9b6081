/**
 * `<hushlink-reveal data-id data-base-path data-strings>`: the recipient's page (DESIGN.md §8).
 *
 * 1. At once, before any request: the key is taken from the fragment, which is removed
 *    from the address bar and the session history.
 * 2. `meta` (consumes nothing; records `opened`) tells whether a passphrase is needed and
 *    whether the viewer created the secret. A 404 shows the "no longer available" text.
 * 3. Only a click on "Click to reveal" calls `reveal`, which consumes a view: link-preview
 *    bots fetch the page but do not click.
 * 4. The proofs and the decryption happen here, from one scrypt run (`prepareOpen`); only
 *    `keyProof` and `passphraseProof` leave the browser, never the key or the passphrase.
 */
import {
  decodeBase64url,
  deriveKeyProof,
  type EnvelopeHeader,
  encodeBase64url,
  type PreparedOpen,
  prepareOpen,
} from '@hushlink/core/crypto';
import { fill, type RevealUiStrings } from '../strings';
import { type ApiFailure, callApi } from './call-api';
import { h, replaceChildren, uniqueId } from './dom';
import { linkPageFailureText, retryableFailureText } from './failure-text';
import { secretTextView } from './secret-text-view';
import { isMarkedInSession, markInSession } from './session-marker';
import { offerRetry, showMessage } from './show-message';
import { startLinkPage } from './start-link-page';

/** The `meta` answer of DESIGN.md §7. */
interface MetaAnswer {
  passphrase: boolean;
  kdf: { salt: string; logN: number; r: number; p: number } | null;
  attemptsLeft: number | null;
  expiresAt: string;
  createdByYou: boolean;
}

/** The `reveal` answer of DESIGN.md §7. */
interface RevealAnswer {
  envelope: string;
  remainingViews: number | null;
}

/** A sessionStorage marker (no secret material, just the id) so a reload after the last view says "gone". */
const GONE_MARKER = 'hushlink:gone:';

/**
 * The header `prepareOpen` needs, built from `meta` before the envelope is fetched; the
 * opener refuses an envelope whose header differs from it.
 */
function headerFromMeta(meta: MetaAnswer): EnvelopeHeader {
  return {
    version: 1,
    passphrase: meta.passphrase,
    kdf: meta.kdf === null ? null : { logN: meta.kdf.logN, r: meta.kdf.r, p: meta.kdf.p },
    salt: meta.kdf === null ? new Uint8Array(16) : decodeBase64url(meta.kdf.salt, 16),
    nonce: new Uint8Array(24),
  };
}

/** The recipient's reveal page as a custom element. */
export class HushlinkRevealElement extends HTMLElement {
  #strings!: RevealUiStrings;
  #basePath = '';
  #id = '';
  #key: Uint8Array | null = null;
  #meta: MetaAnswer | null = null;
  /**
   * The proofs and opener of the last click, kept while a rate limit or an outage leaves the
   * form up, so that "Click to reveal" again with the same passphrase does not rerun scrypt.
   */
  #prepared: { passphrase: string | null; opener: PreparedOpen } | null = null;
  #body!: HTMLDivElement;

  connectedCallback(): void {
    // First thing, before any request: the key leaves the address bar and history.
    const page = startLinkPage(this, 'hushlink-title', 'pageTitle');
    if (page === null) return;
    ({ strings: this.#strings, basePath: this.#basePath, id: this.#id, body: this.#body } = page);
    if (!page.idIsValid) {
      this.#showMessage(this.#strings.gone);
    } else if (!page.fragment.ok) {
      // No key: a reload after we removed it, or a link cut short in transit.
      this.#showMessage(this.#wasGone() ? this.#strings.gone : this.#strings.incompleteLink);
    } else {
      this.#key = page.fragment.key;
      void this.#loadMeta();
    }
  }

  async #loadMeta(): Promise<void> {
    const key = this.#key as Uint8Array;
    const result = await callApi<MetaAnswer>(this.#basePath, `secrets/${this.#id}/meta`, {
      body: { keyProof: encodeBase64url(deriveKeyProof(key)) },
    });
    if (!result.ok) {
      // Nothing was consumed: keep the key and offer to ask again when worth it.
      const retry = (): void => void this.#loadMeta();
      if (!offerRetry(this.#body, this.#strings, result, retry)) this.#showFailure(result);
      return;
    }
    this.#meta = result.data;
    this.#showReady();
  }

  #showReady(): void {
    const s = this.#strings;
    const meta = this.#meta as MetaAnswer;
    const passphraseId = uniqueId('passphrase');
    const hintId = uniqueId('passphrase-hint');
    const errorId = uniqueId('error');
    const passphrase = meta.passphrase
      ? h('input', {
          id: passphraseId,
          name: 'passphrase',
          type: 'password',
          autocomplete: 'off',
          spellcheck: 'false',
          required: true,
          'aria-describedby': `${hintId} ${errorId}`,
        })
      : null;
    const error = h('p', { id: errorId, class: 'hl-error', role: 'alert' });
    const button = h('button', { type: 'submit', class: 'hl-primary hl-big' }, s.clickToReveal);
    const form = h(
      'form',
      { class: 'hl-form', novalidate: true },
      passphrase &&
        h(
          'div',
          { class: 'hl-field' },
          h('label', { for: passphraseId }, s.passphraseLabel),
          passphrase,
          h('p', { id: hintId, class: 'hl-hint' }, s.passphraseHint),
        ),
      button,
      error,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#reveal(passphrase, button, error);
    });
    replaceChildren(
      this.#body,
      meta.createdByYou && h('p', { class: 'hl-warning', role: 'note' }, s.createdByYou),
      h('p', { class: 'hl-intro' }, s.revealIntro),
      form,
    );
  }

  async #reveal(
    input: HTMLInputElement | null,
    button: HTMLButtonElement,
    error: HTMLElement,
  ): Promise<void> {
    const s = this.#strings;
    const key = this.#key;
    const meta = this.#meta;
    if (key === null || meta === null) return;
    const passphrase = input === null ? null : input.value;
    if (input !== null && passphrase === '') {
      input.setAttribute('aria-invalid', 'true');
      error.textContent = s.passphraseRequired;
      input.focus();
      return;
    }
    button.disabled = true;
    error.textContent = '';
    button.textContent = s.revealing;
    try {
      const prepared = await this.#prepare(key, passphrase, meta);
      const result = await callApi<RevealAnswer>(this.#basePath, `secrets/${this.#id}/reveal`, {
        body: {
          keyProof: encodeBase64url(prepared.keyProof),
          ...(prepared.passphraseProof === null
            ? {}
            : { passphraseProof: encodeBase64url(prepared.passphraseProof) }),
        },
      });
      if (!result.ok && result.code === 'wrong_passphrase' && input !== null) {
        this.#disposePrepared();
        const left = result.attemptsLeft ?? 0;
        if (left <= 0) {
          this.#markGone();
          return this.#showMessage(`${s.wrongPassphraseBurned} ${s.gone}`);
        }
        error.textContent = fill(left === 1 ? s.wrongPassphraseOne : s.wrongPassphraseOther, {
          count: left,
        });
        input.setAttribute('aria-invalid', 'true');
        input.select();
        input.focus();
        return;
      }
      if (!result.ok) {
        const transient = retryableFailureText(s, result);
        // A rate limit or an outage consumed nothing: keep the form (and the key) to retry.
        if (transient !== null) {
          error.textContent = transient;
          return;
        }
        return this.#showFailure(result);
      }
      const envelope = decodeBase64url(result.data.envelope);
      // The opener is single use: it wipes its material whether or not this succeeds.
      this.#prepared = null;
      const text = await prepared.open(envelope);
      if (result.data.remainingViews === 0) this.#markGone();
      this.#showSecret(text, result.data.remainingViews);
    } catch {
      this.#showMessage(s.decryptFailed);
    } finally {
      button.disabled = false;
      button.textContent = s.clickToReveal;
    }
  }

  /** One scrypt run per passphrase: the proofs for `reveal`, and the opener for its envelope. */
  async #prepare(
    key: Uint8Array,
    passphrase: string | null,
    meta: MetaAnswer,
  ): Promise<PreparedOpen> {
    if (this.#prepared !== null && this.#prepared.passphrase === passphrase) {
      return this.#prepared.opener;
    }
    this.#disposePrepared();
    const opener = await prepareOpen(key, passphrase, headerFromMeta(meta));
    this.#prepared = { passphrase, opener };
    return opener;
  }

  #disposePrepared(): void {
    this.#prepared?.opener.dispose();
    this.#prepared = null;
  }

  #showSecret(text: string, remainingViews: number | null): void {
    const s = this.#strings;
    this.#forgetKey();
    const view = secretTextView(s, text, s.secretLabel, 'secret');
    const views =
      remainingViews === null || remainingViews === 0
        ? remainingViews === 0
          ? s.lastView
          : null
        : fill(remainingViews === 1 ? s.remainingViewsOne : s.remainingViewsOther, {
            count: remainingViews,
          });
    replaceChildren(
      this.#body,
      ...view.nodes,
      h('p', { class: 'hl-done' }, s.youCanClose),
      views && h('p', { class: 'hl-hint' }, views),
    );
    view.field.focus();
    view.field.select();
  }

  #showFailure(failure: ApiFailure): void {
    if (failure.code === 'not_available') this.#markGone();
    this.#showMessage(linkPageFailureText(this.#strings, failure));
  }

  #showMessage(text: string): void {
    this.#forgetKey();
    showMessage(this.#body, text);
  }

  #forgetKey(): void {
    this.#disposePrepared();
    this.#key?.fill(0);
    this.#key = null;
  }

  #markGone(): void {
    markInSession(GONE_MARKER + this.#id);
  }

  #wasGone(): boolean {
    return isMarkedInSession(GONE_MARKER + this.#id);
  }
}
