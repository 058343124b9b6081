/** Instants in the creator's lists: the reader's local time, the exact instant kept. */
import { h } from './dom';

/** Local date and time (with seconds when asked), with the ISO instant kept in `datetime`. */
export function timeElement(iso: string, seconds = false): HTMLTimeElement {
  const text = new Date(iso).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: seconds ? 'medium' : 'short',
  });
  return h('time', { datetime: iso }, text);
}
