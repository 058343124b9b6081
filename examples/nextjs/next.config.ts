/**
 * Next.js configuration of the example.
 *
 * In this monorepo the @hushlink packages are TypeScript sources: their `exports` and
 * `imports` name them under the `@hushlink/source` condition. Turbopack has no option for
 * custom conditions, so each of those entries becomes an alias here. An app that installs
 * the published packages needs none of this: they ship built JavaScript.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { NextConfig } from 'next';

const PACKAGES = ['core', 'reveal-ui', 'adapter-sqlite', 'adapter-postgres'] as const;
const SOURCE = '@hushlink/source';
const projectDir = process.cwd();
const repoRoot = join(projectDir, '..', '..');

type Target = string | null | { [condition: string]: Target };
type Alias = string | { [condition: string]: string };

/** A package file as Turbopack wants it: relative to this project. */
function fromProject(packageDir: string, file: string): string {
  return `./${relative(projectDir, join(packageDir, file))}`;
}

/** The `@hushlink/source` branch of an exports/imports entry, as an alias (or undefined). */
function sourceAlias(packageDir: string, target: Target): Alias | undefined {
  if (target === null || typeof target === 'string' || !(SOURCE in target)) return undefined;
  const source = target[SOURCE];
  if (typeof source === 'string') return fromProject(packageDir, source);
  if (source === null || source === undefined) return undefined;
  // Conditions below the source one (e.g. `node` / `default`) map onto Turbopack's.
  const conditional: Record<string, string> = {};
  for (const [condition, file] of Object.entries(source)) {
    if (typeof file === 'string') conditional[condition] = fromProject(packageDir, file);
  }
  return conditional;
}

function sourceAliases(): Record<string, Alias> {
  const aliases: Record<string, Alias> = {
    // The stylesheet is built into dist; its source is plain CSS.
    '@hushlink/reveal-ui/hushlink.css': fromProject(
      join(repoRoot, 'packages/reveal-ui'),
      'src/styles/hushlink.css',
    ),
  };
  for (const name of PACKAGES) {
    const dir = join(repoRoot, 'packages', name);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      exports?: Record<string, Target>;
      imports?: Record<string, Target>;
    };
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      const alias = sourceAlias(dir, target);
      if (alias !== undefined) aliases[`@hushlink/${name}${subpath.slice(1)}`] = alias;
    }
    // Package-internal `#imports` (e.g. core's `#hash`): only that package uses them.
    for (const [specifier, target] of Object.entries(manifest.imports ?? {})) {
      const alias = sourceAlias(dir, target);
      if (alias !== undefined) aliases[specifier] = alias;
    }
  }
  return aliases;
}

const config: NextConfig = {
  // The examples' shared code (`@hushlink/example-shared`) is TypeScript source too; its
  // `exports` name the source directly, so it needs no alias, only transpiling.
  transpilePackages: [...PACKAGES.map((name) => `@hushlink/${name}`), '@hushlink/example-shared'],
  turbopack: { root: repoRoot, resolveAlias: sourceAliases() },
  poweredByHeader: false,
};

export default config;
