/**
 * The example app without a browser: sign-in, the admin token for scripts, page headers,
 * the generated integrity key. (The whole story in a browser: secret-sharing.test.ts.)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../examples/express/src/config';
import { type CreatedApp, createApp } from '../../examples/express/src/create-app';

let dataDir: string;
let app: CreatedApp;
let origin: string;
const logged: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hushlink-express-'));
  app = await createApp({
    ...configFromEnv({ HUSHLINK_DATA_DIR: dataDir, PORT: '0', ADMIN_TOKEN: 'script-token' }),
    sweepIntervalMs: 0,
    log: (line) => logged.push(line),
  });
  ({ origin } = await app.listen());
}, 60_000);

afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the Express example', () => {
  it('generates an integrity key once into the data directory, with a warning', () => {
    expect(readFileSync(join(dataDir, 'hmac-key'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(existsSync(join(dataDir, 'hushlink.sqlite'))).toBe(true);
    expect(logged.join('\n')).toMatch(/WARNING: no HUSHLINK_HMAC_KEY or APP_SECRET/);
    expect(app.passwordGenerated).toBe(true);
    expect(app.adminPassword.length).toBeGreaterThanOrEqual(16);
  });

  it('sends visitors of /admin to the sign-in page, and signs in with the right password only', async () => {
    const admin = await fetch(`${origin}/admin`, { redirect: 'manual' });
    expect(admin.status).toBe(303);
    expect(admin.headers.get('location')).toBe('/admin/login');

    const login = (password: string, headers: Record<string, string> = {}) =>
      fetch(`${origin}/admin/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams({ user: 'admin', password }),
      });
    const wrong = await login('nope');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Wrong user or password.');
    const crossSite = await login(app.adminPassword, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);

    const right = await login(app.adminPassword);
    expect(right.status).toBe(303);
    const cookie = (right.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(right.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await fetch(`${origin}/admin`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('<hushlink-history');
    const history = await fetch(`${origin}/api/secrets`, { headers: { cookie } });
    expect(history.status).toBe(200);
  });

  it('authenticates scripts with ADMIN_TOKEN as the admin', async () => {
    expect((await fetch(`${origin}/api/secrets`)).status).toBe(401);
    const wrong = await fetch(`${origin}/api/secrets`, { headers: { authorization: 'Bearer x' } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${origin}/api/secrets`, {
      headers: { authorization: 'Bearer script-token' },
    });
    expect(right.status).toBe(200);
    expect(await right.json()).toEqual({ items: [], nextCursor: null });
  });

  it('serves the reveal page with the strict CSP and the bundles as immutable assets', async () => {
    const page = await fetch(`${origin}/s/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("form-action 'none'");
    const html = await page.text();
    const script = /src="(\/assets\/reveal\.[A-Z0-9]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${origin}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });
});
