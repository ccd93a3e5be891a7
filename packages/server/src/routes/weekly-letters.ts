// The printable weekly letter: one client's (for the client, a consenting relative, or staff who
// may read the client's visits) and all of a team's in one PDF for the coordinator to print; the
// letters the weekly job stored, when they were made, and making them again.
import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { addDays, id, isoWeek } from '@tillit/domain';
import type { AppContext } from '../context.js';
import { localDate } from '../context.js';
import { clients } from '../db/schema.js';
import { authorizeClient, authorizeTeam, filterAndLogClients } from '../access/guard.js';
import { forbidden, HttpProblem, notFound } from '../errors/problem.js';
import { sessionOf } from '../app.js';
import { ensureDaysGenerated } from '../services/visit-generation.js';
import { isoWeekPattern, loadWeeklyLetters, mondayOfIsoWeek, nextIsoWeek, renderWeeklyLetters } from '../services/weekly-letter.js';
import { latestLetters, makeWeeklyLetters, storedLetter, storedLetterContents, teamsVisitingClientsOf } from '../services/stored-weekly-letters.js';
import { type Api, errors } from './api.js';

const week = z.string()
  .regex(isoWeekPattern, { message: 'must be an ISO week YYYY-Www, e.g. 2026-W49' })
  .refine((w) => mondayOfIsoWeek(w) !== null, { message: 'that year has no week 53' });
const weekQuery = z.object({ week: week.optional() }).strict();

/** Roles that print a whole team's letters. */
const printers = new Set(['coordinator', 'unit_manager']);

export function weeklyLetterRoutes(api: Api, ctx: AppContext): void {
  const weekOf = (week: string | undefined) => week ?? nextIsoWeek(localDate(ctx.now(), ctx.config.timeZone));
  // A letter read live (none stored yet) needs the week's visits of every team that visits the
  // team's clients, not only the team's own, or evening and service visits would be missing.
  const generate = async (teamId: string, week: string) => {
    const monday = mondayOfIsoWeek(week)!;
    for (const t of await teamsVisitingClientsOf(ctx, teamId)) {
      await ensureDaysGenerated(ctx, t, monday, addDays(monday, 6), localDate(ctx.now(), ctx.config.timeZone));
    }
  };

  api.get('/api/clients/:clientId/weekly-letter', {
    schema: {
      tags: ['client view'],
      summary: "The weekly letter as PDF (A4, large type, the client's language): the week's visits day by day with who comes, the fixed contact and the team's phone. Default: next ISO week",
      params: z.object({ clientId: id }),
      querystring: weekQuery,
      response: { 200: z.any(), ...errors },
    },
  }, async (request, reply) => {
    const { actor } = sessionOf(request);
    const { clientId } = request.params;
    const scope = await authorizeClient(ctx, request, actor, clientId, 'visits', 'read');
    const week = weekOf(request.query.week);
    await generate(scope.teamId, week);
    const pdf = await renderWeeklyLetters(await loadWeeklyLetters(ctx.db, [clientId], week));
    return reply.type('application/pdf').header('content-disposition', `inline; filename="veckobrev-${week}.pdf"`).send(pdf);
  });

  api.get('/api/teams/:teamId/weekly-letters', {
    schema: {
      tags: ['client view'],
      summary: "Every client's weekly letter of a team in one PDF for printing, each letter starting on a new page (coordinator, unit manager)",
      params: z.object({ teamId: id }),
      querystring: weekQuery,
      response: { 200: z.any(), ...errors },
    },
  }, async (request, reply) => {
    const { actor } = sessionOf(request);
    const { teamId } = request.params;
    await authorizeTeam(ctx, actor, teamId, 'read');
    if (!printers.has(actor.role)) throw forbidden("Only the team's coordinator or unit manager prints the team's letters.");
    const week = weekOf(request.query.week);
    const teamClients = await ctx.db.select({ id: clients.id }).from(clients).where(eq(clients.teamId, teamId)).orderBy(asc(clients.lastName), asc(clients.firstName));
    const shown = await filterAndLogClients(ctx, request, actor, teamClients.map((c) => c.id), 'visits');
    const ids = teamClients.map((c) => c.id).filter((c) => shown.has(c));
    // The letters as the weekly job (or "make again") stored them; a client who has none yet gets today's.
    const latest = await latestLetters(ctx, ids, week);
    const stored = await storedLetterContents(ctx, [...latest.values()].map((l) => l.id));
    const missing = ids.filter((c) => !latest.has(c));
    if (missing.length > 0) await generate(teamId, week);
    const live = new Map((await loadWeeklyLetters(ctx.db, missing, week)).map((l) => [l.clientId, l]));
    const letters = ids.map((c) => (latest.has(c) ? stored.get(latest.get(c)!.id) : live.get(c))).filter((l) => l !== undefined);
    const pdf = await renderWeeklyLetters(letters);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="veckobrev-${week}.pdf"`).send(pdf);
  });

  api.get('/api/teams/:teamId/weekly-letters/made', {
    schema: {
      tags: ['client view'],
      summary: "Which of the team's clients have a stored letter for the week, which version and when it was made (coordinator, unit manager). Default: next ISO week",
      params: z.object({ teamId: id }),
      querystring: weekQuery,
      response: {
        200: z.object({
          week: z.string(),
          clients: z.number().int(),
          letters: z.array(z.object({ id, clientId: id, clientName: z.string(), language: z.string(), version: z.number().int(), madeAt: z.string() })),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { teamId } = request.params;
    await authorizeTeam(ctx, actor, teamId, 'read');
    if (!printers.has(actor.role)) throw forbidden("Only the team's coordinator or unit manager sees the team's letters.");
    const week = weekOf(request.query.week);
    const teamClients = await ctx.db.select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName }).from(clients)
      .where(eq(clients.teamId, teamId)).orderBy(asc(clients.lastName), asc(clients.firstName));
    const shown = await filterAndLogClients(ctx, request, actor, teamClients.map((c) => c.id), 'visits');
    const visible = teamClients.filter((c) => shown.has(c.id));
    const latest = await latestLetters(ctx, visible.map((c) => c.id), week);
    return {
      week,
      clients: visible.length,
      letters: visible.flatMap((c) => {
        const l = latest.get(c.id);
        return l ? [{ id: l.id, clientId: c.id, clientName: `${c.firstName} ${c.lastName}`, language: l.language, version: l.version, madeAt: l.madeAt.toISOString() }] : [];
      }),
    };
  });

  api.post('/api/teams/:teamId/weekly-letters/make', {
    schema: {
      tags: ['client view'],
      summary: "Make the team's letters of a week again from the current plan (coordinator, unit manager). A letter whose content is unchanged is kept; a changed one is stored as a new version. Default: next ISO week",
      params: z.object({ teamId: id }),
      body: z.object({ week: week.optional() }).strict(),
      response: { 200: z.object({ week: z.string(), made: z.number().int(), unchanged: z.number().int() }), ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { teamId } = request.params;
    await authorizeTeam(ctx, actor, teamId, 'write');
    if (!printers.has(actor.role)) throw forbidden("Only the team's coordinator or unit manager makes the team's letters.");
    const week = weekOf(request.body.week);
    // A past week's letter would tell nobody anything; the current week may still be reprinted.
    if (week < isoWeek(localDate(ctx.now(), ctx.config.timeZone))) {
      throw new HttpProblem(400, 'invalid-input', 'Letters are made for this week or a later one.', [{ pointer: '/body/week', detail: 'must not be before the current week' }]);
    }
    return makeWeeklyLetters(ctx, week, teamId);
  });

  api.get('/api/clients/:clientId/weekly-letters/:letterId', {
    schema: {
      tags: ['client view'],
      summary: 'One stored weekly letter exactly as it was made (PDF)',
      params: z.object({ clientId: id, letterId: id }),
      response: { 200: z.any(), ...errors },
    },
  }, async (request, reply) => {
    const { actor } = sessionOf(request);
    const { clientId, letterId } = request.params;
    await authorizeClient(ctx, request, actor, clientId, 'visits', 'read');
    const letter = await storedLetter(ctx, letterId);
    if (!letter || letter.clientId !== clientId) throw notFound('The letter');
    return reply.type('application/pdf').header('content-disposition', `inline; filename="veckobrev-${letter.week}-v${letter.version}.pdf"`)
      .header('last-modified', letter.madeAt.toUTCString()).send(letter.pdf);
  });
}
