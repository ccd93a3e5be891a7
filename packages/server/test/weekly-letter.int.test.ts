// The printable weekly letter on the demo municipality and both databases: the PDF holds next
// week's visits day by day with times and (once published) names, in the client's language and
// script, renders to an image, and a team's PDF has one letter per client, every one logged.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '@tillit/demo';
import { addDays } from '@tillit/domain';
import { buildApp } from '../src/app.js';
import type { Database } from '../src/db/connection.js';
import { accessLog, clients, staff, teams, users, visits } from '../src/db/schema.js';
import { weeklyLetters } from '../src/db/schema-client-comms.js';
import { loadDemo } from '../src/db/seed.js';
import { weeklyLettersJob } from '../src/jobs/scheduled.js';
import { storedLetterContents } from '../src/services/stored-weekly-letters.js';
import { rtlRuns } from '../src/adapters/pdf-rtl.js';
import { loadWeeklyLetters, mondayOfIsoWeek, nextIsoWeek, renderWeeklyLetters } from '../src/services/weekly-letter.js';
import { testConfig } from './config.js';
import { databaseKinds, openTestDatabase } from './databases.js';
import { as, signIn, type Session } from './http.js';

const today = '2026-11-25';
const now = () => new Date('2026-11-25T09:00:00Z');
/** Next ISO week from Wednesday 25 November 2026: Monday 30 November to Sunday 6 December. */
const week = '2026-W49';
const monday = '2026-11-30';
const outputDir = fileURLToPath(new URL('../../../test-output/', import.meta.url));

const work = mkdtempSync(join(tmpdir(), 'weekly-letter-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;

/** @returns the PDF's text as poppler reads it, page by page. */
function pdfPages(pdf: Buffer): string[] {
  const file = join(work, `letter-${++n}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}

/** Render the first page to a PNG in test-output/ (checked by eye) and @returns its size in bytes. */
function renderFirstPage(pdf: Buffer, name: string): number {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', file, join(work, name)]);
  const png = readdirSync(work).find((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))!;
  mkdirSync(outputDir, { recursive: true });
  copyFileSync(join(work, png), join(outputDir, `${name}.png`));
  return statSync(join(work, png)).size;
}

describe('ISO weeks and right-to-left lines', () => {
  it('finds the Monday of a week, and refuses a week 53 the year does not have', () => {
    expect(mondayOfIsoWeek('2026-W49')).toBe('2026-11-30');
    // 4 January 2027 is a Monday, so week 1 of 2027 starts on it; 2026 has 53 weeks.
    expect(mondayOfIsoWeek('2027-W01')).toBe('2027-01-04');
    expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28');
    expect(mondayOfIsoWeek('2027-W53')).toBeNull();
    expect(nextIsoWeek('2026-11-25')).toBe('2026-W49');
    expect(nextIsoWeek('2026-12-30')).toBe('2027-W01');
  });

  it('keeps Latin names and times in reading order inside an Arabic line', () => {
    expect(rtlRuns('بين الساعة 08:00 و 09:00')).toEqual([
      { text: 'بين', rtl: true }, { text: 'الساعة', rtl: true }, { text: '08:00', rtl: false }, { text: 'و', rtl: true }, { text: '09:00', rtl: false },
    ]);
    expect(rtlRuns('إلى Fatima Hassan')).toEqual([{ text: 'إلى', rtl: true }, { text: 'Fatima Hassan', rtl: false }]);
    // A dash between two Latin words stays with them; between Arabic and Latin it takes the line's direction.
    expect(rtlRuns('الهاتف: 0923 – 100 01')).toEqual([{ text: 'الهاتف:', rtl: true }, { text: '0923 – 100 01', rtl: false }]);
    expect(rtlRuns('09:00 – زيارة')).toEqual([{ text: '09:00', rtl: false }, { text: '–', rtl: true }, { text: 'زيارة', rtl: true }]);
  });
});

describe.each(databaseKinds)('the weekly letter on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let coordinator: Session;
  let teamId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(database.db, generateDemo({ seed: 1, today }));
    app = await buildApp({ db: database.db, config: testConfig, now }, { serveWeb: false });
    coordinator = await signIn(app, 'samordnare', 'tillit');
    teamId = (await database.db.select().from(users).where(eq(users.username, 'samordnare')))[0]!.teamId!;
    // The team publishes Monday: from then on the letter names who comes that day.
    const plan = await as(app, coordinator)({ method: 'GET', url: `/api/teams/${teamId}/days/${monday}/plan` });
    const pub = await as(app, coordinator)({ method: 'POST', url: `/api/teams/${teamId}/days/${monday}/publish`, payload: { version: plan.json().version } });
    expect(pub.statusCode, pub.body).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const clientOf = async (username: string) => (await database.db.select().from(users).where(eq(users.username, username)))[0]!.clientId!;
  const weekVisits = async (clientId: string) => database.db.select().from(visits)
    .where(and(eq(visits.clientId, clientId), gte(visits.date, monday), lte(visits.date, addDays(monday, 6)))).orderBy(asc(visits.date), asc(visits.windowStart));

  it('lists next week day by day with time windows, names on the published day and "later" on the others', async () => {
    const client = await signIn(app, 'brukare', 'tillit');
    const clientId = await clientOf('brukare');
    const res = await as(app, client)({ method: 'GET', url: `/api/clients/${clientId}/weekly-letter` });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Fonts are embedded (a FontFile2 stream per font), so the letter prints the same anywhere.
    expect(pdf.toString('latin1')).toMatch(/FontFile2/);
    const text = pdfPages(pdf).join('\n').replace(/\s+/g, ' ');
    for (const day of ['måndag 30 november', 'tisdag 1 december', 'onsdag 2 december', 'torsdag 3 december', 'fredag 4 december', 'lördag 5 december', 'söndag 6 december']) {
      expect(text.toLowerCase()).toContain(day);
    }
    expect(text).toContain('Dina besök vecka 49');
    const planned = await weekVisits(clientId);
    expect(planned.length).toBeGreaterThan(7);
    // The evening team's and the service group's visits are there on every day of the week, also
    // on days nobody has opened those teams' boards for (generated for the letter).
    const lastDay = addDays(monday, 6);
    expect(planned.some((v) => v.teamId !== teamId && v.date === lastDay), 'another team visits on Sunday').toBe(true);
    for (const v of planned.filter((x) => x.status !== 'missed')) expect(text).toContain(`Mellan ${v.windowStart} och ${v.windowEnd}`);
    // Hand-checked count: every visit has its own "Mellan … och …" line.
    expect(text.match(/Mellan \d\d:\d\d och \d\d:\d\d/g)).toHaveLength(planned.filter((x) => x.status !== 'missed').length);
    const names = await database.db.select().from(staff).where(inArray(staff.id, planned.filter((v) => v.date === monday && v.teamId === teamId).flatMap((v) => v.staffIds)));
    expect(names.length).toBeGreaterThan(0);
    for (const p of names) expect(text).toContain(p.firstName);
    expect(text).toMatch(/kommer\./);
    expect(text).toContain('Personal meddelas senare.');
    const c = (await database.db.select().from(clients).where(eq(clients.id, clientId)))[0]!;
    const fixed = (await database.db.select().from(staff).where(eq(staff.id, c.fixedContactStaffId!)))[0]!;
    expect(text).toContain('Din fasta omsorgskontakt');
    expect(text).toContain(`${fixed.firstName} ${fixed.lastName}`);
    expect(text).toContain('Telefon: ');
    expect(renderFirstPage(pdf, 'weekly-letter-sv')).toBeGreaterThan(0);
  });

  it('writes the Arabic client\'s letter in Arabic script, right to left, with the times readable', async () => {
    const client = await signIn(app, 'brukare.ar', 'tillit');
    const clientId = await clientOf('brukare.ar');
    const res = await as(app, client)({ method: 'GET', url: `/api/clients/${clientId}/weekly-letter?week=${week}` });
    expect(res.statusCode).toBe(200);
    const text = pdfPages(res.rawPayload).join('\n');
    expect(text).toMatch(/[\u0600-\u06FF]{3,}/);
    // Words without the lam-alef ligature, which poppler reads back in another order.
    for (const word of ['زياراتك', 'الهاتف', 'الساعة', 'فريق']) expect(text).toContain(word);
    expect(text).not.toContain('Mellan');
    const planned = (await weekVisits(clientId)).filter((v) => v.status !== 'missed');
    for (const v of planned) {
      expect(text).toContain(v.windowStart);
      expect(text).toContain(v.windowEnd);
    }
    expect(renderFirstPage(res.rawPayload, 'weekly-letter-ar')).toBeGreaterThan(0);
  });

  it.each([
    ['en', 'Your visits in week 49', 'Phone: '],
    ['fi', 'Käyntisi viikolla 49', 'Puhelin: '],
    ['so', 'Booqashooyinkaaga toddobaadka 49', 'Telefoon: '],
    ['fa', 'هفته', 'تلفن'],
  ] as const)('writes the letter in %s when that is the client\'s language', async (lang, title, phone) => {
    // The demo has no client for every language: the same week's letter, rendered in each.
    const [letter] = await loadWeeklyLetters(database.db, [await clientOf('brukare')], week);
    const pdf = await renderWeeklyLetters([{ ...letter!, language: lang }]);
    const text = pdfPages(pdf).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(title);
    expect(text).toContain(phone);
    expect(text).not.toContain('Mellan');
    expect(renderFirstPage(pdf, `weekly-letter-${lang}`)).toBeGreaterThan(0);
  });

  it("shows the fixed contact's photo when there is one, and initials otherwise", async () => {
    const [letter] = await loadWeeklyLetters(database.db, [await clientOf('brukare')], week);
    expect(letter!.fixedContact!.photo).toBeNull();
    const withInitials = (await renderWeeklyLetters([letter!])).toString('latin1');
    expect(withInitials).not.toMatch(/\/Subtype \/Image/);
    // A 1×1 grey PNG, as a staff photo stored as a data URL would decode to.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==', 'base64');
    const withPhoto = (await renderWeeklyLetters([{ ...letter!, fixedContact: { ...letter!.fixedContact!, photo: png } }])).toString('latin1');
    expect(withPhoto).toMatch(/\/Subtype \/Image/);
  });

  it("prints one letter per client of the team in one PDF and logs every client's read", async () => {
    const res = await as(app, coordinator)({ method: 'GET', url: `/api/teams/${teamId}/weekly-letters?week=${week}` });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pages = pdfPages(res.rawPayload);
    const team = await database.db.select().from(clients).where(eq(clients.teamId, teamId));
    expect(team.length).toBeGreaterThan(3);
    expect(pages.length).toBeGreaterThanOrEqual(team.length);
    // Each letter opens on a new page whose first line names its week, and each client is named once.
    const all = pages.join('\n').replace(/\s+/g, ' ');
    for (const c of team) expect(all.split(`${c.firstName} ${c.lastName}`).length - 1, `${c.firstName} ${c.lastName}`).toBe(1);
    const opening = pages.filter((p) => /(^|\D)49(\D|$)/.test(p.split('\n').slice(0, 3).join(' ')));
    expect(opening.length).toBe(team.length);
    const coordinatorUser = (await database.db.select().from(users).where(eq(users.username, 'samordnare')))[0]!;
    const logged = await database.db.select().from(accessLog)
      .where(and(eq(accessLog.userId, coordinatorUser.id), eq(accessLog.what, 'visits GET /api/teams/:teamId/weekly-letters')));
    expect(new Set(logged.map((l) => l.clientId))).toEqual(new Set(team.map((c) => c.id)));
  });

  it('refuses a malformed week naming the field, and shows a relative without consent nothing', async () => {
    const clientId = await clientOf('brukare');
    const bad = await as(app, coordinator)({ method: 'GET', url: `/api/clients/${clientId}/weekly-letter?week=2027-W53` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { pointer: string }) => e.pointer)).toContain('/querystring/week');
    const stranger = await signIn(app, 'anhorig.utan', 'tillit');
    const refused = await as(app, stranger)({ method: 'GET', url: `/api/clients/${clientId}/weekly-letter` });
    expect(refused.statusCode).toBe(404);
    const staffUser = await signIn(app, 'personal', 'tillit');
    expect((await as(app, staffUser)({ method: 'GET', url: `/api/teams/${teamId}/weekly-letters` })).statusCode).toBe(403);
  });

  describe('made every week by the scheduled job', () => {
    const runJob = () => weeklyLettersJob.run({ db: database.db, config: testConfig, now });
    const stored = async () => database.db.select().from(weeklyLetters).where(eq(weeklyLetters.week, week)).orderBy(asc(weeklyLetters.clientId), asc(weeklyLetters.version));
    const latestOf = async (clientId: string) => (await stored()).filter((l) => l.clientId === clientId).at(-1)!;

    it("stores next week's letter for every client in the client's language, and a second run stores nothing", async () => {
      expect(weeklyLettersJob.cron).toBe('0 14 * * 4');
      await runJob();
      const first = await stored();
      const all = await database.db.select().from(clients);
      // Wednesday 25 November: next week is week 49, one letter (version 1) per client.
      expect(first.map((l) => l.clientId).sort()).toEqual(all.map((c) => c.id).sort());
      expect(first.every((l) => l.version === 1 && /^[0-9a-f]{64}$/.test(l.contentHash))).toBe(true);
      const languages: Record<string, string> = {};
      for (const [username, lang, phrase] of [['brukare', 'sv', 'Dina besök vecka 49'], ['brukare.fi', 'fi', 'Käyntisi viikolla 49'], ['brukare.en', 'en', 'Your visits in week 49'], ['brukare.ar', 'ar', 'زياراتك']] as const) {
        const letter = await latestOf(await clientOf(username));
        languages[username] = letter.language;
        expect(letter.pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(pdfPages(letter.pdf).join('\n').replace(/\s+/g, ' '), username).toContain(phrase);
        if (lang !== 'sv') expect(pdfPages(letter.pdf).join('\n')).not.toContain('Mellan');
      }
      expect(languages).toEqual({ brukare: 'sv', 'brukare.fi': 'fi', 'brukare.en': 'en', 'brukare.ar': 'ar' });
      // The stored content renders to exactly the stored bytes: enough to reproduce the letter.
      const one = await latestOf(await clientOf('brukare.ar'));
      const content = (await storedLetterContents({ db: database.db }, [one.id])).get(one.id)!;
      expect((await renderWeeklyLetters([content], { madeAt: one.madeAt })).equals(one.pdf)).toBe(true);

      await runJob();
      const second = await stored();
      expect(second.map((l) => l.id)).toEqual(first.map((l) => l.id));
    }, 120_000);

    it('stores a new version of only the letters whose visits changed', async () => {
      const clientId = await clientOf('brukare');
      const [visit] = (await weekVisits(clientId)).filter((v) => v.status === 'planned');
      expect(visit).toBeDefined();
      await database.db.update(visits).set({ windowStart: '06:15', windowEnd: '06:45' }).where(eq(visits.id, visit!.id));
      const before = await stored();
      await runJob();
      const after = await stored();
      expect(after.filter((l) => !before.some((b) => b.id === l.id)).map((l) => l.clientId)).toEqual([clientId]);
      const latest = await latestOf(clientId);
      expect(latest.version).toBe(2);
      expect(pdfPages(latest.pdf).join('\n').replace(/\s+/g, ' ')).toContain('Mellan 06:15 och 06:45');
      expect((await latestOf(await clientOf('brukare.ar'))).version).toBe(1);
    }, 120_000);

    it("prints the team's stored letters, shows when they were made, and makes them again on request", async () => {
      const brukare = await clientOf('brukare');
      const team = (await database.db.select().from(teams).where(eq(teams.id, teamId)))[0]!;
      // A change after the letters were made: the print still shows the letters as made.
      await database.db.update(teams).set({ phone: '0923-999 99' }).where(eq(teams.id, teamId));
      const print = async () => pdfPages((await as(app, coordinator)({ method: 'GET', url: `/api/teams/${teamId}/weekly-letters?week=${week}` })).rawPayload).join('\n');
      expect(await print()).toContain(team.phone);
      expect(await print()).not.toContain('0923-999 99');

      const made = await as(app, coordinator)({ method: 'GET', url: `/api/teams/${teamId}/weekly-letters/made?week=${week}` });
      expect(made.statusCode, made.body).toBe(200);
      const body = made.json() as { week: string; clients: number; letters: { id: string; clientId: string; version: number; madeAt: string; language: string }[] };
      const teamClients = await database.db.select().from(clients).where(eq(clients.teamId, teamId));
      expect(body.clients).toBe(teamClients.length);
      expect(body.letters.length).toBe(teamClients.length);
      expect(body.letters.find((l) => l.clientId === brukare)).toMatchObject({ version: 2, madeAt: now().toISOString(), language: 'sv' });

      const again = await as(app, coordinator)({ method: 'POST', url: `/api/teams/${teamId}/weekly-letters/make`, payload: { week } });
      expect(again.statusCode, again.body).toBe(200);
      // Every letter of the team names the team's phone, so every one is a new version.
      expect(again.json()).toEqual({ week, made: teamClients.length, unchanged: 0 });
      expect(await print()).toContain('0923-999 99');
      const twice = await as(app, coordinator)({ method: 'POST', url: `/api/teams/${teamId}/weekly-letters/make`, payload: { week } });
      expect(twice.json()).toEqual({ week, made: 0, unchanged: teamClients.length });
      await database.db.update(teams).set({ phone: team.phone }).where(eq(teams.id, teamId));
    }, 120_000);

    it("gives one stored letter exactly as made, logs the read, and refuses another client's letter", async () => {
      const clientId = await clientOf('brukare');
      const letter = await latestOf(clientId);
      const client = await signIn(app, 'brukare', 'tillit');
      const res = await as(app, client)({ method: 'GET', url: `/api/clients/${clientId}/weekly-letters/${letter.id}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.equals(letter.pdf)).toBe(true);
      const clientUser = (await database.db.select().from(users).where(eq(users.username, 'brukare')))[0]!;
      const logged = await database.db.select().from(accessLog)
        .where(and(eq(accessLog.userId, clientUser.id), eq(accessLog.what, 'visits GET /api/clients/:clientId/weekly-letters/:letterId')));
      expect(logged.map((l) => l.clientId)).toEqual([clientId]);
      const other = await latestOf(await clientOf('brukare.ar'));
      expect((await as(app, client)({ method: 'GET', url: `/api/clients/${clientId}/weekly-letters/${other.id}` })).statusCode).toBe(404);
      const staffUser = await signIn(app, 'personal', 'tillit');
      expect((await as(app, staffUser)({ method: 'POST', url: `/api/teams/${teamId}/weekly-letters/make`, payload: {} })).statusCode).toBe(403);
      const past = await as(app, coordinator)({ method: 'POST', url: `/api/teams/${teamId}/weekly-letters/make`, payload: { week: '2026-W47' } });
      expect(past.statusCode).toBe(400);
      expect(past.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/week']);
    });
  });
});
