/**
 * The published build. Besides the usual ESM + .d.ts, it builds the browser bundles with
 * esbuild (minified, content-hashed), prints their gzipped sizes against the recipient's
 * 30 KB budget, and embeds them into `dist` in place of `src/server/prebuilt-bundles.ts`,
 * so an installed package serves them without esbuild or a file system.
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
  const revealGz = gzipSync(bundles.files[bundles.names.reveal]?.body ?? '', { level: 9 }).length;
  if (revealGz > REVEAL_BUNDLE_BUDGET_BYTES) {
    throw new Error(
      `The recipient's bundle is ${revealGz} B gzipped, over the ${REVEAL_BUNDLE_BUDGET_BYTES} B budget.`,
    );
  }
  console.log(
    `reveal-ui: the recipient's page loads ${revealGz} B of gzipped JavaScript (budget ${REVEAL_BUNDLE_BUDGET_BYTES} B).`,
  );
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
