// The printable weekly letter: one client's (for the client, a consenting relative, or staff who
// may read the client's visits) and all of a team's in one PDF for the coordinator to print.
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { addDays, id } from '@tillit/domain';
import type { AppContext } from '../context.js';
import { localDate } from '../context.js';
import { clients } from '../db/schema.js';
import { authorizeClient, authorizeTeam, filterAndLogClients } from '../access/guard.js';
import { forbidden } from '../errors/problem.js';
import { sessionOf } from '../app.js';
import { ensureDaysGenerated } from '../services/visit-generation.js';
import { isoWeekPattern, loadWeeklyLetters, mondayOfIsoWeek, nextIsoWeek, renderWeeklyLetters } from '../services/weekly-letter.js';
import { type Api, errors } from './api.js';

const weekQuery = z.object({
  week: z.string()
    .regex(isoWeekPattern, { message: 'must be an ISO week YYYY-Www, e.g. 2026-W49' })
    .refine((w) => mondayOfIsoWeek(w) !== null, { message: 'that year has no week 53' })
    .optional(),
}).strict();

/** Roles that print a whole team's letters. */
const printers = new Set(['coordinator', 'unit_manager']);

export function weeklyLetterRoutes(api: Api, ctx: AppContext): void {
  const weekOf = (week: string | undefined) => week ?? nextIsoWeek(localDate(ctx.now(), ctx.config.timeZone));
  const generate = async (teamId: string, week: string) => {
    const monday = mondayOfIsoWeek(week)!;
    await ensureDaysGenerated(ctx, teamId, monday, addDays(monday, 6), localDate(ctx.now(), ctx.config.timeZone));
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
    await generate(teamId, week);
    const pdf = await renderWeeklyLetters(await loadWeeklyLetters(ctx.db, teamClients.map((c) => c.id).filter((c) => shown.has(c)), week));
    return reply.type('application/pdf').header('content-disposition', `inline; filename="veckobrev-${week}.pdf"`).send(pdf);
  });
}
