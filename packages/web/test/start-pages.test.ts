// The web shell in a real browser: every demo role signs in through the login form and lands on
// its own start page with real data of its own scope (and none from outside it), axe-core finds no
// serious or critical violation, and each page is photographed into test-output/<role>.png.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DemoMunicipality, DemoUser } from '@tillit/demo';
import { demoToday, type DemoServer } from './demo-server.js';
import { desktop, horizontalOverflow, newContext, phone, screenshot, seriousViolations, signIn, withDemoServerAndBrowser } from './browser.js';

let server: DemoServer;
let browser: Browser;
let demo: DemoMunicipality;

withDemoServerAndBrowser((s, b) => {
  [server, browser, demo] = [s, b, s.demo];
});

// Each test waits at most 60 s: the browser tests share two cores with the rest of the run.

/** Wait for a condition as a user would: up to 10 s, since two cores are shared by the whole run. */
const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 100 });

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

function user(username: string): DemoUser {
  const u = demo.users.find((x) => x.username === username);
  if (!u) throw new Error(`the demo has no user ${username}`);
  return u;
}

function clientName(clientId: string): string {
  return fullName(demo.clients.find((c) => c.id === clientId)!);
}

function staffName(staffId: string): string {
  return fullName(demo.staff.find((s) => s.id === staffId)!);
}

/** A client with a visit today in another team, whose name no client of `teamId` shares. */
function outsiderToday(teamId: string): string {
  const inside = new Set(demo.clients.filter((c) => c.teamId === teamId).map(fullName));
  const visit = demo.visits.find((v) => v.date === demoToday && v.teamId !== teamId && !inside.has(clientName(v.clientId)));
  if (!visit) throw new Error('the demo has no visit today outside the team');
  return clientName(visit.clientId);
}

/** Open the role's start page, then check axe, take the screenshot and check the phone width. */
async function visitStartPage(username: string, role: string, heading: RegExp, check: (page: Page) => Promise<void>, viewport = desktop) {
  const context = await newContext(browser, viewport);
  const page = await context.newPage();
  try {
    await signIn(page, server.url, username);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(heading);
    // Every part of the page has loaded when no loading message is left.
    await page.waitForFunction(() => !document.querySelector('.loading'), undefined, { timeout: 10_000 });
    const header = page.getByRole('banner');
    await eventually(() => header.textContent()).toContain(user(username).displayName);
    await check(page);
    expect(await seriousViolations(page), `axe on the ${role} start page`).toEqual([]);
    await screenshot(page, role);
    if (viewport !== phone) await page.setViewportSize(phone);
    expect(await horizontalOverflow(page), `horizontal overflow of the ${role} page at 375 px`).toBeLessThanOrEqual(0);
    // Nothing typed at sign-in, and no query string at all, ends up in the address.
    const address = new URL(page.url());
    expect(address.search, 'no query string in the address').toBe('');
    expect(address.href, 'no password in the address').not.toContain('tillit');
  } finally {
    await context.close();
  }
}

const text = (page: Page) => page.locator('main').innerText();

/** How a client's page says that who comes is not decided yet. */
const notDecidedYet = /meddelas senare|inte bestämt/;

/** Sign in over HTTP, without the browser, and open a team's day (which reads its clients' visits). */
async function readTeamDayAs(username: string, teamId: string): Promise<void> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'tillit' }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const day = await fetch(`${server.url}/api/teams/${teamId}/days/${demoToday}`, { headers: { cookie } });
  expect(day.status).toBe(200);
}

describe('each demo role lands on its own start page with data of its own scope', { timeout: 60_000 }, () => {
  it('a coordinator sees today\'s visits of their team, with staff on shift and absent, and no other team\'s clients', async () => {
    const u = user('samordnare');
    const visitsToday = demo.visits.filter((v) => v.teamId === u.teamId && v.date === demoToday && v.status !== 'cancelled');
    const double = visitsToday.find((v) => v.staffCount > 1);
    await visitStartPage('samordnare', 'coordinator', /Dagens besök/, async (page) => {
      const body = await text(page);
      for (const v of visitsToday.slice(0, 5)) expect(body).toContain(clientName(v.clientId));
      expect(body).toContain(`${visitsToday.length} besök`);
      expect(body).toContain('I tjänst');
      expect(body).toContain('Frånvarande');
      if (double) expect(body).toContain('Dubbelbemanning');
      expect(body).not.toContain(outsiderToday(u.teamId!));
    });
  });

  it('a staff member sees "Min dag": their visits today in order, as time windows, with address, map link and key facts', async () => {
    const u = user('personal');
    const mine = demo.visits.filter((v) => v.date === demoToday && v.staffIds.includes(u.staffId!));
    expect(mine.length, 'the demo staff member has visits today').toBeGreaterThan(0);
    await visitStartPage('personal', 'staff', /Min dag/, async (page) => {
      const body = await text(page);
      for (const v of mine) expect(body).toContain(clientName(v.clientId));
      const first = mine[0]!;
      expect(body).toContain(`${first.windowStart.slice(0, 5)}–${first.windowEnd.slice(0, 5)}`);
      const client = demo.clients.find((c) => c.id === first.clientId)!;
      expect(body).toContain(client.street);
      expect(body).toContain(client.keyFacts.slice(0, 40));
      // In the order of the day: each client's first visit comes after the previous client's.
      const order = [...mine].sort((a, b) => (a.plannedStart ?? a.windowStart).localeCompare(b.plannedStart ?? b.windowStart));
      const positions = [...new Set(order.map((v) => clientName(v.clientId)))].map((name) => body.indexOf(name));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(await page.locator('a[href^="geo:"]').count(), 'a map link for every visit at home').toBeGreaterThanOrEqual(mine.filter((v) => !v.video).length);
      expect(body).not.toContain(outsiderToday(u.teamId!));
    }, phone);
  });

  it('a substitute sees only the clients of their own visits today', async () => {
    const u = user('vikarie');
    const mine = demo.visits.filter((v) => v.date === demoToday && v.staffIds.includes(u.staffId!));
    const mineClients = new Set(mine.map((v) => clientName(v.clientId)));
    expect(mine.length, 'the demo substitute has visits today').toBeGreaterThan(0);
    const teammate = demo.visits.find((v) => v.date === demoToday && v.teamId === u.teamId && !v.staffIds.includes(u.staffId!) && !mineClients.has(clientName(v.clientId)));
    await visitStartPage('vikarie', 'substitute', /Min dag/, async (page) => {
      const body = await text(page);
      for (const name of mineClients) expect(body).toContain(name);
      if (teammate) expect(body).not.toContain(clientName(teammate.clientId));
    }, phone);
  });

  it('a unit manager sees figures for each team of their unit and none of another unit', async () => {
    const u = user('chef');
    const mine = demo.teams.filter((t) => t.unitId === u.unitId);
    const others = demo.teams.filter((t) => t.unitId !== u.unitId && !mine.some((m) => m.name === t.name));
    await visitStartPage('chef', 'unit_manager', new RegExp(demo.units.find((x) => x.id === u.unitId)!.name), async (page) => {
      const body = await text(page);
      for (const t of mine) expect(body).toContain(t.name);
      for (const t of others) expect(body).not.toContain(t.name);
      expect(body).toContain('Missade besök, 14 dagar');
    });
  });

  it('a needs assessor sees this month\'s granted, planned and delivered hours per client', async () => {
    const someone = clientName(user('brukare').clientId!);
    await visitStartPage('handlaggare', 'needs_assessor', /Uppföljning/, async (page) => {
      const body = await text(page);
      expect(body).toMatch(/november 2026/i);
      expect(body).toContain(someone);
      expect(body).toMatch(/Beviljat[\s\S]*Planerat[\s\S]*Utfört/);
      expect(body).toMatch(/\d+,\d h/);
    });
  });

  it('finance sees this month\'s delivered care per client', async () => {
    const someone = clientName(user('brukare').clientId!);
    await visitStartPage('ekonomi', 'finance', /Debitering/, async (page) => {
      const body = await text(page);
      expect(body).toContain(someone);
      expect(body).toContain('Utförd tid totalt');
    });
  });

  it('a client sees "Mina besök": next visits with who is coming, their fixed contact and who read their data, in large text', async () => {
    const u = user('brukare');
    const client = demo.clients.find((c) => c.id === u.clientId)!;
    const comingToday = demo.visits.filter((v) => v.clientId === client.id && v.date === demoToday && v.staffIds.length > 0);
    // The coordinator opens the team's day, which lists this client: the client must see that read.
    const coordinator = user('samordnare');
    await readTeamDayAs(coordinator.username, coordinator.teamId!);
    await visitStartPage('brukare', 'client', /Mina besök/, async (page) => {
      const body = await text(page);
      expect(body).toContain('I dag');
      // Each of today's visits with its time; who comes is named once the team has published the
      // day, and until then the page says that it is not decided yet.
      for (const v of comingToday) {
        expect(body).toContain(v.windowStart.slice(0, 5));
        const first = demo.staff.find((p) => p.id === v.staffIds[0])!.firstName;
        expect(body).toMatch(new RegExp(`${first}|${notDecidedYet.source}`));
      }
      expect(body).toContain(staffName(client.fixedContactStaffId!));
      expect(body).toContain('Vem har läst mina uppgifter');
      expect(await page.locator('.access-list').innerText()).toContain(`${coordinator.displayName} (Samordnare) läste: Besök`);
      const fontSize = await page.locator('.upcoming-visit').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(20);
      expect(body).not.toContain(outsiderToday(client.teamId));
    }, phone);
  });

  it('a relative with consent sees the client\'s next visits', async () => {
    const u = user('anhorig');
    const relative = demo.relatives.find((r) => r.id === u.relativeId)!;
    await visitStartPage('anhorig', 'relative', new RegExp(clientName(relative.clientId)), async (page) => {
      const body = await text(page);
      expect(body).toContain('I dag');
      expect(body).toMatch(new RegExp(`kommer|${notDecidedYet.source}`));
    }, phone);
  });

  it('an administrator sees the user accounts', async () => {
    await visitStartPage('admin', 'admin', /Användarkonton/, async (page) => {
      const body = await text(page);
      for (const name of ['samordnare', 'personal', 'brukare', 'ekonomi']) expect(body).toContain(name);
    });
  });
});

describe('the login page', { timeout: 60_000 }, () => {
  it('is in Swedish by default, with English one click away', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/`);
      await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Logga in');
      expect(await page.locator('html').getAttribute('lang')).toBe('sv');
      await page.getByLabel('Användarnamn').waitFor();
      await page.getByLabel('Lösenord').waitFor();
      expect(await seriousViolations(page), 'axe on the login page').toEqual([]);
      await screenshot(page, 'login');
      await page.getByRole('button', { name: 'English' }).click();
      await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
      await page.getByLabel('Username').waitFor();
    } finally {
      await context.close();
    }
  });

  it('keeps the language chosen before signing in, saves it on the account and switches back from the header', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/`);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByLabel('Username').fill('admin');
      await page.getByLabel('Password').fill('tillit');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('User accounts');
      expect(await page.getByRole('banner').innerText()).toContain('Sign out');
      // A new device without the stored choice still gets English: it is saved on the account.
      const other = await newContext(browser);
      const second = await other.newPage();
      await signIn(second, server.url, 'admin');
      await eventually(() => second.getByRole('heading', { level: 1 }).textContent()).toBe('User accounts');
      await other.close();
      await page.getByRole('banner').getByRole('button', { name: 'Svenska' }).click();
      await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Användarkonton');
      await page.waitForLoadState('networkidle');
      // Reloading a screen's own address serves the app there (the server's index.html fallback).
      await page.reload();
      expect(new URL(page.url()).pathname).toBe('/admin/users');
      await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Användarkonton');
    } finally {
      await context.close();
    }
  });

  it('says so clearly when the password is wrong, and when the account is locked after too many attempts', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await signIn(page, server.url, 'chef2', 'fel-lösenord');
      await eventually(() => page.getByRole('alert').textContent()).toContain('Fel användarnamn eller lösenord');
      expect(page.url()).toBe(`${server.url}/login`);
      expect(await page.getByLabel('Lösenord').inputValue(), 'the wrong password is cleared').toBe('');
      await screenshot(page, 'login-error');
      for (let i = 0; i < 5; i++) {
        await page.getByLabel('Lösenord').fill('fel-lösenord');
        await page.getByRole('button', { name: 'Logga in' }).click();
        await page.getByRole('button', { name: 'Logga in' }).waitFor();
      }
      // The fifth failure locks the account for a minute: until 09:31 on the pinned clock.
      await eventually(() => page.getByRole('alert').textContent()).toContain('För många misslyckade försök');
      expect(await page.getByRole('alert').textContent()).toContain('09:31');
      expect(page.url()).not.toContain('chef2');
    } finally {
      await context.close();
    }
  });

  it('asks for both fields before sending anything', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/`);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await eventually(() => page.getByRole('alert').textContent()).toContain('Fyll i både användarnamn och lösenord');
    } finally {
      await context.close();
    }
  });
});

describe('moving around', { timeout: 60_000 }, () => {
  it('a unit manager opens a team\'s day and a client\'s access report, and signs out', async () => {
    const u = user('chef');
    const team = demo.teams.find((t) => t.unitId === u.unitId && t.kind === 'day')!;
    const client = demo.clients.find((c) => c.teamId === team.id)!;
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await signIn(page, server.url, 'chef');
      await page.getByRole('link', { name: `Dagens besök i ${team.name}` }).click();
      await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Dagens besök – ${team.name}`);
      await page.getByRole('table').waitFor();
      expect(await seriousViolations(page), 'axe on the team day').toEqual([]);
      await page.goBack();
      await page.getByRole('link', { name: `Brukare i ${team.name}` }).click();
      await page.getByRole('link', { name: `Vem har läst uppgifterna om ${fullName(client)}` }).click();
      await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Åtkomstlogg för ${fullName(client)}`);
      // The team list read the client's profile just now; the report shows that read.
      await eventually(() => page.locator('main table').innerText()).toContain(u.displayName);
      expect(await seriousViolations(page), 'axe on the access report').toEqual([]);
      await screenshot(page, 'unit_manager-access-report');
      await page.getByRole('button', { name: 'Logga ut' }).click();
      await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Logga in');
      await page.goto(`${server.url}/`);
      await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Logga in');
    } finally {
      await context.close();
    }
  });

  it('a relative whose consent is missing sees no client, only why', async () => {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    try {
      await signIn(page, server.url, 'anhorig.utan');
      await eventually(() => page.locator('main').innerText()).toContain('Ingen brukare har gett samtycke');
      const withoutConsent = demo.relatives.find((r) => r.id === user('anhorig.utan').relativeId)!;
      expect(await page.locator('main').innerText()).not.toContain(clientName(withoutConsent.clientId));
    } finally {
      await context.close();
    }
  });

  it('a session that ends while the page is open returns to the login page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await signIn(page, server.url, 'ekonomi');
      await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Debitering');
      await context.clearCookies();
      await page.getByRole('button', { name: 'Nästa månad' }).click();
      await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Logga in');
      expect(await page.locator('body').innerText(), 'nothing read before stays on screen').not.toContain('Utförd tid totalt');
    } finally {
      await context.close();
    }
  });
});
