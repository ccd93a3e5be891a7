// Issue 7's learning loop in a real browser on the demo municipality: the unit manager sees the
// demo's improvement whose study date has passed marked as overdue, starts a new improvement
// (plan–do–study–act) from a row of the learning table on the deviations page (the deviation type
// and team come along), records that the change started and what the study showed, and decides.
// The manager also sets the unit's own follow-up figures on the deviations page; a deadline that
// goes backwards is refused with the server's reason. Screenshots: test-output/improvements.png,
// follow-up-settings.png. axe-core finds no serious or critical violations.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoToday, type DemoServer } from './demo-server.js';
import { newContext, outputDir, seriousViolations, signIn, withDemoServerAndBrowser } from './browser.js';
import { apiAs } from './planning-server.js';

let server: DemoServer;
let browser: Browser;

withDemoServerAndBrowser((s, b) => {
  [server, browser] = [s, b];
});

const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 100 });

describe('improvements (plan–do–study–act) for a recurring cause', () => {
  it('the unit manager starts an improvement from the learning table and records the study of its effect', async () => {
    const chef = server.demo.users.find((u) => u.username === 'chef')!;
    const teamName = new Map(server.demo.teams.map((t) => [t.id, t.name]));
    const ctx = await newContext(browser, { width: 1280, height: 1300 });
    const page = await ctx.newPage();
    try {
      await signIn(page, server.url, 'chef');
      await page.getByRole('link', { name: 'Avvikelser' }).click();
      // The learning table: one row per week, team and type, each with "Starta förbättring".
      const row = page.locator('tr[data-learning-row]').filter({ hasText: 'Missat besök' }).first();
      await row.waitFor({ timeout: 15_000 });
      const [, teamId, type] = (await row.getAttribute('data-learning-row'))!.split('|') as [string, string, string];
      expect(type).toBe('missed_visit');
      await row.getByRole('link', { name: /Starta förbättring: Missat besök/ }).click();

      await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Förbättringsarbete (PGSA)');
      // The demo's improvement is under way and its study date has passed: listed first, marked.
      expect(await page.getByTestId('studies-due').innerText()).toContain('ska studeras nu');
      const seeded = page.locator('article.improvement').first();
      expect(await seeded.getAttribute('class')).toContain('study-due');
      expect(await seeded.innerText()).toMatch(/Ersättare inom 30 minuter vid bilstopp[\s\S]*Studien är försenad/);

      // Plan: the cause comes from the learning row.
      const form = page.locator('.plan-form');
      expect(await form.getByLabel('Avvikelsetyp').inputValue()).toBe('missed_visit');
      await eventually(() => form.getByLabel('Lag', { exact: true }).inputValue()).toBe(teamId);
      await form.getByLabel('Rubrik').fill('Dubbelkoll av listan efter omplanering');
      await form.getByLabel('Orsak', { exact: true }).fill('Besök faller bort när dagens lista ändras efter morgonmötet.');
      await form.getByLabel('Förändring vi provar').fill('Samordnaren går igenom alla besök efter varje ändring och bockar av dem.');
      await form.getByLabel('Vad vi tror händer').fill('Inga missade besök efter omplanering.');
      await form.getByLabel('Hur vi mäter').fill('Missade besök per vecka där orsaken är omplanering.');
      // Studied today, so the test can record the study (the server refuses a study before its date).
      await form.getByLabel('Datum att studera effekten').fill(demoToday);
      await form.getByRole('button', { name: 'Spara planen' }).click();
      await eventually(() => page.getByRole('status').first().innerText()).toContain('är planerad');

      const card = page.locator('article.improvement').filter({ hasText: 'Dubbelkoll av listan efter omplanering' });
      await card.waitFor();
      expect(await card.getByTestId('improvement-state').textContent()).toBe('Planerad');
      expect(await card.innerText()).toContain(`Missat besök, ${teamName.get(teamId)}`);
      expect(await card.innerText()).toContain('Studera effekten i dag');

      // Do: the change started.
      await card.getByRole('button', { name: 'Spara att den startat' }).click();
      await eventually(() => card.getByTestId('improvement-state').textContent()).toBe('Pågår');
      // Study: what the measurement showed.
      await card.getByLabel('Vad visade mätningen?').fill('Två veckor utan missade besök efter omplanering, mot tre i veckan innan.');
      await card.getByRole('button', { name: 'Spara studien' }).click();
      await eventually(() => card.getByTestId('improvement-state').textContent()).toBe('Studerad');
      expect(await card.innerText()).toContain('Två veckor utan missade besök efter omplanering');
      expect(await card.getAttribute('class')).not.toContain('study-due');
      await card.evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: `${outputDir}improvements.png` });
      expect(await seriousViolations(page)).toEqual([]);

      // Act: keep the change.
      await card.getByLabel('Behåll förändringen').check();
      await card.getByRole('button', { name: 'Spara beslutet' }).click();
      await eventually(() => card.getByTestId('improvement-state').textContent()).toBe('Beslutad');

      const manager = await apiAs(server.url, 'chef');
      const items = (await manager('GET', `/api/units/${chef.unitId}/improvements`)).body.items as { title: string }[];
      expect(items.find((i) => i.title === 'Dubbelkoll av listan efter omplanering')).toMatchObject({
        deviationType: 'missed_visit', teamId, studyOn: demoToday, state: 'acted',
        study: { result: 'Två veckor utan missade besök efter omplanering, mot tre i veckan innan.', studiedOn: demoToday },
        act: { decision: 'adopt' },
      });
    } finally {
      await ctx.close();
    }
  }, 90_000);

  it("the unit manager sets the unit's own follow-up figures, and a deadline that goes backwards is refused", async () => {
    const chef = server.demo.users.find((u) => u.username === 'chef')!;
    const ctx = await newContext(browser, { width: 1280, height: 1100 });
    const page = await ctx.newPage();
    try {
      await signIn(page, server.url, 'chef');
      await page.getByRole('link', { name: 'Avvikelser' }).click();
      const panel = page.locator('.settings-panel');
      await panel.locator('summary').click();
      await eventually(() => panel.innerText()).toContain('Enheten använder standardvärdena.');
      expect(await panel.getByLabel('Kanske missat, minuter efter tidsfönstret').inputValue()).toBe('60');

      // A serious case's client told before its investigation: the server names the field.
      await panel.getByLabel('Allvarlig: timmar till Brukaren informerad').fill('12');
      await panel.getByRole('button', { name: 'Spara inställningarna' }).click();
      await eventually(() => panel.getByRole('alert').innerText()).toContain('/body/deviationDeadlines/serious/client_told');
      expect(await panel.getByRole('alert').innerText()).toContain('client_told must not be due before actions_decided');

      await panel.getByLabel('Allvarlig: timmar till Brukaren informerad').fill('120');
      await panel.getByLabel('Kanske missat, minuter efter tidsfönstret').fill('45');
      await panel.getByLabel('Måttlig: timmar till Utredd').fill('48');
      await panel.getByLabel('Utförd tid avviker från beviljad med mer än, procent').fill('20');
      await panel.getByRole('button', { name: 'Spara inställningarna' }).click();
      await eventually(() => panel.getByRole('status').innerText()).toBe('Inställningarna är sparade.');
      await eventually(() => panel.innerText()).toContain('Enheten har egna värden.');
      await panel.evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `${outputDir}follow-up-settings.png` });
      expect(await seriousViolations(page)).toEqual([]);

      const manager = await apiAs(server.url, 'chef');
      const saved = (await manager('GET', `/api/units/${chef.unitId}/follow-up-settings`)).body;
      expect(saved).toMatchObject({ own: true, missedVisits: { possiblyMissedAfterMin: 45, lateAfterMin: 30 }, followUpDeviationShare: 0.2 });
      expect(saved.deviationDeadlines.moderate.investigated).toBe(48);
      expect(saved.deviationDeadlines.serious.client_told).toBe(120);
    } finally {
      await ctx.close();
    }
  }, 60_000);
});
