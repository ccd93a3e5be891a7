// The staff member's day on the phone in a real browser (issue 5): the published day at 375 px
// (and at 200 % text), the app opening offline from its service worker with the day from
// IndexedDB, a done-mark with a note made offline and sent when the connection returns, the
// coordinator seeing it done, and a conflict shown with both versions when the same visit was
// recorded elsewhere meanwhile. The phone day is photographed to test-output/phone-day.png.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoMunicipality } from '@tillit/demo';
import type { RunningServer } from '@tillit/server';
import { apiAs, startPlanningServer, suggestAndApply, type Call } from './planning-server.js';
import { demoToday, fixedNow } from './demo-server.js';
import { desktop, horizontalOverflow, launchBrowser, newContext, outputDir, phone, screenshot, seriousViolations, signIn } from './browser.js';

let server: RunningServer;
let base: string;
let browser: Browser;
let demo: DemoMunicipality;

beforeAll(async () => {
  ({ server, base, demo } = await startPlanningServer(() => fixedNow, '1'));
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Sign in over HTTP (no browser) for set-up and measurements. */
const api = (username: string): Promise<Call> => apiAs(base, username);

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;
const clientName = (id: string) => fullName(demo.clients.find((c) => c.id === id)!);

function myPlannedVisits(username: string) {
  const u = demo.users.find((x) => x.username === username)!;
  const mine = demo.visits.filter((v) => v.date === demoToday && v.staffIds.includes(u.staffId!) && v.status === 'planned');
  // In the order the phone shows them (by planned start).
  return { user: u, visits: mine.sort((a, b) => (a.plannedStart ?? a.windowStart).localeCompare(b.plannedStart ?? b.windowStart)) };
}

async function openPhoneDay(page: Page) {
  await signIn(page, base, 'personal');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('Min dag');
  await page.locator('.phone-visit').first().waitFor();
}

/** A visit's card, by client (and window, when the client has more than one visit today). */
const card = (page: Page, client: string, window?: { windowStart: string; windowEnd: string }) => page.locator('article.phone-visit')
  .filter({ hasText: client })
  .filter({ hasText: window ? `${window.windowStart.slice(0, 5)}–${window.windowEnd.slice(0, 5)}` : '' })
  .first();

async function markDone(page: Page, client: string, note: string, window?: { windowStart: string; windowEnd: string }) {
  const c = card(page, client, window);
  await c.getByRole('button', { name: `Klar – ${client}` }).click();
  await c.getByLabel('Anteckning (frivillig)').fill(note);
  await c.getByRole('button', { name: 'Spara som klart' }).click();
}

describe('the phone day', () => {
  it('a staff member on a phone sees the published day, marks a visit done with a note while offline, and the coordinator sees it done once the phone is back online', async () => {
    const coordinator = await api('samordnare');
    const teamId = demo.users.find((u) => u.username === 'samordnare')!.teamId!;
    const plan = (await coordinator('GET', `/api/teams/${teamId}/days/${demoToday}/plan`)).body;
    expect((await coordinator('POST', `/api/teams/${teamId}/days/${demoToday}/publish`, { version: plan.version })).status).toBe(200);
    const { visits } = myPlannedVisits('personal');
    expect(visits.length).toBeGreaterThan(1);
    const first = visits[0]!;
    const client = clientName(first.clientId);

    // No fake clock in this context: the phone never reads the device's clock for the day (the
    // server names it), and Playwright's fixed clock stalls a page opened offline from the worker.
    const context = await browser.newContext({ viewport: phone, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    const page = await context.newPage();
    try {
      await openPhoneDay(page);
      const body = await page.locator('main').innerText();
      for (const v of visits) expect(body).toContain(clientName(v.clientId));
      expect(body).toContain(`${first.windowStart.slice(0, 5)}–${first.windowEnd.slice(0, 5)}`);
      expect(body).toContain(demo.clients.find((c) => c.id === first.clientId)!.street);
      expect(body).toContain('Lagets dag');
      expect(await page.locator('a[href^="geo:"]').count()).toBeGreaterThanOrEqual(visits.length);
      expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
      expect(await seriousViolations(page), 'axe on the phone day').toEqual([]);
      expect(await horizontalOverflow(page), 'no sideways scrolling at 375 px').toBeLessThanOrEqual(0);
      await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
      // The page's own content; the shell's header is the shell's (its language buttons do not wrap yet).
      const wider = () => page.evaluate(() => [...document.querySelectorAll('main *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((e) => e.className));
      expect(await wider(), 'nothing of the day is wider than 375 px with 200 % text').toEqual([]);
      await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
      // The service worker is installed (it keeps the app itself for opening offline).
      const sw = await page.evaluate(() => Promise.race([
        navigator.serviceWorker.ready.then((r) => r.active?.scriptURL ?? ''),
        new Promise<string>((r) => setTimeout(() => r('none'), 5000)),
      ]));
      expect(sw).toMatch(/\/sw\.js$/);

      // The day is kept on the phone (IndexedDB) for when the page opens without a connection.
      const kept = await page.evaluate(() => new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('tillit-phone');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('day').objectStore('day').get('day');
          get.onsuccess = () => resolve((get.result as { day: { visits: unknown[] } }).day.visits.length);
          get.onerror = () => reject(get.error);
        };
      }));
      expect(kept).toBe(await page.locator('article.phone-visit').count());

      await context.setOffline(true);
      await expect.poll(() => page.locator('main').innerText()).toContain('Du är utan uppkoppling');
      // Opened again without a connection: the app from the service worker, the day from IndexedDB.
      await page.reload({ timeout: 15_000 });
      await card(page, client, first).waitFor({ timeout: 10_000 });
      expect(await page.locator('main').innerText()).toMatch(/Du är utan uppkoppling[\s\S]*Visar dagen som hämtades/);
      await markDone(page, client, 'Ville ha kaffe efteråt, pratade om barnbarnen.', first);
      await expect.poll(() => card(page, client, first).innerText()).toContain('Klart – väntar på uppkoppling');
      expect(await page.locator('main').innerText()).toContain('1 markering väntar på att skickas');

      await context.setOffline(false);
      await expect.poll(() => page.locator('.ok-note').first().textContent(), { timeout: 10_000 }).toContain('Sparat i Tillit');
      await expect.poll(() => card(page, client, first).innerText()).toMatch(/Klart \d\d:\d\d–\d\d:\d\d/);
      await expect.poll(() => card(page, client, first).innerText()).toContain('Anteckning: Ville ha kaffe efteråt');
      await screenshot(page, 'phone-day');

      const day = (await coordinator('GET', `/api/teams/${teamId}/days/${demoToday}`)).body;
      expect(day.visits.find((v: { id: string }) => v.id === first.id).status).toBe('done');
      const desk = await newContext(browser, desktop);
      const board = await desk.newPage();
      await signIn(board, base, 'samordnare');
      await expect.poll(() => board.locator('tr').filter({ hasText: client }).first().innerText(), { timeout: 10_000 }).toContain('Utfört');
      await desk.close();
    } catch (e) {
      await screenshot(page, 'phone-day-failure');
      throw e;
    } finally {
      await context.close();
    }
  }, 60_000);

  it('shows both versions when a visit marked done offline was recorded elsewhere meanwhile, and keeps the one the person chooses', async () => {
    const coordinator = await api('samordnare');
    const { visits } = myPlannedVisits('personal');
    const second = visits[1]!;
    const client = clientName(second.clientId);
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    try {
      await openPhoneDay(page);
      await context.setOffline(true);
      await markDone(page, client, 'Min anteckning från telefonen', second);
      await expect.poll(() => card(page, client, second).innerText()).toContain('väntar på uppkoppling');
      // Meanwhile the coordinator records the same visit (the first try learns its version).
      const record = (baseVersion: number) => coordinator('POST', `/api/visits/${second.id}/record`, { mutationId: `coordinator-${second.id}`, baseVersion, status: 'done', note: 'Samordnarens anteckning' });
      let r = await record(1);
      if (r.status === 409) r = await record(r.body.current.version);
      expect(r.status).toBe(200);

      await context.setOffline(false);
      const conflict = page.getByRole('group', { name: `Besöket hos ${client} ändrades någon annanstans` });
      await conflict.waitFor({ timeout: 10_000 });
      const text = await conflict.innerText();
      expect(text).toContain('Min anteckning från telefonen');
      expect(text).toContain('Samordnarens anteckning');
      expect(await seriousViolations(page), 'axe with a conflict shown').toEqual([]);
      await conflict.getByRole('button', { name: 'Behåll versionen i Tillit' }).click();
      await conflict.waitFor({ state: 'detached' });
      await expect.poll(() => card(page, client, second).innerText()).toContain('Klart');
    } catch (e) {
      await screenshot(page, 'phone-conflict-failure');
      throw e;
    } finally {
      await context.close();
    }
  }, 60_000);

  it('a staff member offers a visit to anyone in the team, and the coordinator confirms the swap on the board', async () => {
    const coordinator = await api('samordnare');
    const teamId = demo.users.find((u) => u.username === 'samordnare')!.teamId!;
    const { visits, user } = myPlannedVisits('personal');
    const offered = visits.find((v, i) => i >= 2 && v.staffCount === 1)!;
    const client = clientName(offered.clientId);
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    const desk = await newContext(browser, desktop);
    const board = await desk.newPage();
    try {
      await openPhoneDay(page);
      const c = card(page, client, offered);
      await c.getByRole('button', { name: `Erbjud byte – ${client}` }).click();
      await c.getByLabel('Meddelande (frivilligt)').fill('Tandläkare kl. 14');
      await c.getByRole('button', { name: 'Skicka förfrågan' }).click();
      await expect.poll(() => c.innerText()).toContain('Förfrågan är skickad');

      await signIn(board, base, 'samordnare');
      await board.getByRole('link', { name: 'Öppna morgontavlan – planera dagen' }).click();
      const swaps = board.getByRole('region', { name: /Byten från personalen/ });
      await expect.poll(() => swaps.innerText(), { timeout: 10_000 }).toContain(`${fullName(demo.staff.find((s) => s.id === user.staffId)!)} vill lämna besöket hos ${client}`);
      expect(await swaps.innerText()).toContain('Tandläkare kl. 14');
      const colleague = (await coordinator('GET', `/api/teams/${teamId}/days/${demoToday}`)).body.staff
        .find((s: { id: string; shift: unknown; absence: unknown }) => s.id !== user.staffId && s.shift && !s.absence);
      await swaps.getByLabel('Till vem').selectOption(colleague.id);
      await swaps.getByRole('button', { name: 'Bekräfta bytet' }).click();
      await expect.poll(() => board.getByRole('status').first().textContent()).toContain('Bytet är bekräftat');
      const day = (await coordinator('GET', `/api/teams/${teamId}/days/${demoToday}`)).body;
      expect(day.visits.find((v: { id: string }) => v.id === offered.id).staff.map((s: { id: string }) => s.id)).toEqual([colleague.id]);
    } finally {
      await desk.close();
      await context.close();
    }
  }, 60_000);

  it("a service worker's phone lists an errand trip's deliveries in order, each with its client's address and map link", async () => {
    const service = demo.teams.find((t) => t.kind === 'service')!;
    const chef = await api('chef');
    const serviceDay = `/api/teams/${service.id}/days/${demoToday}`;
    await suggestAndApply(chef, serviceDay);
    type Trip = { id: string; staffId: string | null; start: string | null; stops: { visitId: string | null; start: string | null }[] };
    const trip = ((await chef('GET', `${serviceDay}/plan`)).body.trips as Trip[]).find((t) => t.staffId && t.start)!;
    // An account for the service worker who drives the trip: ordinary staff of the service group,
    // which has no clients of its own; staff read the clients of their visits today.
    const admin = await api('admin');
    const created = await admin('POST', '/api/admin/users', {
      username: 'service.trip', password: 'tillit-trip-2026', displayName: 'Servicepersonal', role: 'staff', teamId: service.id, staffId: trip.staffId,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    const context = await newContext(browser, phone);
    const page = await context.newPage();
    try {
      await signIn(page, base, 'service.trip', 'tillit-trip-2026');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('Min dag');
      const card = page.locator(`.phone-trip[data-trip-id="${trip.id}"]`);
      await card.waitFor({ timeout: 10_000 });
      expect(await card.locator('h2').innerText()).toMatch(new RegExp(`^${trip.start!.slice(0, 5)}\\s*(Inköpstur|Apotekstur|Inköps- och apotekstur)`));
      // The deliveries in order, as planned: each at the trip's start plus its offset.
      const order = await card.locator('.trip-order li').allInnerTexts();
      expect(order.map((x) => x.slice(0, 5))).toEqual(trip.stops.map((x) => x.start!.slice(0, 5)));
      // Each delivery is a visit card like any other, with its place on the trip, the address and the map link.
      const deliveries = page.locator('article.phone-visit').filter({ hasText: /Leverans \d+ av \d+ på turen/ });
      for (let i = 0; i < trip.stops.length; i++) {
        const c = page.locator('article.phone-visit').filter({ hasText: `Leverans ${i + 1} av ${trip.stops.length} på turen` }).first();
        expect((await c.locator('.address').innerText()).length).toBeGreaterThan(5);
        expect(await c.getByRole('link', { name: 'Öppna i kartappen' }).getAttribute('href')).toMatch(/^geo:/);
      }
      expect(await deliveries.count()).toBeGreaterThanOrEqual(trip.stops.length);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page), 'axe on the phone day with an errand trip').toEqual([]);
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${outputDir}phone-errand-trip.png` });
    } catch (e) {
      await screenshot(page, 'phone-errand-trip-failure');
      throw e;
    } finally {
      await context.close();
    }
  }, 90_000);
});
