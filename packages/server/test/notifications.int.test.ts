// Clients and consenting relatives are told when a published visit changes: one message per
// recipient and channel per batch, in their language, never at night, through a transactional
// outbox delivered over real SMTP and an HTTP SMS gateway (stand-ins on 127.0.0.1), with retries,
// and nothing lost when the sender is killed mid-send.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '@tillit/demo';
import { buildApp } from '../src/app.js';
import type { Database } from '../src/db/connection.js';
import { clients, relatives, users, visits } from '../src/db/schema.js';
import { outbox } from '../src/db/schema-client-comms.js';
import { loadDemo } from '../src/db/seed.js';
import { Mailer } from '../src/adapters/mailer.js';
import { SmsGateway } from '../src/adapters/sms-gateway.js';
import { sendDue } from '../src/services/outbox-sender.js';
import { testConfig } from './config.js';
import { databaseKinds, openTestDatabase } from './databases.js';
import { as, signIn, type Session } from './http.js';
import { startSmsStandIn, startSmtpStandIn, type SmsStandIn, type SmtpStandIn } from './stand-ins.js';

const today = '2026-11-25';

describe.each(databaseKinds)('change notifications on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let coordinator: Session;
  let sms: SmsStandIn;
  let smtp: SmtpStandIn;
  let mailer: Mailer;
  let clock = new Date('2026-11-25T09:00:00Z'); // 10:00 in Stockholm
  let teamId: string;
  let clientId: string;
  let tomorrowVisit: typeof visits.$inferSelect;
  const tomorrow = '2026-11-26';

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(database.db, generateDemo({ seed: 1, today }));
    app = await buildApp({ db: database.db, config: { ...testConfig, notifyHoldMinutes: 5 }, now: () => clock }, { serveWeb: false });
    coordinator = await signIn(app, 'samordnare', 'tillit');
    const clientUser = (await database.db.select().from(users).where(eq(users.username, 'brukare')))[0]!;
    clientId = clientUser.clientId!;
    const relativeUser = (await database.db.select().from(users).where(eq(users.username, 'anhorig')))[0]!;
    await database.db.update(clients).set({ notificationChannel: 'sms', phone: '+46701234567' }).where(eq(clients.id, clientId));
    await database.db.update(relatives).set({ notificationChannel: 'email', email: 'dotter@example.org', language: 'en' }).where(eq(relatives.id, relativeUser.relativeId!));
    const c = (await database.db.select().from(clients).where(eq(clients.id, clientId)))[0]!;
    teamId = c.teamId;
    tomorrowVisit = (await database.db.select().from(visits).where(and(eq(visits.clientId, clientId), eq(visits.date, tomorrow), eq(visits.status, 'planned'))))
      .find((v) => v.staffCount === 1 && v.staffIds.length === 1)!;
    expect(tomorrowVisit, 'the demo client has a single-staffed visit tomorrow').toBeDefined();
    sms = await startSmsStandIn('test-key');
    smtp = await startSmtpStandIn();
    mailer = new Mailer({ url: smtp.url, from: 'Hemtjänsten <ht@example.org>', domain: 'test.tillit', ignoreTls: true });
  });
  afterAll(async () => {
    mailer?.close();
    await sms?.close();
    await smtp?.close();
    await app?.close();
    await database?.close();
  });

  const dayUrl = () => `/api/teams/${teamId}/days/${tomorrow}`;
  const version = async () => (await as(app, coordinator)({ method: 'GET', url: `${dayUrl()}/plan` })).json().version as number;
  const messages = () => database.db.select().from(outbox).where(eq(outbox.clientId, clientId));
  const channels = () => ({ sms: new SmsGateway({ baseUrl: sms.url, apiKey: 'test-key', from: 'Hemtjansten' }), email: mailer });

  /** Team members working tomorrow other than the visit's original person. */
  async function workingOthers(): Promise<{ id: string; firstName: string }[]> {
    const day = (await as(app, coordinator)({ method: 'GET', url: `/api/teams/${teamId}/days/${tomorrow}` })).json();
    return day.staff.filter((s: { id: string; shift: unknown; absence: unknown }) => s.shift && !s.absence && !tomorrowVisit.staffIds.includes(s.id));
  }

  async function giveVisitTo(visitId: string, staffId: string) {
    const res = await as(app, coordinator)({ method: 'PATCH', url: `${dayUrl()}/visits/${visitId}`, payload: { version: await version(), staffIds: [staffId], acceptViolations: true } });
    expect(res.statusCode, res.body).toBe(200);
  }

  it('sends nothing when a day is first published', async () => {
    const pub = await as(app, coordinator)({ method: 'POST', url: `${dayUrl()}/publish`, payload: { version: await version() } });
    expect(pub.statusCode).toBe(200);
    expect(await messages()).toHaveLength(0);
  });

  it('writes one message per recipient and channel, in each one\'s language, when someone else will come', async () => {
    const others = await workingOthers();
    await giveVisitTo(tomorrowVisit.id, others[0]!.id);
    const rows = await messages();
    expect(rows.map((r) => `${r.recipientKind}:${r.channel}:${r.language}`).sort()).toEqual(['client:sms:sv', 'relative:email:en']);
    const toClient = rows.find((r) => r.channel === 'sms')!;
    expect(toClient.body).toContain(`${others[0]!.firstName} kommer i stället för`);
    expect(rows.find((r) => r.channel === 'email')!.body).toContain(`${others[0]!.firstName} comes instead of`);
    // Held five minutes to gather the rest of the batch.
    expect(toClient.nextAttemptAt.getTime()).toBe(clock.getTime() + 5 * 60_000);
  });

  it('merges a second change before sending into the same message', async () => {
    const others = await workingOthers();
    await giveVisitTo(tomorrowVisit.id, others[1]!.id);
    const rows = await messages();
    expect(rows).toHaveLength(2);
    const text = rows.find((r) => r.channel === 'sms')!.body;
    expect(text).toContain(`${others[1]!.firstName} kommer i stället för`);
    expect(text).not.toContain(`${others[0]!.firstName} kommer`);
  });

  it('delivers each message once over SMS and SMTP, and retries after a gateway failure', async () => {
    sms.failNext(1, 503);
    clock = new Date(clock.getTime() + 6 * 60_000);
    const first = await sendDue(database.db, channels(), clock);
    expect(first).toEqual({ sent: 1, retried: 1, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.to).toBe('dotter@example.org');
    expect(smtp.messages[0]!.raw).toMatch(/comes instead of/);
    const retry = (await messages()).find((r) => r.channel === 'sms')!;
    expect(retry.status).toBe('pending');
    expect(retry.nextAttemptAt.getTime()).toBeGreaterThan(clock.getTime());
    clock = new Date(retry.nextAttemptAt.getTime() + 1000);
    expect(await sendDue(database.db, channels(), clock)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(sms.delivered.size).toBe(1);
    expect([...sms.delivered.values()][0]!.to).toBe('+46701234567');
    expect((await messages()).every((m) => m.status === 'sent')).toBe(true);
    expect(await sendDue(database.db, channels(), new Date(clock.getTime() + 3_600_000))).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it('marks a message failed on a permanent refusal, for the coordinator to see', async () => {
    await giveVisitTo(tomorrowVisit.id, tomorrowVisit.staffIds[0]!);
    sms.failNext(1, 400);
    clock = new Date(clock.getTime() + 10 * 60_000);
    const counts = await sendDue(database.db, channels(), clock);
    expect(counts.failed).toBe(1);
    const failed = (await messages()).filter((m) => m.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.lastError).toMatch(/400/);
    coordinator = await signIn(app, 'samordnare', 'tillit');
    const listed = await as(app, coordinator)({ method: 'GET', url: `/api/teams/${teamId}/notifications?status=failed` });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((i: { id: string }) => i.id)).toEqual([failed[0]!.id]);
  });

  it('waits until the quiet hours end before sending a change made at night', async () => {
    clock = new Date('2026-11-25T21:30:00Z'); // 22:30 in Stockholm
    coordinator = await signIn(app, 'samordnare', 'tillit');
    const others = await workingOthers();
    await giveVisitTo(tomorrowVisit.id, others[2]!.id);
    const pending = (await messages()).filter((m) => m.status === 'pending');
    expect(pending.length).toBeGreaterThan(0);
    // 22:35 (after the hold) is quiet until 08:00: 08:00 Stockholm = 07:00 UTC the next morning.
    for (const m of pending) expect(m.nextAttemptAt.toISOString()).toBe('2026-11-26T07:00:00.000Z');
  });

  // Two processes share one database only on PostgreSQL (PGlite lives inside one process).
  if (kind === 'postgres') it('loses nothing when the sender process is killed mid-send and a new one takes over', async () => {
    // Everything pending is due now; the gateway answers slowly so the kill lands mid-request.
    clock = new Date('2026-11-26T07:01:00Z');
    await database.db.update(outbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(outbox.status, 'pending'));
    const due = (await messages()).filter((m) => m.status === 'pending');
    expect(due.length).toBeGreaterThan(0);
    sms.delayMs = 1500;
    const before = sms.requests.length;
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', fileURLToPath(new URL('../src/sender.ts', import.meta.url)), '--interval-ms', '100'], {
      env: { ...process.env, DATABASE_URL: database.url!, TILLIT_SMS_URL: sms.url, TILLIT_SMS_KEY: 'test-key', TILLIT_SMTP_URL: smtp.url, TILLIT_SMTP_IGNORE_TLS: 'true', LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    });
    for (let i = 0; i < 100 && sms.requests.length === before; i++) await new Promise((r) => setTimeout(r, 100));
    expect(sms.requests.length, 'the sender reached the gateway').toBeGreaterThan(before);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const stuck = (await messages()).filter((m) => m.status === 'sending');
    expect(stuck.length, 'the killed sender left its claim behind').toBeGreaterThan(0);
    sms.delayMs = 0;
    await new Promise((r) => setTimeout(r, 1600));
    // A new sender after the lease ran out (the default lease is a minute).
    const later = new Date(Date.now() + 2 * 60_000);
    await sendDue(database.db, channels(), later);
    const after = await messages();
    expect(after.filter((m) => m.status === 'pending' || m.status === 'sending')).toHaveLength(0);
    // The gateway saw the message twice (the killed try and the new one) and delivered it once.
    const keys = due.filter((m) => m.channel === 'sms').map((m) => m.id);
    for (const k of keys) {
      expect(sms.requests.filter((r) => r.key === k).length).toBeGreaterThanOrEqual(2);
      expect(sms.delivered.has(k)).toBe(true);
    }
    console.log(`outbox: ${after.filter((m) => m.status === 'sent').length} sent, ${after.filter((m) => m.status === 'failed').length} failed; gateway requests ${sms.requests.length}, SMS delivered ${sms.delivered.size}, e-mails ${smtp.messages.length} (distinct Message-IDs ${new Set(smtp.messages.map((m) => m.messageId)).size})`);
  });
});
