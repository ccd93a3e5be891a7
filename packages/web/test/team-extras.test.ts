// The coordinator's team day also shows what other teams do for the team's clients, messages
// that could not be sent, and prints the team's weekly letters.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DemoServer } from './demo-server.js';
import { newContext, outputDir, screenshot, seriousViolations, signIn, withDemoServerAndBrowser } from './browser.js';

let server: DemoServer;
let browser: Browser;

withDemoServerAndBrowser((s, b) => {
  [server, browser] = [s, b];
});

describe("the coordinator's team day", () => {
  it("lists other teams' visits to the team's clients, the message panel, and prints the weekly letters as one PDF", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await signIn(page, server.url, 'samordnare');
      const others = page.getByRole('region', { name: /Andra lag hos våra brukare/ });
      await expect.poll(() => others.getByRole('listitem').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await others.textContent()).toMatch(/Servicegruppen|Kvällslaget/);
      await expect.poll(() => page.getByRole('region', { name: /Meddelanden till brukare/ }).textContent(), { timeout: 10_000 }).toMatch(/Alla meddelanden har gått fram|Kunde inte skickas/);
      const link = page.getByRole('link', { name: /Skriv ut veckobrev för hela laget/ });
      const href = await link.getAttribute('href');
      expect(href).toMatch(/^\/api\/teams\/[0-9a-f-]+\/weekly-letters$/);
      const pdf = await page.request.get(`${server.url}${href}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
      // The weekly job has not run yet in a fresh demo; the coordinator makes the letters now and sees when.
      const letters = page.getByRole('region', { name: 'Veckobrev' });
      await expect.poll(() => letters.textContent(), { timeout: 10_000 }).toMatch(/Breven för vecka \d+ är inte gjorda ännu/);
      await letters.getByRole('button', { name: 'Gör om breven efter dagens plan' }).click();
      await expect.poll(() => letters.textContent(), { timeout: 60_000 }).toMatch(/\d+ brev gjordes nu, 0 var redan aktuella/);
      await expect.poll(() => letters.textContent(), { timeout: 10_000 }).toMatch(/Breven för vecka \d+ gjordes senast .+ \((\d+) av \1 brukare\)/);
      await letters.screenshot({ path: `${outputDir}coordinator-weekly-letters.png` });
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'coordinator-extras');
    } finally {
      await context.close();
    }
  }, 90_000);
});
