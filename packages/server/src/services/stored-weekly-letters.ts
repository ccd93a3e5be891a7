// Making and keeping the weekly letters: the weekly job (and a coordinator's "make again") renders
// next week's letter for every client in the client's language and stores it with its content
// hash, so a second run stores nothing and a run after a plan change stores a new version.
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { addDays, type ClientLanguage } from '@tillit/domain';
import type { AppContext } from '../context.js';
import { localDate } from '../context.js';
import { carePlans, carePlanVisits, clients, teams } from '../db/schema.js';
import { weeklyLetters } from '../db/schema-client-comms.js';
import { ensureDaysGenerated } from './visit-generation.js';
import { loadWeeklyLetters, mondayOfIsoWeek, renderWeeklyLetters, type WeeklyLetter } from './weekly-letter.js';

/** The weekly letter's content as stored (jsonb): the photo as base64 instead of bytes. */
type StoredContent = Omit<WeeklyLetter, 'fixedContact'> & {
  fixedContact: (Omit<NonNullable<WeeklyLetter['fixedContact']>, 'photo'> & { photo: string | null }) | null;
};

function toStored(letter: WeeklyLetter): StoredContent {
  return { ...letter, fixedContact: letter.fixedContact ? { ...letter.fixedContact, photo: letter.fixedContact.photo?.toString('base64') ?? null } : null };
}

function fromStored(content: StoredContent): WeeklyLetter {
  return { ...content, fixedContact: content.fixedContact ? { ...content.fixedContact, photo: content.fixedContact.photo ? Buffer.from(content.fixedContact.photo, 'base64') : null } : null };
}

/** JSON with object keys sorted, so equal content hashes equally whatever order jsonb returns. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** @returns the SHA-256 (hex) of a letter's content. */
export function letterContentHash(letter: WeeklyLetter): string {
  return createHash('sha256').update(canonicalJson(toStored(letter))).digest('hex');
}

export interface MadeLetters {
  week: string;
  /** Letters stored by this run (new, or a new version after a change). */
  made: number;
  /** Letters whose latest stored version already had this content. */
  unchanged: number;
}

/**
 * Make and store the weekly letters of one ISO week, for every client or one team's. The week's
 * visits are generated first for every team that visits these clients, since the service group
 * and the evening team come to a team's clients too. Idempotent: a letter whose content equals the latest stored version of
 * that client and week is not stored again; a changed one is stored as the next version.
 * @param ctx - database, settings and clock
 * @param week - ISO week "YYYY-Www" (valid)
 * @param teamId - only this team's clients; absent: every client
 * @returns how many letters were stored and how many were already up to date
 */
/** Every team that visits a team's clients: the team itself, and those named on its clients' care plans (evening, service). */
export async function teamsVisitingClientsOf(ctx: Pick<AppContext, 'db'>, teamId: string): Promise<string[]> {
  const others = await ctx.db.selectDistinct({ id: carePlanVisits.teamId }).from(carePlanVisits)
    .innerJoin(carePlans, eq(carePlans.id, carePlanVisits.carePlanId)).innerJoin(clients, eq(clients.id, carePlans.clientId))
    .where(and(eq(clients.teamId, teamId), isNotNull(carePlanVisits.teamId)));
  return [...new Set([teamId, ...others.map((t) => t.id!)])].sort();
}

export async function makeWeeklyLetters(ctx: Pick<AppContext, 'db' | 'config' | 'now'>, week: string, teamId?: string): Promise<MadeLetters> {
  const monday = mondayOfIsoWeek(week);
  if (!monday) throw new Error(`not an ISO week: ${week}`);
  const today = localDate(ctx.now(), ctx.config.timeZone);
  const cs = await ctx.db.select({ id: clients.id, teamId: clients.teamId }).from(clients)
    .where(teamId ? eq(clients.teamId, teamId) : undefined).orderBy(asc(clients.lastName), asc(clients.firstName), asc(clients.id));
  const visiting = teamId ? await teamsVisitingClientsOf(ctx, teamId) : (await ctx.db.select({ id: teams.id }).from(teams)).map((t) => t.id);
  for (const t of visiting) await ensureDaysGenerated(ctx, t, monday, addDays(monday, 6), today);
  const teamOf = new Map(cs.map((c) => [c.id, c.teamId]));
  const result: MadeLetters = { week, made: 0, unchanged: 0 };
  // Fifty letters at a time keeps memory flat in a large municipality.
  const batch = 50;
  for (let i = 0; i < cs.length; i += batch) {
    const ids = cs.slice(i, i + batch).map((c) => c.id);
    const latest = await latestLetters(ctx, ids, week);
    for (const letter of await loadWeeklyLetters(ctx.db, ids, week)) {
      const hash = letterContentHash(letter);
      const previous = latest.get(letter.clientId);
      if (previous?.contentHash === hash) {
        result.unchanged++;
        continue;
      }
      const madeAt = ctx.now();
      const pdf = await renderWeeklyLetters([letter], { madeAt });
      // The unique (client, week, version) index settles two runs racing: the second stores nothing.
      const stored = await ctx.db.insert(weeklyLetters).values({
        id: randomUUID(), clientId: letter.clientId, teamId: teamOf.get(letter.clientId)!, week, version: (previous?.version ?? 0) + 1,
        language: letter.language, content: toStored(letter), contentHash: hash, pdf, madeAt,
      }).onConflictDoNothing().returning({ id: weeklyLetters.id });
      if (stored.length > 0) result.made++;
      else result.unchanged++;
    }
  }
  return result;
}

export interface StoredLetterInfo {
  id: string;
  clientId: string;
  week: string;
  version: number;
  language: ClientLanguage;
  contentHash: string;
  madeAt: Date;
}

/** @returns the latest stored version of each client's letter of the week (without the PDF). */
export async function latestLetters(ctx: Pick<AppContext, 'db'>, clientIds: readonly string[], week: string): Promise<Map<string, StoredLetterInfo>> {
  if (clientIds.length === 0) return new Map();
  const rows = await ctx.db.select({
    id: weeklyLetters.id, clientId: weeklyLetters.clientId, week: weeklyLetters.week, version: weeklyLetters.version,
    language: weeklyLetters.language, contentHash: weeklyLetters.contentHash, madeAt: weeklyLetters.madeAt,
  }).from(weeklyLetters)
    .where(and(inArray(weeklyLetters.clientId, [...clientIds]), eq(weeklyLetters.week, week)))
    .orderBy(desc(weeklyLetters.version));
  const out = new Map<string, StoredLetterInfo>();
  for (const r of rows) if (!out.has(r.clientId)) out.set(r.clientId, { ...r, language: r.language as ClientLanguage });
  return out;
}

/** @returns the stored letters' contents by id, for rendering a team's print as one PDF. */
export async function storedLetterContents(ctx: Pick<AppContext, 'db'>, ids: readonly string[]): Promise<Map<string, WeeklyLetter>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.select({ id: weeklyLetters.id, content: weeklyLetters.content }).from(weeklyLetters).where(inArray(weeklyLetters.id, [...ids]));
  return new Map(rows.map((r) => [r.id, fromStored(r.content as StoredContent)]));
}

/** @returns one stored letter with its PDF bytes, or null. */
export async function storedLetter(ctx: Pick<AppContext, 'db'>, letterId: string) {
  return (await ctx.db.select().from(weeklyLetters).where(eq(weeklyLetters.id, letterId)))[0] ?? null;
}
