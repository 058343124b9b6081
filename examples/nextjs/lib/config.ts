/**
 * The example's configuration, read from the environment: the same variables as the
 * Express example (`@hushlink/example-shared` reads them), so the two are interchangeable.
 * `PORT` and `HOST` belong to the server (`server.ts`).
 */
import { join } from 'node:path';
import { readSharedConfig, type SharedConfig } from '@hushlink/example-shared';

/** Settings of the app: only the shared ones; {@link configFromEnv} reads them. */
export type AppConfig = SharedConfig;

/**
 * Reads the configuration. The data directory defaults to `./data`, relative to the
 * working directory, which `npm run` sets to `examples/nextjs` (a bundled module has no
 * reliable location of its own).
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // turbopackIgnore: a runtime path, not a folder to trace into the build output.
  return readSharedConfig(env, { dataDir: join(/*turbopackIgnore: true*/ process.cwd(), 'data') });
}
