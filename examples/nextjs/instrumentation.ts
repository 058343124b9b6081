/**
 * Runs once when the server starts: opens and migrates the database and prints the
 * generated admin password (if any) at start rather than on the first request. A bad
 * setting (`HUSHLINK_HMAC_KEY`, `TRUSTED_PROXIES`, an unreachable database) fails here;
 * `server.ts` then stops the process, as the Express example does. Not during
 * `next build`, which must not create a database.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { hushlinkApp } = await import('./lib/hushlink-app');
  await hushlinkApp();
}
