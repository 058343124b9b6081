/**
 * The published build. Besides the usual ESM + .d.ts, it builds the browser bundles with
 * esbuild (minified, content-hashed), prints their gzipped sizes, checks the recipient's
 * and the request page's bundles against the 30 KB budget, and embeds them into `dist` in
 * place of `src/server/prebuilt-bundles.ts`, so an installed package serves them without
 * esbuild or a file system.
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { defineConfig } from 'tsup';
import {
  type BuiltBundles,
  bundleBuildOptions,
  collectBundles,
  REVEAL_BUNDLE_BUDGET_BYTES,
} from './src/server/bundle-options';

const srcDir = fileURLToPath(new URL('./src', import.meta.url));

async function buildBundles(): Promise<BuiltBundles> {
  const result = await esbuild.build(bundleBuildOptions(srcDir));
  const bundles = collectBundles(result.outputFiles);
  for (const [name, file] of Object.entries(bundles.files)) {
    const gz = gzipSync(file.body, { level: 9 }).length;
    console.log(`reveal-ui bundle ${name}: ${file.body.length} B, ${gz} B gzipped`);
  }
  // The pages an anonymous visitor loads: the recipient's (reveal) and the customer's of a
  // request link (request, which adds X25519). Both keep the 30 KB budget.
  const budgeted = [
    ['reveal', "the recipient's page"],
    ['request', "a request link's page"],
  ] as const;
  for (const [bundle, page] of budgeted) {
    const gz = gzipSync(bundles.files[bundles.names[bundle]]?.body ?? '', { level: 9 }).length;
    if (gz > REVEAL_BUNDLE_BUDGET_BYTES) {
      throw new Error(
        `The ${bundle} bundle (${page}) is ${gz} B gzipped, over the ${REVEAL_BUNDLE_BUDGET_BYTES} B budget.`,
      );
    }
    console.log(
      `reveal-ui: ${page} loads ${gz} B of gzipped JavaScript (budget ${REVEAL_BUNDLE_BUDGET_BYTES} B).`,
    );
  }
  return bundles;
}

const embedBundles: esbuild.Plugin = {
  name: 'hushlink-embed-bundles',
  setup(build) {
    build.onLoad({ filter: /prebuilt-bundles\.ts$/ }, async () => {
      const bundles = await buildBundles();
      return {
        contents: `export const PREBUILT_BUNDLES = ${JSON.stringify(bundles)};`,
        loader: 'ts',
      };
    });
  },
};

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    elements: 'src/browser/index.ts',
    react: 'src/react/index.ts',
  },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  tsconfig: '../../tsconfig.build.json',
  platform: 'neutral',
  external: ['react', /^@hushlink\//, 'uqr', 'esbuild'],
  splitting: true,
  treeshake: true,
  esbuildPlugins: [embedBundles],
});
