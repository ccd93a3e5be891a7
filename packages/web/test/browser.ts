// Helpers for the browser tests: Debian Chromium through playwright-core, sign-in through the
// login form, axe-core checks and screenshots.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { fixedNow, startDemoServer, type DemoServer } from './demo-server.js';

export const chromiumPath = '/usr/bin/chromium';
export const outputDir = fileURLToPath(new URL('../../../test-output/', import.meta.url));
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export const desktop = { width: 1280, height: 900 };
export const phone = { width: 375, height: 812 };

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(outputDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh browser profile (no cookies, no stored language) whose clock shows the demo's today. */
export async function newContext(browser: Browser, viewport = desktop): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  await context.clock.setFixedTime(fixedNow);
  return context;
}

/**
 * Fill in and send the login form, then wait for its answer: the start page, or an error shown.
 * (Navigating on before the answer would abort the sign-in.)
 */
export async function signIn(page: Page, baseUrl: string, username: string, password = 'tillit'): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await Promise.race([
    page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 20_000 }),
    page.getByRole('alert').first().waitFor({ timeout: 20_000 }),
  ]);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** @returns axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** @returns how many pixels the page is wider than the window (0: no horizontal scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = `${outputDir}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Start the demo server and Chromium before a test file's tests and close both after them.
 * @param ready - receives both once started (the file keeps them in its own variables)
 */
export function withDemoServerAndBrowser(ready: (server: DemoServer, browser: Browser) => void): void {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    ready(server, browser);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}
