/**
 * How the browser bundles are built with esbuild, shared by the package build
 * (tsup.config.ts, which embeds them into dist) and by the development path (built from
 * the TypeScript sources on first use). No runtime import of esbuild here: types only.
 */
import type { BuildOptions, OutputFile } from 'esbuild';

/** A built file, ready to serve. */
export interface BuiltFile {
  body: string;
  type: string;
}

/** The bundles: content-hashed file names and the files by name. */
export interface BuiltBundles {
  /** `reveal.<hash>.js`, `admin.<hash>.js`, `request.<hash>.js`, `hushlink.<hash>.css`. */
  names: { reveal: string; admin: string; request: string; css: string };
  files: Record<string, BuiltFile>;
}

/**
 * The recipient's page may load at most this much gzipped JavaScript (issue 9). The
 * customer's page of a request link (`request.<hash>.js`, which adds X25519) keeps the same
 * budget: it is its own bundle so the reveal page does not carry X25519.
 */
export const REVEAL_BUNDLE_BUDGET_BYTES = 30 * 1024;

/**
 * esbuild options for the four entry points, relative to the package's `src` folder.
 * @param srcDir - absolute path of `packages/reveal-ui/src`.
 */
export function bundleBuildOptions(srcDir: string): BuildOptions & { write: false } {
  return {
    absWorkingDir: srcDir,
    entryPoints: {
      reveal: './browser/reveal-entry.ts',
      admin: './browser/admin-entry.ts',
      request: './browser/request-entry.ts',
      hushlink: './styles/hushlink.css',
    },
    entryNames: '[name].[hash]',
    outdir: 'out',
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome111', 'firefox113', 'safari16.4'],
    // Workspace sources in development; published packages resolve to their dist.
    conditions: ['@hushlink/source'],
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  };
}

/** Turns esbuild's output files into {@link BuiltBundles}. */
export function collectBundles(outputFiles: readonly OutputFile[]): BuiltBundles {
  const files: Record<string, BuiltFile> = {};
  const names = { reveal: '', admin: '', request: '', css: '' };
  for (const file of outputFiles) {
    const name = file.path.split(/[\\/]/).pop() ?? '';
    const isCss = name.endsWith('.css');
    files[name] = {
      body: file.text,
      type: isCss ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
    };
    if (name.startsWith('reveal.')) names.reveal = name;
    else if (name.startsWith('admin.')) names.admin = name;
    else if (name.startsWith('request.')) names.request = name;
    else if (isCss) names.css = name;
  }
  if (!names.reveal || !names.admin || !names.request || !names.css) {
    throw new Error(
      'reveal-ui: the bundle build did not produce reveal, admin, request and css files.',
    );
  }
  return { names, files };
}
