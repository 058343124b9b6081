/**
 * The bundles embedded by the package build. In the TypeScript sources this is null, and
 * the bundles are built from source on first use; `tsup.config.ts` replaces this module
 * with the minified bundles when it builds `dist`, so a published install needs neither
 * esbuild nor a file system.
 */
import type { BuiltBundles } from './bundle-options';

export const PREBUILT_BUNDLES: BuiltBundles | null = null;
