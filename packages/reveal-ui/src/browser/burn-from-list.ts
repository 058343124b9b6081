/** Burning an item from a creator's list: ask first, report a refusal, keep the focus. */
import type { RevealUiStrings } from '../strings';
import { callApi } from './call-api';
import { listFailureText } from './failure-text';

/**
 * Asks `question`, then deletes `{basePath}/api/{path}`; a refusal is reported in `status`.
 * @returns whether the item was deleted.
 */
export async function confirmDelete(
  s: RevealUiStrings,
  basePath: string,
  path: string,
  question: string,
  status: HTMLElement,
): Promise<boolean> {
  if (!window.confirm(question)) return false;
  const result = await callApi<null>(basePath, path, { method: 'DELETE' });
  if (!result.ok) status.textContent = listFailureText(s, result);
  return result.ok;
}

/** After a refresh, puts the focus back on the first button of the item's (new) row. */
export function focusRowButton(list: HTMLElement, id: string): void {
  list.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"] button`)?.focus();
}
