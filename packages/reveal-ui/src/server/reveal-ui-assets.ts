/**
 * The browser bundles as a `createHandler` `assets` map, built once per process.
 */
import { type BuiltBundles, bundleBuildOptions, collectBundles } from './bundle-options';
import { PREBUILT_BUNDLES } from './prebuilt-bundles';

/** An asset as `createHandler` serves it (structurally `Asset` of `@hushlink/core/http`). */
export interface RevealUiAsset {
  body: string;
  type: string;
  immutable: boolean;
}

let cached: BuiltBundles | null = null;

/**
 * The bundles: embedded ones in a published build, else built now from the TypeScript
 * sources with esbuild (a development dependency; about a second, once per process).
 * @throws {Error} from source when esbuild is not installed or the build fails.
 */
export function loadBundles(): BuiltBundles {
  cached ??= PREBUILT_BUNDLES ?? buildFromSources();
  return cached;
}

/**
 * The files to pass as `assets` to `createHandler`: `reveal.<hash>.js` (the recipient's
 * page), `admin.<hash>.js` (create form + history + request links, with the QR code),
 * `request.<hash>.js` (the customer's page of a request link) and `hushlink.<hash>.css`. Names carry a content hash, so they are served as immutable.
 * @example
 * ```ts
 * const handler = createHandler({ hushlink, authorize, assets: revealUiAssets(), renderPage: renderRevealPage });
 * ```
 */
export function revealUiAssets(): Record<string, RevealUiAsset> {
  const assets: Record<string, RevealUiAsset> = {};
  for (const [name, file] of Object.entries(loadBundles().files)) {
    assets[name] = { body: file.body, type: file.type, immutable: true };
  }
  return assets;
}

/** The content-hashed file names, for pages a host renders itself (a login page). */
export function revealUiAssetNames(): BuiltBundles['names'] {
  return { ...loadBundles().names };
}

function buildFromSources(): BuiltBundles {
  // Node-only, and only in development: reached through process so that no `node:` import
  // sits in the module graph of edge runtimes that load the published build.
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } })
    .process?.getBuiltinModule;
  if (getBuiltin === undefined) {
    throw new Error('reveal-ui: bundles are not prebuilt; build the package (npm run build).');
  }
  const { createRequire } = getBuiltin('node:module') as typeof import('node:module');
  const { fileURLToPath } = getBuiltin('node:url') as typeof import('node:url');
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const srcDir = fileURLToPath(new URL('..', import.meta.url));
  return collectBundles(esbuild.buildSync(bundleBuildOptions(srcDir)).outputFiles);
}
