/**
 * `<hushlink-create data-base-path data-strings [data-link-base] [data-notify-default]>`:
 * the creator's form.
 *
 * The secret is sealed here, in the browser: the server receives the envelope and the
 * proofs, never the text, the passphrase or the key. The key goes only into the link's
 * fragment, shown once with a copy button and a QR code. On success the element fires
 * `hushlink:created` (bubbling, `detail: { id, expiresAt, groupId, ids }`, no key) so a
 * history refreshes.
 *
 * "Notify me when opened" sends `notify` (ticked by default when `data-notify-default` is
 * present and not `false`/`0`). "Several recipients" (DESIGN.md §11) seals the text once per
 * recipient, each with its own key, posts `/api/groups`, and lists one link per recipient.
 */
import { buildLink, encodeBase64url, type SealResult, seal } from '@hushlink/core/crypto';
import { fill, type RevealUiStrings } from '../strings';
import { announceCreated } from './announce-created';
import { callApi } from './call-api';
import { configureOnce } from './configure-once';
import { h, replaceChildren, uniqueId } from './dom';
import { expiryAndLabelFields } from './expiry-and-label-fields';
import { formFailureText } from './failure-text';
import { linkField } from './link-field';
import { qrCodeSvg } from './qr-code';
import { readLinkBase } from './read-link-base';
import { recipientRows } from './recipient-rows';
import { requiredTextArea, submitWhenFilled } from './required-text-area';

/** The `POST /api/secrets` answer. */
interface CreatedAnswer {
  id: string;
  path: string;
  expiresAt: string;
}

/** The `POST /api/groups` answer. */
interface CreatedGroupAnswer {
  groupId: string;
  items: (CreatedAnswer & { label: string | null })[];
}

/** What the form asks the element to create. */
interface CreateInput {
  text: string;
  label: string;
  ttlSeconds: number;
  reusable: boolean;
  passphrase: string | null;
  notify: boolean;
  /** One label per recipient ('' for none), or null for a single link. */
  recipients: string[] | null;
}

/** A link to show: who it is for (null for a single link) and the link itself. */
interface ShownLink {
  name: string | null;
  link: string;
}

/** Whether `data-notify-default` ticks "Notify me when opened". */
export function notifyDefaultOf(value: string | undefined): boolean {
  if (value === undefined) return false;
  return !['false', '0', 'off', 'no'].includes(value.trim().toLowerCase());
}

/** The envelope and proofs of a sealed text, as the API takes them (base64url). */
function sealedFields(sealed: SealResult): {
  envelope: string;
  keyProof: string;
  passphraseProof?: string;
} {
  return {
    envelope: encodeBase64url(sealed.envelope),
    keyProof: encodeBase64url(sealed.keyProof),
    ...(sealed.passphraseProof ? { passphraseProof: encodeBase64url(sealed.passphraseProof) } : {}),
  };
}

/** The create form as a custom element. */
export class HushlinkCreateElement extends HTMLElement {
  #strings!: RevealUiStrings;
  #basePath = '';

  connectedCallback(): void {
    const config = configureOnce(this);
    if (config === null) return;
    ({ strings: this.#strings, basePath: this.#basePath } = config);
    this.#showForm();
  }

  #showForm(): void {
    const s = this.#strings;
    const ids = {
      passphrase: uniqueId('passphrase'),
      advice: uniqueId('advice'),
      notifyHint: uniqueId('notify-hint'),
      recipientsHint: uniqueId('recipients-hint'),
      error: uniqueId('error'),
    };
    const secret = requiredTextArea('secret', s.secretInputLabel, s.secretInputHint, ids.error);
    const fields = expiryAndLabelFields(s, s.labelInputLabel, '');
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
    const notify = h('input', {
      type: 'checkbox',
      name: 'notify',
      checked: notifyDefaultOf(this.dataset.notifyDefault),
      'aria-describedby': ids.notifyHint,
    });
    const several = h('input', {
      type: 'checkbox',
      name: 'several',
      'aria-describedby': ids.recipientsHint,
    });
    const recipients = recipientRows(s, 2);
    const recipientList = h('div', { hidden: true }, recipients.element);
    const error = h('p', { id: ids.error, class: 'hl-error', role: 'alert' });
    const button = h('button', { type: 'submit', class: 'hl-primary' }, s.createSecretLink);
    const buttonText = (): string =>
      several.checked
        ? fill(s.createSecretLinks, { count: recipients.labels().length })
        : s.createSecretLink;
    const showRecipients = (): void => {
      recipientList.hidden = !several.checked;
      button.textContent = buttonText();
    };
    several.addEventListener('change', showRecipients);
    recipients.onChange(() => {
      button.textContent = buttonText();
    });
    const form = h(
      'form',
      { class: 'hl-form', novalidate: true },
      secret.field,
      fields.row,
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
      h(
        'div',
        { class: 'hl-field' },
        h('label', { class: 'hl-choice' }, notify, ` ${s.notifyLabel}`),
        h('p', { id: ids.notifyHint, class: 'hl-hint' }, s.notifyHint),
      ),
      h(
        'fieldset',
        { class: 'hl-field hl-choices' },
        h('legend', {}, s.recipientsLegend),
        h('label', { class: 'hl-choice' }, several, ` ${s.severalRecipients}`),
        h('p', { id: ids.recipientsHint, class: 'hl-hint' }, s.recipientsHint),
        recipientList,
      ),
      button,
      error,
    );
    submitWhenFilled(form, secret.input, error, s.secretRequired, () => {
      void this.#create(
        {
          text: secret.input.value,
          label: fields.label.value.trim(),
          ttlSeconds: Number(fields.ttl.value),
          reusable: reusable.checked,
          passphrase: passphrase.value === '' ? null : passphrase.value,
          notify: notify.checked,
          recipients: several.checked ? recipients.labels() : null,
        },
        button,
        buttonText,
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
    input: CreateInput,
    button: HTMLButtonElement,
    buttonText: () => string,
    error: HTMLElement,
  ): Promise<void> {
    const s = this.#strings;
    button.disabled = true;
    button.textContent = s.creating;
    error.textContent = '';
    const keys: Uint8Array[] = [];
    try {
      const options = input.passphrase === null ? {} : { passphrase: input.passphrase };
      const count = input.recipients?.length ?? 1;
      const sealed: SealResult[] = [];
      // Once per recipient, each with its own key (and, with a passphrase, its own salt).
      for (let index = 0; index < count; index += 1) {
        if (count > 1)
          button.textContent = fill(s.encryptingOf, { count: index + 1, total: count });
        const one = await seal(input.text, options);
        keys.push(one.key);
        sealed.push(one);
      }
      const shared = {
        ttlSeconds: input.ttlSeconds,
        maxViews: input.reusable ? null : 1,
        ...(input.label === '' ? {} : { label: input.label }),
        notify: input.notify,
      };
      const created = await this.#post(input.recipients, sealed, shared);
      if (!created.ok) {
        error.textContent =
          created.code === 'payload_too_large' ? s.tooLarge : formFailureText(s, created);
        return;
      }
      const base = readLinkBase(this, this.#basePath);
      const links = created.items.map((item, index) => ({
        name:
          input.recipients === null
            ? null
            : input.recipients[index] || fill(s.recipientName, { count: index + 1 }),
        link: buildLink(base, item.id, keys[index] as Uint8Array),
      }));
      const [first] = created.items as [CreatedAnswer];
      announceCreated(this, 'hushlink:created', {
        id: first.id,
        expiresAt: first.expiresAt,
        groupId: created.groupId,
        ids: created.items.map((item) => item.id),
      });
      this.#showLinks(links, input.passphrase !== null);
    } catch (cause) {
      const code = (cause as { code?: unknown }).code;
      error.textContent = code === 'plaintext_too_large' ? s.tooLarge : s.failed;
    } finally {
      for (const key of keys) key.fill(0);
      button.disabled = false;
      button.textContent = buttonText();
    }
  }

  /** `POST /api/secrets` for a single link, `POST /api/groups` for several recipients. */
  async #post(
    recipients: string[] | null,
    sealed: SealResult[],
    shared: Record<string, unknown>,
  ): Promise<
    { ok: true; groupId: string | null; items: CreatedAnswer[] } | { ok: false; code: string }
  > {
    if (recipients === null) {
      const result = await callApi<CreatedAnswer>(this.#basePath, 'secrets', {
        body: { ...sealedFields(sealed[0] as SealResult), ...shared },
      });
      return result.ok ? { ok: true, groupId: null, items: [result.data] } : result;
    }
    const result = await callApi<CreatedGroupAnswer>(this.#basePath, 'groups', {
      body: {
        recipients: sealed.map((one, index) => ({
          ...(recipients[index] ? { label: recipients[index] } : {}),
          ...sealedFields(one),
        })),
        ...shared,
      },
    });
    return result.ok
      ? { ok: true, groupId: result.data.groupId, items: result.data.items }
      : result;
  }

  /** The link (or one link per recipient), each with a copy button and a QR code. */
  #showLinks(links: ShownLink[], withPassphrase: boolean): void {
    const s = this.#strings;
    const status = h(
      'p',
      { class: 'hl-status', role: 'status' },
      links.length === 1 && links[0]?.name === null ? s.linkReady : s.linksReady,
    );
    const again = h('button', { type: 'button', class: 'hl-secondary' }, s.createAnother);
    again.addEventListener('click', () => this.#showForm());
    const advice = withPassphrase && h('p', { class: 'hl-hint hl-advice' }, s.passphraseAdvice);
    const heading = h('h2', {}, s.createHeading);
    const single = links.length === 1 && links[0]?.name === null ? links[0] : null;
    if (single !== null) {
      const { field, input, copy } = linkField(s, {
        link: single.link,
        label: s.linkLabel,
        copyLabel: s.copyLink,
        status,
      });
      replaceChildren(
        this,
        h(
          'section',
          { class: 'hl-card', 'aria-label': s.createHeading },
          heading,
          field,
          h('div', { class: 'hl-actions' }, copy, again),
          status,
          advice,
          h('figure', { class: 'hl-qr-figure' }, qrCodeSvg(single.link, s.qrLabel)),
        ),
      );
      input.focus();
      input.select();
      return;
    }
    const items = links.map(({ name, link }) => {
      const label = name ?? '';
      const { field, copy } = linkField(s, {
        link,
        label: fill(s.linkFor, { label }),
        copyLabel: s.copyLink,
        status,
        copyName: fill(s.copyLinkFor, { label }),
      });
      // The QR code is drawn when asked for: twenty of them would be a wall of squares.
      const qr = h('details', { class: 'hl-qr-details' }, h('summary', {}, s.showQr));
      qr.addEventListener('toggle', () => {
        if (qr.open && qr.querySelector('svg') === null) {
          qr.append(
            h('figure', { class: 'hl-qr-figure' }, qrCodeSvg(link, fill(s.qrLabelFor, { label }))),
          );
        }
      });
      return h(
        'li',
        { class: 'hl-recipient-link' },
        field,
        h('div', { class: 'hl-actions' }, copy),
        qr,
      );
    });
    replaceChildren(
      this,
      h(
        'section',
        { class: 'hl-card', 'aria-label': s.createHeading },
        heading,
        status,
        advice,
        h('ol', { class: 'hl-links' }, ...items),
        h('div', { class: 'hl-actions' }, again),
      ),
    );
    this.querySelector<HTMLInputElement>('.hl-link')?.focus();
  }
}
