import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'crypto/index': 'src/crypto/index.ts',
    'http/index': 'src/http/index.ts',
    'node/index': 'src/node/index.ts',
    'testing/index': 'src/testing/index.ts',
    'cli/main': 'src/cli/main.ts',
    // The two targets of the `#hash` subpath import (package.json "imports"): each its own
    // file, so that Node loads node:crypto and nothing else ever sees it.
    'hash/node': 'src/hash/node.ts',
    'hash/portable': 'src/hash/portable.ts',
  },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  tsconfig: '../../tsconfig.build.json',
  platform: 'neutral',
  // vitest is the test runner of whoever imports /testing: never bundle it.
  // `#hash` stays an import, resolved by the runtime through package.json "imports".
  external: ['vitest', /^node:/, '#hash'],
  // Keep `node:` specifiers as written: Deno and Workers resolve only the prefixed form.
  removeNodeProtocol: false,
  splitting: true,
  treeshake: true,
});
