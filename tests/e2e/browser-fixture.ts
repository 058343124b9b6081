/**
 * The browser tests' world: the Express example started in-process on 127.0.0.1:0 with a
 * temporary SQLite file and a clock the test can move; Debian's Chromium driven by
 * playwright-core; every request each browser context sends, recorded.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { configFromEnv } from '../../examples/express/src/config';
import { type CreatedApp, createApp } from '../../examples/express/src/create-app';
import { chromiumArgs, findChromium } from '../../scripts/chromium';
import { recordRequests, type SentRequest } from '../support/browser-flows';

export const ADMIN_USER = 'admin';
export const ADMIN_PASSWORD = 'e2e-password-not-secret';
/** Screenshots go here (gitignored). */
export const ARTIFACTS = fileURLToPath(new URL('./artifacts', import.meta.url));

export type { SentRequest } from '../support/browser-flows';

/** The running app, the browser, and the recorded requests. */
export interface E2eWorld {
  origin: string;
  app: CreatedApp;
  browser: Browser;
  /** Moves Hushlink's clock forward. */
  advanceClock(ms: number): void;
  /** Every request any context opened through {@link newContext} sent. */
  sent: SentRequest[];
  /** Paths the server received (the server's view of the same traffic). */
  received: { url: string; headers: Record<string, string | string[] | undefined> }[];
  /** A fresh browser context (own cookies and storage), recording its requests. */
  newContext(options?: { width?: number }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Starts the app and Chromium. */
export async function startWorld(): Promise<E2eWorld> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hushlink-e2e-'));
  let offset = 0;
  const config = {
    ...configFromEnv({
      HUSHLINK_DATA_DIR: dataDir,
      PORT: '0',
      APP_SECRET: 'e2e-app-secret-long-enough-to-derive-a-key',
    }),
    adminUser: ADMIN_USER,
    adminPassword: ADMIN_PASSWORD,
    sweepIntervalMs: 0,
    now: () => Date.now() + offset,
    log: () => {},
  };
  const app = await createApp(config);
  const received: E2eWorld['received'] = [];
  const { server, origin } = await app.listen();
  // The server's view: every request, recorded before Express routes it.
  server.prependListener('request', (req) => {
    received.push({ url: req.url ?? '', headers: { ...req.headers } });
  });
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  const sent: SentRequest[] = [];
  mkdirSync(ARTIFACTS, { recursive: true });

  return {
    origin,
    app,
    browser,
    advanceClock: (ms) => {
      offset += ms;
    },
    sent,
    received,
    async newContext(options = {}) {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1280, height: 900 },
      });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      recordRequests(context, sent);
      return context;
    },
    async close() {
      await browser.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login form and lands on /admin. */
export async function signIn(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/admin`);
  await page.getByLabel('User').fill(ADMIN_USER);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${origin}/admin`);
}

/** Creates a secret through the admin page's form; returns the link it shows. */
export async function createSecret(
  page: Page,
  options: { text: string; passphrase?: string; reusable?: boolean; ttl?: string; label?: string },
): Promise<string> {
  const form = page.locator('hushlink-create');
  const again = form.getByRole('button', { name: 'Create another secret' });
  if (await again.isVisible()) await again.click();
  await form.getByLabel('Secret', { exact: true }).fill(options.text);
  if (options.label) await form.getByLabel('Label (optional, only you see it)').fill(options.label);
  if (options.ttl) await form.getByLabel('Expires after').selectOption({ label: options.ttl });
  if (options.reusable) await form.getByRole('radio', { name: /^Reusable/ }).check();
  if (options.passphrase) await form.getByLabel('Passphrase (optional)').fill(options.passphrase);
  await form.getByRole('button', { name: 'Create secret link' }).click();
  const link = form.getByRole('textbox', { name: 'Secret link', exact: true });
  await link.waitFor();
  return link.inputValue();
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousA11yViolations(
  page: Page,
): Promise<{ id: string; nodes: string[] }[]> {
  // evaluate() runs through the DevTools protocol, so the page's CSP does not block it.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(): Promise<{
            violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

/**
 * Screenshots a page at phone (360 px) and desktop (1280 px) widths.
 * @returns the page's scroll width at each: more than the viewport means sideways scrolling.
 */
export async function screenshots(page: Page, name: string): Promise<Record<number, number>> {
  const scrollWidths: Record<number, number> = {};
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    scrollWidths[width] = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return scrollWidths;
}
