/**
 * Copies text to the clipboard: the async Clipboard API first, the selection command as a
 * fallback (older browsers, or a denied permission).
 * @returns whether the copy succeeded.
 */
export async function copyText(
  text: string,
  field?: HTMLInputElement | HTMLTextAreaElement,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (field === undefined) return false;
    field.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}
