/**
 * sessionStorage markers holding no secret material, just an id under a prefix: after a
 * reload (the key is gone from the address bar by then) a page can still say "sent" or
 * "gone" rather than "incomplete link".
 */

/** Sets the marker `name`. */
export function markInSession(name: string): void {
  try {
    sessionStorage.setItem(name, '1');
  } catch {
    // Storage may be disabled; a reload then shows the "incomplete link" text instead.
  }
}

/** Whether the marker `name` is set in this tab's session. */
export function isMarkedInSession(name: string): boolean {
  try {
    return sessionStorage.getItem(name) === '1';
  } catch {
    return false;
  }
}
