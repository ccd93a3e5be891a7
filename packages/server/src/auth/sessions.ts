// Server-side sessions: the cookie carries a random token, the database keeps only its hash.
// Every unsafe request must echo the session's CSRF token in a header (synchroniser token).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Role } from '@tillit/domain';
import type { Db } from '../db/connection.js';
import { sessions, users } from '../db/schema.js';
import { HttpProblem } from '../errors/problem.js';

export const sessionCookie = 'tillit_session';
export const csrfHeader = 'x-csrf-token';
const sessionHours = 10;

export interface SessionUser {
  actor: Actor;
  displayName: string;
  username: string;
  locale: string;
  csrfToken: string;
}

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Db, userId: string, now: Date): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + sessionHours * 3_600_000);
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  await db.insert(sessions).values({ tokenHash: sha256(token), userId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export async function findSession(db: Db, token: string, now: Date): Promise<SessionUser | null> {
  const rows = await db
    .select({ user: users, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, now)))
    .limit(1);
  const row = rows[0];
  if (!row || row.user.disabled) return null;
  const u = row.user;
  return {
    actor: {
      userId: u.id,
      role: u.role as Role,
      municipalityId: u.municipalityId,
      unitId: u.unitId,
      teamId: u.teamId,
      staffId: u.staffId,
      clientId: u.clientId,
      relativeId: u.relativeId,
    },
    displayName: u.displayName,
    username: u.username,
    locale: u.locale,
    csrfToken: row.csrfToken,
  };
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolve the session of a request; 401 without one; 403 when an unsafe request lacks the
 * session's CSRF token.
 */
export async function requireSession(db: Db, request: FastifyRequest, now: Date): Promise<SessionUser> {
  const token = request.cookies[sessionCookie];
  const session = token ? await findSession(db, token, now) : null;
  if (!session) throw new HttpProblem(401, 'not-signed-in', 'Sign in to continue.');
  if (unsafeMethods.has(request.method)) {
    const sent = request.headers[csrfHeader];
    if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) {
      throw new HttpProblem(403, 'csrf', `The ${csrfHeader} header is missing or does not match this session.`);
    }
  }
  return session;
}

/**
 * Sets the session cookie to last as long as the session: as Max-Age (seconds from now), not as
 * an Expires date, so a browser whose clock differs from the server's keeps it just as long.
 */
export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, now: Date, secure: boolean): void {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  reply.setCookie(sessionCookie, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookie, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
