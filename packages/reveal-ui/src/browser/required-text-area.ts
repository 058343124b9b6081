/**
 * The text box a form cannot be sent without (the creator's secret, the customer's
 * answer), with its label and hint, and the submit check that asks for it.
 */
import { h, uniqueId } from './dom';

/** The field's wrapper (label, box, hint) and the box itself. */
export interface RequiredTextArea {
  field: HTMLDivElement;
  input: HTMLTextAreaElement;
}

/**
 * A required, unspellchecked text box named `name` (its ids start with `name` too),
 * described by its hint and by the form's error line `errorId`.
 */
export function requiredTextArea(
  name: string,
  label: string,
  hint: string,
  errorId: string,
): RequiredTextArea {
  const inputId = uniqueId(name);
  const hintId = uniqueId(`${name}-hint`);
  const input = h('textarea', {
    id: inputId,
    name,
    rows: 5,
    required: true,
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': `${hintId} ${errorId}`,
  });
  const field = h(
    'div',
    { class: 'hl-field' },
    h('label', { for: inputId }, label),
    input,
    h('p', { id: hintId, class: 'hl-hint' }, hint),
  );
  return { field, input };
}

/**
 * On submit: an empty `input` is marked invalid, focused and explained in `error` by
 * `requiredText`; otherwise `send` runs. The page never reloads.
 */
export function submitWhenFilled(
  form: HTMLFormElement,
  input: HTMLTextAreaElement,
  error: HTMLElement,
  requiredText: string,
  send: () => void,
): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value === '') {
      error.textContent = requiredText;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    input.removeAttribute('aria-invalid');
    send();
  });
}
