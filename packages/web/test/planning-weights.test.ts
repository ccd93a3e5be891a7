// "Vad planeringen väger" in a real browser on the demo municipality: the coordinator opens the
// team's planning weights from the board's planning panel, reads each as minutes of travel beside
// its default and the continuity target as a percent beside the fixed contact's weight, is told
// beside the field when a figure is refused (an advanced one opens its section; a percent that is
// not whole is refused before it is sent), saves new figures, reloads and sees them; the team's
// staff read the same weights from "Min dag" with nothing to change; the coordinator goes back to
// the defaults. axe-core finds no serious or critical violations. Screenshots: test-output/planning-weights-desktop.png (board,
// 1280 px), planning-weights-board-phone.png (board, 390 px), planning-weights-staff-phone.png.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { weightsSchema } from '@tillit/planner';
import type { DemoServer } from './demo-server.js';
import { horizontalOverflow, newContext, outputDir, screenshot, seriousViolations, signIn, withDemoServerAndBrowser } from './browser.js';
import { apiAs } from './planning-server.js';

let server: DemoServer;
let browser: Browser;

withDemoServerAndBrowser((s, b) => {
  [server, browser] = [s, b];
});

const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 100 });
const phoneWidth = { width: 390, height: 844 };
const fixedContactMeans = (min: number) => `Att brukarens fasta omsorgskontakt gör besöket är värt upp till ${min} min extra restid.`;
/** A figure and its unit are kept together with a no-break space. */
const nb = '\u00a0';
const targetMeans = (percent: number) => `Minst ${percent}${nb}% av de besök som den fasta omsorgskontakten kan göra`;
/** The engine's defaults, read from its schema: the board shows them until the team sets its own. */
const engineDefaults = weightsSchema.parse({});
/** The default continuity target as the board shows it: a whole percent (0.9: 90). */
const defaultTargetPercent = Math.round(engineDefaults.continuityTarget * 100);

/** The coordinator's board, with the team's planning weights opened from the planning panel. */
async function openWeightsOnBoard(page: Page) {
  await page.getByRole('link', { name: 'Öppna morgontavlan – planera dagen' }).click();
  await page.locator('.lane').first().waitFor({ timeout: 15_000 });
  const toggle = page.getByRole('button', { name: 'Vad planeringen väger' });
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  const panel = page.getByRole('region', { name: 'Vad planeringen väger' });
  await panel.getByLabel('Fast omsorgskontakt').waitFor();
  return panel;
}

describe('what the planning weighs', () => {
  const coordinator = () => server.demo.users.find((u) => u.username === 'samordnare')!;
  const weightsUrl = () => `/api/teams/${coordinator().teamId}/planning-weights`;

  it('the coordinator changes a weight on the board, is told beside the field what was wrong, saves, reloads and sees it', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    try {
      await signIn(page, server.url, 'samordnare');
      const panel = await openWeightsOnBoard(page);
      expect(await panel.innerText()).toContain('Laget använder standardvikterna.');
      const fixed = panel.getByLabel('Fast omsorgskontakt');
      expect(await fixed.inputValue()).toBe(String(engineDefaults.notFixedContact));
      const fixedRow = panel.locator('[data-weight="notFixedContact"]');
      expect(await fixedRow.innerText()).toContain(fixedContactMeans(engineDefaults.notFixedContact));
      expect(await fixedRow.innerText()).toContain(`Standard: ${engineDefaults.notFixedContact}${nb}min`);
      // The continuity target sits right after the fixed contact's weight, in percent, not under "Avancerat".
      const target = panel.getByLabel('Kontinuitetsmål');
      const targetRow = panel.locator('[data-weight="continuityTarget"]');
      expect(await panel.locator('.weights').first().locator(':scope > li').evaluateAll((lis) => lis.slice(0, 2).map((li) => li.getAttribute('data-weight'))))
        .toEqual(['notFixedContact', 'continuityTarget']);
      expect(await target.isVisible()).toBe(true);
      expect(await target.inputValue()).toBe(String(defaultTargetPercent));
      expect(await targetRow.innerText()).toContain(targetMeans(defaultTargetPercent));
      expect(await targetRow.innerText()).toContain(`Standard: ${defaultTargetPercent}${nb}%`);
      // The advanced weights wait behind their disclosure.
      expect(await panel.getByLabel('Restidens vikt').isVisible()).toBe(false);

      // The sentence follows the figure as it is typed.
      await fixed.fill('25');
      await eventually(() => fixedRow.innerText()).toContain(fixedContactMeans(25));
      await target.fill('0');
      await eventually(() => targetRow.innerText()).toContain('Inget mål: planeringen väger den fasta omsorgskontakten bara med vikten');

      // A percent that is not whole is refused beside its field before anything is sent.
      await target.fill('92.5');
      await panel.getByRole('button', { name: 'Spara vikterna' }).click();
      await eventually(() => targetRow.locator('.field-error').textContent()).toBe('Skriv ett helt procenttal från 0 till 100.');
      expect(await panel.getByRole('alert').textContent()).toContain('Vikterna sparades inte. Rätta det som är markerat.');
      expect(await target.getAttribute('aria-invalid')).toBe('true');
      const coordinatorApi = await apiAs(server.url, 'samordnare');
      expect((await coordinatorApi('GET', weightsUrl())).body).toMatchObject({ own: false });

      // Refused figures are explained beside their fields, an advanced one opens its section; nothing is stored.
      await target.fill('150');
      await fixed.fill('500');
      await panel.locator('summary', { hasText: 'Avancerat' }).click();
      await panel.getByLabel('Restidens vikt').fill('50');
      await panel.locator('summary', { hasText: 'Avancerat' }).click();
      await panel.getByRole('button', { name: 'Spara vikterna' }).click();
      await eventually(() => panel.getByRole('alert').textContent()).toContain('Vikterna sparades inte. Rätta det som är markerat.');
      expect(await fixedRow.locator('.field-error').textContent()).toBe('Skriv ett tal från 0 till 240.');
      expect(await fixed.getAttribute('aria-invalid')).toBe('true');
      const travel = panel.getByLabel('Restidens vikt');
      expect(await travel.isVisible()).toBe(true);
      expect(await panel.locator('[data-weight="travelPerMin"] .field-error').textContent()).toBe('Skriv ett tal från 0 till 10.');
      expect(await travel.getAttribute('aria-describedby')).toContain('weight-travelPerMin-error');
      // 150 % went to the server as 1.5, and is explained in percent, not as a share up to 1.
      expect(await targetRow.locator('.field-error').textContent()).toBe('Skriv ett helt procenttal från 0 till 100.');
      expect((await coordinatorApi('GET', weightsUrl())).body).toMatchObject({
        own: false, notFixedContact: engineDefaults.notFixedContact, continuityTarget: engineDefaults.continuityTarget, travelPerMin: 1,
      });

      await fixed.fill('25');
      await travel.fill('1');
      await target.fill('95');
      await eventually(() => targetRow.innerText()).toContain(targetMeans(95));
      await panel.getByRole('button', { name: 'Spara vikterna' }).click();
      await eventually(() => panel.getByRole('status').textContent()).toContain('Vikterna är sparade.');
      // The API holds the share, not the percent.
      expect((await coordinatorApi('GET', weightsUrl())).body).toMatchObject({ own: true, notFixedContact: 25, continuityTarget: 0.95, travelPerMin: 1 });
      expect(await targetRow.locator('.field-error').count()).toBe(0);

      await page.reload();
      await page.locator('.lane').first().waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: 'Vad planeringen väger' }).click();
      const again = page.getByRole('region', { name: 'Vad planeringen väger' });
      await again.getByLabel('Fast omsorgskontakt').waitFor();
      expect(await again.getByLabel('Fast omsorgskontakt').inputValue()).toBe('25');
      expect(await again.locator('[data-weight="notFixedContact"]').innerText()).toContain(fixedContactMeans(25));
      expect(await again.getByLabel('Kontinuitetsmål').inputValue()).toBe('95');
      expect(await again.locator('[data-weight="continuityTarget"]').innerText()).toContain(targetMeans(95));
      expect(await again.locator('.weights-whose').innerText()).toMatch(new RegExp(`^Lagets egna vikter, ändrade .+ av ${coordinator().displayName}\\.$`));

      expect(await seriousViolations(page), 'axe on the board with the weights open').toEqual([]);
      await again.screenshot({ path: `${outputDir}planning-weights-desktop.png` });

      await page.setViewportSize(phoneWidth);
      await again.locator('summary', { hasText: 'Avancerat' }).click();
      expect(await horizontalOverflow(page)).toBe(0);
      await again.screenshot({ path: `${outputDir}planning-weights-board-phone.png` });
    } catch (e) {
      await screenshot(page, 'planning-weights-failure');
      throw e;
    } finally {
      await ctx.close();
    }
  }, 60_000);

  it("the team's staff read the weights from their day, with nothing to change", async () => {
    const ctx = await newContext(browser, phoneWidth);
    const page = await ctx.newPage();
    try {
      await signIn(page, server.url, 'personal');
      await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Min dag');
      await page.getByRole('link', { name: 'Vad planeringen väger – lagets vikter' }).click();
      await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Vad planeringen väger');
      const panel = page.getByRole('region', { name: 'Vad planeringen väger' });
      await panel.locator('[data-weight="notFixedContact"]').waitFor();
      expect(await panel.locator('[data-weight="notFixedContact"]').innerText()).toContain(`Fast omsorgskontakt: 25${nb}min`);
      expect(await panel.locator('[data-weight="notFixedContact"]').innerText()).toContain(fixedContactMeans(25));
      expect(await panel.locator('[data-weight="continuityTarget"]').innerText()).toContain(`Kontinuitetsmål: 95${nb}%`);
      expect(await panel.locator('[data-weight="continuityTarget"]').innerText()).toContain(targetMeans(95));
      expect(await panel.innerText()).toContain('Samordnaren eller enhetschefen kan ändra vikterna.');
      expect(await panel.getByRole('spinbutton').count()).toBe(0);
      expect(await panel.getByRole('button', { name: 'Spara vikterna' }).count()).toBe(0);
      expect(await panel.getByRole('button', { name: 'Återställ standard' }).count()).toBe(0);
      await panel.locator('summary', { hasText: 'Avancerat' }).click();
      expect(await panel.locator('[data-weight="movedFromPrevious"]').innerText()).toContain(`Behålla dagens plan: 200${nb}min`);
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await seriousViolations(page), 'axe on the staff view of the weights').toEqual([]);
      await screenshot(page, 'planning-weights-staff-phone');
      // The server refuses a change from staff all the same.
      const staffApi = await apiAs(server.url, 'personal');
      expect((await staffApi('DELETE', weightsUrl())).status).toBe(403);
    } catch (e) {
      await screenshot(page, 'planning-weights-staff-failure');
      throw e;
    } finally {
      await ctx.close();
    }
  }, 60_000);

  it('the coordinator goes back to the defaults', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    try {
      await signIn(page, server.url, 'samordnare');
      const panel = await openWeightsOnBoard(page);
      expect(await panel.getByLabel('Fast omsorgskontakt').inputValue()).toBe('25');
      expect(await panel.getByLabel('Kontinuitetsmål').inputValue()).toBe('95');
      await panel.getByRole('button', { name: 'Återställ standard' }).click();
      await eventually(() => panel.getByRole('status').textContent()).toContain('Laget använder standardvikterna igen.');
      expect(await panel.getByLabel('Fast omsorgskontakt').inputValue()).toBe(String(engineDefaults.notFixedContact));
      expect(await panel.getByLabel('Kontinuitetsmål').inputValue()).toBe(String(defaultTargetPercent));
      expect(await panel.locator('.weights-whose').innerText()).toBe('Laget använder standardvikterna.');
      expect((await (await apiAs(server.url, 'samordnare'))('GET', weightsUrl())).body).toMatchObject({
        own: false, notFixedContact: engineDefaults.notFixedContact, continuityTarget: engineDefaults.continuityTarget,
      });
    } finally {
      await ctx.close();
    }
  }, 60_000);
});
