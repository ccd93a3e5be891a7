// Accounts: the admin creates and lists users. The admin holds no client data.
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { canAdminister, DomainError, id, roles } from '@tillit/domain';
import type { AppContext } from '../context.js';
import { clients, relatives, staff, teams, units, users } from '../db/schema.js';
import { hashPassword } from '../auth/passwords.js';
import { forbidden } from '../errors/problem.js';
import { sessionOf } from '../app.js';
import { type Api, errors } from './api.js';

const userView = z.object({
  id, username: z.string(), displayName: z.string(), role: z.string(),
  unitId: z.string().nullable(), teamId: z.string().nullable(), disabled: z.boolean(),
});

/** Which scope id each role's account must carry. */
const requiredScope: Record<(typeof roles)[number], 'unitId' | 'teamId' | 'staffId' | 'clientId' | 'relativeId' | null> = {
  admin: null, unit_manager: 'unitId', coordinator: 'teamId', staff: 'staffId', substitute: 'staffId',
  needs_assessor: null, finance: null, client: 'clientId', relative: 'relativeId',
};

export function adminRoutes(api: Api, ctx: AppContext): void {
  api.get('/api/admin/users', {
    schema: { tags: ['admin'], summary: 'All user accounts', response: { 200: z.object({ items: z.array(userView) }), ...errors } },
  }, async (request) => {
    const { actor } = sessionOf(request);
    if (!canAdminister(actor)) throw forbidden('Only an administrator manages accounts.');
    const rows = await ctx.db.select().from(users).where(eq(users.municipalityId, actor.municipalityId)).orderBy(asc(users.username));
    return { items: rows.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, role: u.role, unitId: u.unitId, teamId: u.teamId, disabled: u.disabled })) };
  });

  api.post('/api/admin/users', {
    schema: {
      tags: ['admin'],
      summary: 'Create a user account',
      body: z.object({
        username: z.string().min(3).max(60).regex(/^[a-z0-9._-]+$/, { message: 'use lower-case letters, digits, dot, dash or underscore' }),
        password: z.string().min(10, { message: 'must be at least 10 characters' }).max(200),
        displayName: z.string().min(1).max(120),
        role: z.enum(roles),
        unitId: id.optional(), teamId: id.optional(), staffId: id.optional(), clientId: id.optional(), relativeId: id.optional(),
      }).strict().superRefine((b, issue) => {
        const need = requiredScope[b.role];
        if (need && !b[need]) issue.addIssue({ code: 'custom', path: [need], message: `is required for the role ${b.role}` });
      }),
      response: { 201: z.object({ id }), ...errors, 409: errors[400], 422: errors[400] },
    },
  }, async (request, reply) => {
    const { actor } = sessionOf(request);
    if (!canAdminister(actor)) throw forbidden('Only an administrator manages accounts.');
    const b = request.body;
    if ((await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, b.username))).length > 0) {
      throw new DomainError('conflict', `The username ${b.username} is taken.`, '/body/username');
    }
    // Each scope id must name something that exists, or the account could never work.
    const checks: [string | undefined, () => Promise<unknown[]>, string][] = [
      [b.unitId, () => ctx.db.select({ id: units.id }).from(units).where(eq(units.id, b.unitId!)), '/body/unitId'],
      [b.teamId, () => ctx.db.select({ id: teams.id }).from(teams).where(eq(teams.id, b.teamId!)), '/body/teamId'],
      [b.staffId, () => ctx.db.select({ id: staff.id }).from(staff).where(eq(staff.id, b.staffId!)), '/body/staffId'],
      [b.clientId, () => ctx.db.select({ id: clients.id }).from(clients).where(eq(clients.id, b.clientId!)), '/body/clientId'],
      [b.relativeId, () => ctx.db.select({ id: relatives.id }).from(relatives).where(eq(relatives.id, b.relativeId!)), '/body/relativeId'],
    ];
    for (const [value, query, pointer] of checks) {
      if (value && (await query()).length === 0) throw new DomainError('invalid-input', 'No such record.', pointer);
    }
    let teamId = b.teamId ?? null;
    if (!teamId && b.staffId) teamId = (await ctx.db.select({ t: staff.teamId }).from(staff).where(eq(staff.id, b.staffId)))[0]?.t ?? null;
    const newId = randomUUID();
    await ctx.db.insert(users).values({
      id: newId, username: b.username, passwordHash: await hashPassword(b.password), role: b.role, displayName: b.displayName,
      municipalityId: actor.municipalityId, unitId: b.unitId ?? null, teamId, staffId: b.staffId ?? null,
      clientId: b.clientId ?? null, relativeId: b.relativeId ?? null,
    });
    return reply.status(201).send({ id: newId });
  });
}
