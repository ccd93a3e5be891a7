// The client's own view in a real browser on the demo municipality: a Swedish client on a phone
// (and at 200 % text) and an Arabic client (right to left) see today and seven days with the
// right visits and names and what changed; "something went wrong" reaches the coordinator; a
// relative sees the same and makes and revokes a calendar feed. Screenshots go to test-output/.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DemoMunicipality, DemoUser } from '@tillit/demo';
import { demoToday, type DemoServer } from './demo-server.js';
import { newContext, outputDir, phone, screenshot, seriousViolations, signIn, withDemoServerAndBrowser } from './browser.js';

let server: DemoServer;
let browser: Browser;
let demo: DemoMunicipality;

withDemoServerAndBrowser((s, b) => {
  [server, browser, demo] = [s, b, s.demo];
});

const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 100 });
const tomorrow = '2026-11-26';

type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

/** Sign in over HTTP (no browser) for the team's side of the story. */
async function api(username: string): Promise<Call> {
  const r = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'tillit' }) });
  expect(r.status).toBe(200);
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return async (method, path, body) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  };
}

function user(username: string): DemoUser {
  const u = demo.users.find((x) => x.username === username);
  if (!u) throw new Error(`the demo has no user ${username}`);
  return u;
}

/** The team's board publishes a day: from then on clients see who comes. */
async function publish(teamId: string, date: string): Promise<void> {
  const who = user('samordnare').teamId === teamId ? 'samordnare' : 'chef';
  const call = await api(who);
  const plan = (await call('GET', `/api/teams/${teamId}/days/${date}/plan`)).body;
  expect((await call('POST', `/api/teams/${teamId}/days/${date}/publish`, { version: plan.version })).status).toBe(200);
}

/** The client's visits from today through seven days on, as the demo planned them. */
function weekOf(clientId: string) {
  const last = '2026-12-02';
  return demo.visits.filter((v) => v.clientId === clientId && v.date >= demoToday && v.date <= last && v.status !== 'missed');
}

const firstName = (staffId: string) => demo.staff.find((s) => s.id === staffId)!.firstName;
/** Text as the reader sees it, without the invisible direction isolates. */
const mainText = async (page: Page) => (await page.locator('main').innerText()).replace(/[\u2066-\u2069]/g, '');

async function open(page: Page, username: string, heading: string | RegExp) {
  await signIn(page, server.url, username);
  await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(heading);
  await page.locator('.cw-day').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading'), undefined, { timeout: 10_000 });
}

/** Elements of the page that stick out of the window sideways (either edge, for right to left). */
const sticksOut = (page: Page) => page.evaluate(() => [...document.querySelectorAll('main *')]
  .filter((e) => { const r = e.getBoundingClientRect(); return r.right > document.documentElement.clientWidth + 1 || r.left < -1; })
  .map((e) => `${e.tagName}.${e.className}`));

describe('the client view', () => {
  it('a Swedish client on a phone sees today and seven days with time windows, who comes by name, what changed, and the fixed contact; also at 200 % text', async () => {
    const u = user('brukare');
    const client = demo.clients.find((c) => c.id === u.clientId)!;
    const teamId = user('samordnare').teamId!;
    await publish(teamId, demoToday);
    await publish(teamId, tomorrow);
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await open(page, 'brukare', 'Mina besök');
      // The team moves tomorrow's visit to someone else while the client is away from the page.
      const coordinator = await api('samordnare');
      const v = weekOf(client.id).find((x) => x.date === tomorrow && x.teamId === teamId && x.staffIds.length === 1)!;
      const day = (await coordinator('GET', `/api/teams/${teamId}/days/${tomorrow}`)).body;
      const other = day.staff.find((s: { firstName: string; shift: unknown; absence: unknown }) => s.shift && !s.absence && s.firstName !== firstName(v.staffIds[0]!));
      const version = (await coordinator('GET', `/api/teams/${teamId}/days/${tomorrow}/plan`)).body.version;
      expect((await coordinator('PATCH', `/api/teams/${teamId}/days/${tomorrow}/visits/${v.id}`, { version, staffIds: [other.id], acceptViolations: true })).status).toBe(200);
      await page.reload();
      await page.locator('.cw-day').first().waitFor();

      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['sv', 'ltr']);
      const body = await mainText(page);
      expect(body).toContain('I dag, onsdag 25 november');
      expect(body).toContain('I morgon, torsdag 26 november');
      expect(body).toContain('Onsdag 2 december');
      const week = weekOf(client.id);
      for (const x of week) expect(body).toContain(`Mellan ${x.windowStart} och ${x.windowEnd}`);
      expect(await page.locator('.cw-visit').count()).toBe(week.length);
      // Today is published: each of the team's visits names who comes.
      const todayNames = week.filter((y) => y.date === demoToday && y.teamId === teamId).flatMap((y) => y.staffIds.map(firstName));
      const todayText = await page.locator('.cw-day').first().innerText();
      for (const n of todayNames) expect(todayText).toContain(n);
      // Days the team has not published say so instead of guessing.
      expect(body).toContain('Personal meddelas senare');
      // What changed since the client last looked is highlighted, in words.
      expect(body).toContain(`${other.firstName} kommer i stället för ${firstName(v.staffIds[0]!)}`);
      expect(await page.locator('.cw-changed').count()).toBeGreaterThan(0);
      const fixed = demo.staff.find((s) => s.id === client.fixedContactStaffId)!;
      expect(body).toContain(`${fixed.firstName} ${fixed.lastName}`);
      expect(body).toContain('Din fasta omsorgskontakt');
      const team = demo.teams.find((t) => t.id === client.teamId)!;
      expect(await page.locator('a[href^="tel:"]').getAttribute('href')).toBe(`tel:${team.phone.replace(/[^\d+]/g, '')}`);
      expect(await page.getByRole('link', { name: /Skriv ut veckobrevet/ }).getAttribute('href')).toBe(`/api/clients/${client.id}/weekly-letter`);
      const fontSize = await page.locator('.cw-time').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(22);
      expect(await seriousViolations(page), 'axe on the client view').toEqual([]);
      expect(await sticksOut(page), 'nothing wider than 375 px').toEqual([]);
      await screenshot(page, 'client-sv');
      await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
      expect(await sticksOut(page), 'nothing wider than 375 px with 200 % text').toEqual([]);
      await screenshot(page, 'client-sv-200');
    } finally {
      await context.close();
    }
  });

  it('an Arabic-speaking client reads the view in Arabic, right to left, with the right times and names', async () => {
    const u = user('brukare.ar');
    const client = demo.clients.find((c) => c.id === u.clientId)!;
    await publish(client.teamId, demoToday).catch(() => undefined);
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await open(page, 'brukare.ar', 'زياراتي');
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
      const body = await mainText(page);
      expect(body).toContain('اليوم');
      const week = weekOf(client.id);
      for (const x of week) expect(body).toContain(`بين الساعة ${x.windowStart} و ${x.windowEnd}`);
      const today = await page.locator('.cw-day').first().innerText();
      for (const x of week.filter((y) => y.date === demoToday && y.teamId === client.teamId && y.status === 'planned')) {
        for (const s of x.staffIds) expect(today).toContain(firstName(s));
      }
      const fixed = demo.staff.find((s) => s.id === client.fixedContactStaffId)!;
      expect(body).toContain(`${fixed.firstName} ${fixed.lastName}`);
      expect(body).toContain('مسؤول الرعاية الثابت لك');
      // The page's text starts at the right edge.
      const align = await page.locator('.cw-time').first().evaluate((el) => {
        const r = el.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(el);
        const text = range.getBoundingClientRect();
        return { rightGap: r.right - text.right, leftGap: text.left - r.left };
      });
      expect(align.rightGap).toBeLessThan(align.leftGap);
      expect(await seriousViolations(page), 'axe on the Arabic client view').toEqual([]);
      expect(await sticksOut(page)).toEqual([]);
      await screenshot(page, 'client-ar');
      await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
      expect(await sticksOut(page), 'nothing of the Arabic view wider than 375 px with 200 % text').toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the Arabic client's header, skip link, language choice and sign-out are Arabic and right to left, on a phone and at 200 % text", async () => {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await open(page, 'brukare.ar', 'زياراتي');
      const header = page.getByRole('banner');
      await eventually(() => header.textContent()).toContain('تسجيل الخروج');
      const headerText = (await header.innerText()).replace(/[\u2066-\u2069]/g, '');
      expect(headerText).toContain('عميل');
      expect(headerText).toContain(user('brukare.ar').displayName);
      for (const staffWord of ['Logga ut', 'Brukare', 'Sign out', 'Client', 'Välj språk']) expect(headerText).not.toContain(staffWord);
      // The staff header's Swedish/English switch gives way to the six languages of the client view.
      expect(await header.locator('.language-switch').count()).toBe(0);
      expect(await header.locator('option').allTextContents()).toEqual(['Svenska', 'English', 'Suomi', 'العربية', 'Soomaali', 'فارسی']);
      expect(await header.evaluate((el) => [el.getAttribute('lang'), el.getAttribute('dir'), getComputedStyle(el).direction])).toEqual(['ar', 'rtl', 'rtl']);
      expect(await page.locator('.skip-link').evaluate((el) => [el.textContent, el.getAttribute('dir')])).toEqual(['انتقل إلى المحتوى', 'rtl']);
      expect(await page.getByRole('combobox', { name: 'اختر اللغة' }).inputValue()).toBe('ar');
      expect(await page.getByRole('button', { name: 'تسجيل الخروج' }).isVisible()).toBe(true);
      // Right to left: the brand sits at the right edge and sign-out at the left.
      const [brand, signOut] = await Promise.all([page.locator('.cw-header .brand').boundingBox(), page.getByRole('button', { name: 'تسجيل الخروج' }).boundingBox()]);
      expect(brand!.x).toBeGreaterThan(signOut!.x);
      expect(await seriousViolations(page), 'axe on the Arabic header').toEqual([]);
      await screenshot(page, 'client-ar-header');
      await header.screenshot({ path: `${outputDir}client-ar-header-bar.png` });
      // The skip link shows when focused, at the right-hand edge where Arabic starts, and leads to the content.
      await page.locator('.skip-link').focus();
      const skip = (await page.locator('.skip-link').boundingBox())!;
      expect(skip.y).toBeGreaterThanOrEqual(0);
      expect(skip.x + skip.width).toBeGreaterThan(phone.width - 40);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
      const outside = await page.evaluate(() => [...document.querySelectorAll('header *')]
        .filter((e) => { const r = e.getBoundingClientRect(); return r.right > document.documentElement.clientWidth + 1 || r.left < -1; })
        .map((e) => `${e.tagName}.${e.className}`));
      expect(outside, 'nothing of the Arabic header wider than 375 px with 200 % text').toEqual([]);
      await screenshot(page, 'client-ar-header-200');
      await header.screenshot({ path: `${outputDir}client-ar-header-bar-200.png` });
      await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
      // The header's language choice changes the page and the header together, and back.
      await page.getByRole('combobox', { name: 'اختر اللغة' }).selectOption('sv');
      await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mina besök');
      await eventually(() => header.textContent()).toContain('Logga ut');
      expect(await header.getAttribute('dir')).toBe('ltr');
      await page.getByRole('combobox', { name: 'Välj språk' }).selectOption('ar');
      await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('زياراتي');
      await eventually(() => header.textContent()).toContain('تسجيل الخروج');
    } finally {
      await context.close();
    }
  });

  it('a Finnish-speaking client reads the view in Finnish', async () => {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await open(page, 'brukare.fi', 'Käyntini');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fi');
      const body = await mainText(page);
      expect(body).toContain('Tänään');
      const client = demo.clients.find((c) => c.id === user('brukare.fi').clientId)!;
      for (const x of weekOf(client.id)) expect(body).toContain(`Kello ${x.windowStart} ja ${x.windowEnd} välillä`);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'client-fi');
    } finally {
      await context.close();
    }
  });

  it('"Något blev fel" works by keyboard alone, creates a deviation the coordinator sees, and shows its status', async () => {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await open(page, 'brukare', 'Mina besök');
      // Every control is reached with Tab and has a name.
      const reached: string[] = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const name = await page.evaluate(() => {
          const e = document.activeElement as HTMLElement | null;
          return e ? (e.getAttribute('aria-label') ?? e.innerText ?? '').trim() : '';
        });
        reached.push(name);
        if (name === 'Något blev fel') break;
      }
      expect(reached).toContain('Något blev fel');
      expect(reached.some((n) => /^Ring /.test(n))).toBe(true);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      // Tab enters the radio group at its first choice; Space chooses it.
      await page.keyboard.press('Space');
      expect(await page.getByRole('radio', { name: 'Ingen kom' }).isChecked()).toBe(true);
      await page.keyboard.press('Tab');
      await page.keyboard.type('Ingen kom på morgonen, jag väntade till tio.');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await eventually(() => page.locator('.cw-thanks').textContent()).toContain('Tack!');
      await eventually(() => mainText(page)).toContain('Det du har berättat');
      expect(await page.locator('.cw-reports').innerText()).toContain('Mottaget');
      expect(await seriousViolations(page), 'axe after reporting').toEqual([]);

      const coordinator = await api('samordnare');
      const list = (await coordinator('GET', '/api/deviations')).body.items as { clientId: string; type: string; source: string; description: string; state: string }[];
      const mine = list.find((d) => d.clientId === user('brukare').clientId && d.description.includes('jag väntade till tio'));
      expect(mine).toMatchObject({ type: 'missed_visit', source: 'client', state: 'reported' });
      expect(mine!.description).toMatch(/^Ingen kom: /);
    } finally {
      await context.close();
    }
  });

  it('a relative with consent sees the same view of the client and makes, copies and revokes a calendar feed', async () => {
    const u = user('anhorig');
    const client = demo.clients.find((c) => c.id === u.clientId)!;
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await open(page, 'anhorig', `Besök hos ${client.firstName} ${client.lastName}`);
      const body = await mainText(page);
      for (const x of weekOf(client.id)) expect(body).toContain(`Mellan ${x.windowStart} och ${x.windowEnd}`);
      expect(body).toContain('Fast omsorgskontakt');
      await page.getByRole('button', { name: 'Gör en kalenderlänk' }).click();
      const field = page.getByLabel('Din kalenderlänk');
      await eventually(() => field.inputValue()).toMatch(/\/api\/calendar\/[\w-]+\.ics$/);
      const url = await field.inputValue();
      const feed = await fetch(url);
      expect(feed.status).toBe(200);
      expect(await feed.text()).toContain('BEGIN:VCALENDAR');
      expect(await seriousViolations(page), 'axe on the relative view').toEqual([]);
      await screenshot(page, 'relative');
      await page.getByRole('button', { name: 'Stäng av länken' }).first().click();
      await eventually(async () => (await fetch(url)).status).toBe(404);
    } finally {
      await context.close();
    }
  });

  it('a client chooses another of the six languages on the page, and the account keeps it', async () => {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await open(page, 'brukare', 'Mina besök');
      const cases = [
        { button: 'Soomaali', lang: 'so', dir: 'ltr', heading: 'Booqashooyinkayga', shot: 'client-so' },
        { button: 'فارسی', lang: 'fa', dir: 'rtl', heading: 'ملاقات‌های من', shot: 'client-fa' },
        { button: 'English', lang: 'en', dir: 'ltr', heading: 'My visits', shot: 'client-en' },
      ];
      for (const c of cases) {
        await page.getByRole('button', { name: c.button, exact: true }).last().click();
        await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(c.heading);
        expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([c.lang, c.dir]);
        await eventually(() => page.evaluate(async () => (await (await fetch('/api/auth/session')).json()).user.locale)).toBe(c.lang);
        expect(await seriousViolations(page), `axe in ${c.lang}`).toEqual([]);
        await screenshot(page, c.shot);
      }
      await page.getByRole('button', { name: 'Svenska', exact: true }).last().click();
      await eventually(() => page.evaluate(async () => (await (await fetch('/api/auth/session')).json()).user.locale)).toBe('sv');
    } finally {
      await context.close();
    }
  });

  it('a relative without consent sees no client, only why', async () => {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await signIn(page, server.url, 'anhorig.utan');
      await eventually(() => page.locator('main').innerText()).toContain('Ingen brukare har gett samtycke');
      expect(await page.locator('.cw-day').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
