import type { Hushlink } from './types';

/** Options of {@link startSweeper}. */
export interface SweeperOptions {
  /** Time between sweeps, in ms (≥ 1,000). */
  intervalMs: number;
  /** Called with each failed sweep's error (a store outage); the sweeper keeps running. */
  onError?: (error: unknown) => void;
}

/** A running sweeper. */
export interface Sweeper {
  /** Stops sweeping; a sweep in progress finishes. Resolves when it has. */
  stop(): Promise<void>;
}

/**
 * Sweeps every `intervalMs` in this process: persists expiries, deletes expired envelopes,
 * purges old metadata. Sweeps never overlap, and the timer does not keep Node alive. Expiry
 * is enforced on every read whether or not this runs: the sweeper only cleans up.
 * @throws {RangeError} when `intervalMs` is not an integer ≥ 1,000.
 * @example
 * ```ts
 * const sweeper = startSweeper(hushlink, { intervalMs: 60_000 });
 * process.on('SIGTERM', () => sweeper.stop());
 * ```
 */
export function startSweeper(hushlink: Pick<Hushlink, 'sweep'>, options: SweeperOptions): Sweeper {
  const { intervalMs, onError } = options;
  if (!Number.isInteger(intervalMs) || intervalMs < 1000) {
    throw new RangeError('startSweeper: intervalMs must be an integer of at least 1000.');
  }
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = hushlink
      .sweep()
      .then(
        () => undefined,
        (error: unknown) => onError?.(error),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  // Node: let the process exit while the sweeper waits. Other runtimes have no unref.
  (timer as { unref?: () => void }).unref?.();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
