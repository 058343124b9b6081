/**
 * The example's configuration, read from the environment (issue 9). Everything has a
 * default, so `npm start` works on a fresh clone. The variables it shares with the Next.js
 * example are read by `@hushlink/example-shared`; only the listener and the test hooks
 * are this app's own.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSharedConfig, type SharedConfig } from '@hushlink/example-shared';

/** Settings of {@link createApp}; {@link configFromEnv} builds them from `process.env`. */
export interface AppConfig extends SharedConfig {
  /** `HOST`, default `127.0.0.1`. */
  host: string;
  /** `PORT`, default 3000 (0 picks a free port). */
  port: number;
  /** Hushlink's clock (epoch ms): tests inject one to expire secrets. Default `Date.now`. */
  now?: () => number;
  /** Where startup notices go. Default `console.log`. */
  log?: (line: string) => void;
}

/** `examples/express`, wherever the repository is. */
export const EXAMPLE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Reads the configuration from environment variables; the data directory defaults to
 * `examples/express/data`.
 * @throws {Error} when `PORT` is not a port number.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be a port number, got ${env.PORT}.`);
  }
  return {
    ...readSharedConfig(env, { dataDir: join(EXAMPLE_DIR, 'data') }),
    host: env.HOST ?? '127.0.0.1',
    port,
  };
}
