/**
 * Reads the key from the link's fragment and removes it from the address bar and from the
 * session history at once, before any request: the key then lives only in this page's
 * memory (not in history, bookmarks, or a synced browser profile).
 */
import { decodeBase64url } from '@hushlink/core/crypto';

/** What the fragment held. */
export type FragmentKey =
  | { ok: true; key: Uint8Array }
  /** No fragment (a reload after we removed it, or a link cut short) or not a 32-byte key. */
  | { ok: false; reason: 'missing' | 'malformed' };

/**
 * Takes the key out of `location.hash` and replaces the current history entry with the
 * same URL without the fragment.
 */
export function takeFragmentKey(): FragmentKey {
  const fragment = location.hash.replace(/^#/, '');
  if (location.hash !== '') {
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  }
  if (fragment === '') return { ok: false, reason: 'missing' };
  try {
    return { ok: true, key: decodeBase64url(fragment, 32) };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}
