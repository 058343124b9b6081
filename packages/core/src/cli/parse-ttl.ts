/**
 * TTL arguments: `1h`, `24h`, `3d`, `7d`, `14d`, `30d` (the presets), any `<n>m|h|d`, or
 * plain seconds. The server enforces 1 hour to 30 days; checking here gives a clearer error.
 */
import { usageError } from './cli-error';

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 };
const MIN_TTL_SECONDS = 3600;
const MAX_TTL_SECONDS = 2_592_000;

/**
 * Parses a TTL into seconds.
 * @throws {CliError} (usage) for anything else or a value outside 1 hour..30 days.
 */
export function parseTtl(text: string): number {
  const match = /^([0-9]{1,8})([smhd]?)$/.exec(text.trim());
  const seconds = match ? Number(match[1]) * (UNIT_SECONDS[match[2] || 's'] ?? 1) : Number.NaN;
  if (!(seconds >= MIN_TTL_SECONDS && seconds <= MAX_TTL_SECONDS)) {
    throw usageError(`--ttl must be between 1h and 30d (e.g. 1h, 24h, 3d, 7d), got "${text}".`);
  }
  return seconds;
}
