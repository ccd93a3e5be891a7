// Sign in, sign out, and who am I.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../db/schema.js';
import type { AppContext } from '../context.js';
import { dummyPasswordHash, verifyPassword } from '../auth/passwords.js';
import { lockUntilAfterFailure } from '../auth/login-throttle.js';
import {
  clearSessionCookie, createSession, deleteSession, findSession, sessionCookie, setSessionCookie,
} from '../auth/sessions.js';
import { HttpProblem } from '../errors/problem.js';
import { localDate } from '../context.js';
import { sessionOf } from '../app.js';
import { type Api, errors } from './api.js';

export const locales = ['sv', 'en', 'fi', 'ar', 'so', 'fa'] as const;
/** The staff screens' languages; clients and relatives read all of `locales`. */
export const staffLocales = ['sv', 'en'] as const satisfies readonly (typeof locales)[number][];

const sessionUser = z.object({
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  locale: z.enum(locales),
  unitId: z.string().nullable(),
  teamId: z.string().nullable(),
  staffId: z.string().nullable(),
  clientId: z.string().nullable(),
  relativeId: z.string().nullable(),
});
const sessionAnswer = z.object({
  user: sessionUser,
  csrfToken: z.string(),
  /** The municipality's date today and its time zone: the browser's clock may be wrong. */
  today: z.string(),
  timeZone: z.string(),
});

function toSessionUser(s: NonNullable<Awaited<ReturnType<typeof findSession>>>): z.infer<typeof sessionUser> {
  return {
    username: s.username,
    displayName: s.displayName,
    role: s.actor.role,
    locale: (locales as readonly string[]).includes(s.locale) ? (s.locale as (typeof locales)[number]) : 'sv',
    unitId: s.actor.unitId ?? null,
    teamId: s.actor.teamId ?? null,
    staffId: s.actor.staffId ?? null,
    clientId: s.actor.clientId ?? null,
    relativeId: s.actor.relativeId ?? null,
  };
}

export function authRoutes(api: Api, ctx: AppContext): void {
  api.post('/api/auth/login', {
    config: { rateLimit: { max: ctx.config.loginAttemptsPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with username and password',
      security: [],
      body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }).strict(),
      response: { 200: sessionAnswer, ...errors, 429: errors[400].extend({ retryAfter: z.string().optional() }) },
    },
  }, async (request, reply) => {
    const now = ctx.now();
    const { username, password } = request.body;
    const user = (await ctx.db.select().from(users).where(eq(users.username, username.trim().toLowerCase())).limit(1))[0];
    if (!user) {
      await verifyPassword(await dummyPasswordHash(), password);
      throw new HttpProblem(401, 'bad-credentials', 'Wrong username or password.');
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      void reply.header('retry-after', String(Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000)));
      throw new HttpProblem(429, 'too-many-attempts', `Too many failed attempts. Try again after ${user.lockedUntil.toISOString()}.`, undefined, { retryAfter: user.lockedUntil.toISOString() });
    }
    if (user.disabled || !(await verifyPassword(user.passwordHash, password))) {
      const failed = user.failedLogins + 1;
      await ctx.db.update(users).set({ failedLogins: failed, lockedUntil: lockUntilAfterFailure(failed, now) }).where(eq(users.id, user.id));
      throw new HttpProblem(401, 'bad-credentials', 'Wrong username or password.');
    }
    await ctx.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const { token, expiresAt } = await createSession(ctx.db, user.id, now);
    setSessionCookie(reply, token, expiresAt, now, ctx.config.secureCookies);
    const session = await findSession(ctx.db, token, now);
    if (!session) throw new Error('session vanished right after creation');
    return { user: toSessionUser(session), csrfToken: session.csrfToken, today: localDate(now, ctx.config.timeZone), timeZone: ctx.config.timeZone };
  });

  api.get('/api/auth/session', {
    schema: {
      tags: ['auth'],
      summary: 'The signed-in user and the CSRF token for unsafe requests',
      security: [],
      response: { 200: sessionAnswer, 401: errors[401] },
    },
  }, async (request) => {
    const token = request.cookies[sessionCookie];
    const session = token ? await findSession(ctx.db, token, ctx.now()) : null;
    if (!session) throw new HttpProblem(401, 'not-signed-in', 'Sign in to continue.');
    return { user: toSessionUser(session), csrfToken: session.csrfToken, today: localDate(ctx.now(), ctx.config.timeZone), timeZone: ctx.config.timeZone };
  });

  api.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    sessionOf(request);
    const token = request.cookies[sessionCookie];
    if (token) await deleteSession(ctx.db, token);
    clearSessionCookie(reply, ctx.config.secureCookies);
    return reply.status(204).send(null);
  });

  api.put('/api/auth/locale', {
    schema: {
      tags: ['auth'],
      summary: 'Choose the language of the user interface (staff: sv or en; clients and relatives: any of the six)',
      body: z.object({ locale: z.enum(locales) }).strict(),
      response: { 200: z.object({ locale: z.enum(locales) }), ...errors, 422: errors[400] },
    },
  }, async (request) => {
    const s = sessionOf(request);
    const reader = s.actor.role === 'client' || s.actor.role === 'relative';
    // A staff account in, say, Arabic would leave its screens Swedish on every device while
    // claiming otherwise; the sign-in page may offer six languages, staff screens have two.
    if (!reader && !(staffLocales as readonly string[]).includes(request.body.locale)) {
      throw new HttpProblem(422, 'locale-not-offered', `Staff screens are in ${staffLocales.join(' or ')}.`,
        [{ pointer: '/body/locale', detail: `Choose one of ${staffLocales.join(', ')}.` }]);
    }
    await ctx.db.update(users).set({ locale: request.body.locale }).where(eq(users.id, s.actor.userId));
    return { locale: request.body.locale };
  });
}
