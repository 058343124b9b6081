/**
 * A poll loop that runs only while the page is visible: a hidden tab sends nothing (and
 * spends none of the creator's rate-limit budget), and a tab shown again catches up at
 * once — but never sooner than the pace the last poll asked for.
 */

/** A running poll loop. */
export interface PollLoop {
  /** Stops polling for good (a poll in flight finishes, its result is ignored by the loop). */
  stop(): void;
}

/**
 * Calls `poll` after `firstDelayMs`, then again after the delay each call returns, while
 * `document.visibilityState` is not `hidden`. A throwing poll waits twice `firstDelayMs`.
 */
export function pollWhileVisible(poll: () => Promise<number>, firstDelayMs: number): PollLoop {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let running = false;
  let dueAt = Date.now() + firstDelayMs;
  const hidden = () => document.visibilityState === 'hidden';

  const schedule = (ms: number): void => {
    clearTimeout(timer);
    dueAt = Date.now() + ms;
    timer = setTimeout(() => void run(), ms);
  };
  const run = async (): Promise<void> => {
    timer = undefined;
    if (stopped || hidden()) return;
    running = true;
    let next: number;
    try {
      next = await poll();
    } catch {
      next = firstDelayMs * 2;
    } finally {
      running = false;
    }
    if (!stopped && !hidden()) schedule(next);
    else dueAt = Date.now() + next;
  };
  const onVisibility = (): void => {
    if (stopped || hidden() || running || timer !== undefined) return;
    schedule(Math.max(0, dueAt - Date.now()));
  };

  document.addEventListener('visibilitychange', onVisibility);
  schedule(firstDelayMs);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
