// The month's invoice run. A run is computed from delivered care only (done visits, real time when
// recorded) and the fee rules of the month's year; repeating a draft run with the same data gives
// the same invoices (same ids, numbers and lines). A sent run is never changed: a visit billed on it
// and found missed later becomes a credit line, with the reason, on the client's next invoice.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, inArray, lt, lte, ne } from 'drizzle-orm';
import {
  clientLanguages, composeInvoice, feeBasis as feeBasisSchema, feeLimits, feeYearSettings, messageLanguage, monthBounds, monthFee, settingsForMonth,
  type BillableVisit, type ClientLanguage, type EarlierMonthCredits, type FeeLimits,
} from '@tillit/domain';
import type { Db } from '../db/connection.js';
import { clients, staff, visits } from '../db/schema.js';
import { clientFeeBases, feeYears, invoiceLines, invoiceRuns, invoices } from '../db/schema-follow-up.js';

/** Languages the invoice is written in: those of the client's page and weekly letter; any other falls back to Swedish. */
export const invoiceLanguages = clientLanguages;
export type InvoiceLanguage = ClientLanguage;

/** @returns the client's first language Tillit writes invoices in, else Swedish. */
export function invoiceLanguage(languages: readonly string[]): InvoiceLanguage {
  return messageLanguage(languages);
}

export async function loadFeeYears(db: Db) {
  const rows = await db.select().from(feeYears).orderBy(asc(feeYears.year));
  return rows.map((r) => feeYearSettings.parse({ ...r.settings, year: r.year }));
}

const staffLabel = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName.slice(0, 1)}.`;

export interface RunResult {
  runId: string;
  month: string;
  state: 'draft' | 'sent';
  /** False when the run was already sent and nothing was recomputed. */
  recomputed: boolean;
}

/**
 * Compute (or recompute) the month's run; with `send`, freeze it after computing.
 * @param now - the instant recorded as computed/sent
 */
export async function runInvoices(db: Db, month: string, now: Date, options: { send?: boolean; sentBy?: string } = {}): Promise<RunResult> {
  const settings = settingsForMonth(await loadFeeYears(db), month);
  const existing = (await db.select().from(invoiceRuns).where(eq(invoiceRuns.month, month)))[0];
  if (existing?.state === 'sent') return { runId: existing.id, month, state: 'sent', recomputed: false };
  const { first, last } = monthBounds(month);

  return db.transaction(async (tx) => {
    // Two runs of the same month at once (PostgreSQL): the second waits on the unique month and reuses the run.
    if (!existing) await tx.insert(invoiceRuns).values({ id: randomUUID(), month, state: 'draft', computedAt: now }).onConflictDoNothing();
    const run = (await tx.select().from(invoiceRuns).where(eq(invoiceRuns.month, month)))[0]!;
    if (run.state === 'sent') return { runId: run.id, month, state: 'sent' as const, recomputed: false };
    const runId = run.id;
    await tx.update(invoiceRuns).set({ computedAt: now }).where(eq(invoiceRuns.id, runId));

    const monthVisits = await tx.select().from(visits).where(and(gte(visits.date, first), lte(visits.date, last)));

    // Visits billed on earlier sent invoices that are now missed, and not credited on another month's invoice.
    const billedMissed = await tx.select({ l: invoiceLines, inv: invoices, status: visits.status, missedReason: visits.missedReason })
      .from(invoiceLines).innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId)).innerJoin(visits, eq(visits.id, invoiceLines.visitId))
      .where(and(eq(invoiceLines.kind, 'visit'), eq(invoices.state, 'sent'), lt(invoices.month, month), eq(visits.status, 'missed')));
    const creditLines = await tx.select({ l: invoiceLines, month: invoices.month, clientId: invoices.clientId })
      .from(invoiceLines).innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
      .where(and(eq(invoiceLines.kind, 'credit'), ne(invoices.month, month)));
    const creditedElsewhere = new Set(creditLines.map((c) => c.l.visitId));
    const candidates = billedMissed.filter((b) => !creditedElsewhere.has(b.l.visitId));
    const billedStart = new Map(candidates.map((b) => [b.l.visitId, b.l.start]));

    const clientIds = [...new Set([...monthVisits.map((v) => v.clientId), ...candidates.map((c) => c.inv.clientId)])];
    const cs = clientIds.length === 0 ? [] : await tx.select().from(clients).where(inArray(clients.id, clientIds))
      .orderBy(asc(clients.lastName), asc(clients.firstName), asc(clients.id));
    const bases = clientIds.length === 0 ? [] : await tx.select().from(clientFeeBases).where(inArray(clientFeeBases.clientId, clientIds));
    const basisOf = new Map(bases.map((b) => [b.clientId, feeBasisSchema.parse(b)]));
    const staffIds = [...new Set(monthVisits.flatMap((v) => v.staffIds))];
    const people = staffIds.length === 0 ? [] : await tx.select().from(staff).where(inArray(staff.id, staffIds));
    const who = new Map(people.map((p) => [p.id, staffLabel(p)]));

    // The sent invoices that credits refer to: what they billed and charged, with their frozen limits.
    const sentIds = [...new Set(candidates.map((c) => c.inv.id))];
    const sentVisitLines = sentIds.length === 0 ? [] : await tx.select().from(invoiceLines)
      .where(and(inArray(invoiceLines.invoiceId, sentIds), eq(invoiceLines.kind, 'visit')));

    const oldInvoices = await tx.select().from(invoices).where(eq(invoices.runId, runId));
    const oldByClient = new Map(oldInvoices.map((i) => [i.clientId, i]));
    let nextSeq = oldInvoices.reduce((m, i) => Math.max(m, Number(i.number.slice(8))), 0) + 1;
    const keep = new Set<string>();
    const newInvoices: (typeof invoices.$inferInsert)[] = [];
    const newLines: (typeof invoiceLines.$inferInsert)[] = [];

    for (const c of cs) {
      const mine = monthVisits.filter((v) => v.clientId === c.id);
      const billable: BillableVisit[] = mine.map((v) => ({
        visitId: v.id, date: v.date, status: v.status, durationMin: v.durationMin, staffCount: v.staffCount,
        actualStart: v.actualStart, actualEnd: v.actualEnd, shownStart: v.actualStart ?? v.plannedStart ?? v.windowStart,
        staffNames: v.staffIds.map((s) => who.get(s) ?? '').filter((n) => n !== ''),
      }));
      const limits = feeLimits(settings, basisOf.get(c.id) ?? null);
      const mineCandidates = candidates.filter((k) => k.inv.clientId === c.id);
      const earlier: EarlierMonthCredits[] = [...new Set(mineCandidates.map((k) => k.inv.id))].map((invId) => {
        const inv = mineCandidates.find((k) => k.inv.id === invId)!.inv;
        const credited = creditLines.filter((cl) => cl.clientId === c.id && cl.l.creditMonth === inv.month);
        return {
          month: inv.month,
          sent: {
            billedMin: sentVisitLines.filter((l) => l.invoiceId === invId).reduce((a, l) => a + l.minutes, 0),
            feeOre: inv.feeOre, limits: inv.limits as FeeLimits,
            creditedOre: credited.reduce((a, cl) => a + (cl.l.amountOre ?? 0), 0),
            creditedMin: credited.reduce((a, cl) => a + cl.l.minutes, 0),
          },
          candidates: mineCandidates.filter((k) => k.inv.id === invId).map((k) => ({
            visitId: k.l.visitId, date: k.l.date, billedMin: k.l.minutes, reason: k.missedReason ?? '',
          })),
        };
      });
      const composed = composeInvoice(month, billable, limits, earlier);
      if (composed.lines.length === 0 && composed.credits.length === 0) continue;
      const missedMin = mine.filter((v) => v.status === 'missed').reduce((a, v) => a + v.durationMin * v.staffCount, 0);
      const old = oldByClient.get(c.id);
      const invoiceId = old?.id ?? randomUUID();
      keep.add(invoiceId);
      const values = {
        runId, clientId: c.id, month, state: 'draft' as const, language: invoiceLanguage(c.languages),
        recipient: { name: `${c.firstName} ${c.lastName}`, street: c.street, postalCode: c.postalCode, city: c.city },
        deliveredMin: composed.deliveredMin, missedMin, tariffAmountOre: composed.fee.tariffAmountOre, feeOre: composed.fee.feeOre,
        limitedBy: composed.fee.limitedBy, creditOre: composed.creditOre, totalOre: composed.totalOre,
        feeIfMissedBilledOre: monthFee(composed.deliveredMin + missedMin, limits).feeOre,
        limits, hasCapacity: limits.capacityOre !== null,
      };
      if (old) {
        await tx.update(invoices).set(values).where(eq(invoices.id, invoiceId));
      } else {
        newInvoices.push({ id: invoiceId, number: `${month}-${String(nextSeq++).padStart(4, '0')}`, ...values });
      }
      newLines.push(...[
        ...composed.lines.map((l) => ({ kind: 'visit' as const, visitId: l.visitId, date: l.date, start: l.start, staffNames: l.staffNames, minutes: l.minutes, amountOre: null, reason: null, creditMonth: null })),
        // A credit shows the time the visit was billed with, so the client recognises it.
        ...composed.credits.map((cr) => ({ kind: 'credit' as const, visitId: cr.visitId, date: cr.date, start: billedStart.get(cr.visitId) ?? '', staffNames: [], minutes: cr.minutes, amountOre: cr.amountOre, reason: cr.reason, creditMonth: cr.month })),
      ].map((l, position) => ({ ...l, invoiceId, position })));
    }
    // Lines of a draft are rewritten whole: the same data gives the same lines.
    if (oldInvoices.length > 0) await tx.delete(invoiceLines).where(inArray(invoiceLines.invoiceId, oldInvoices.map((i) => i.id)));
    for (let i = 0; i < newInvoices.length; i += 200) await tx.insert(invoices).values(newInvoices.slice(i, i + 200));
    for (let i = 0; i < newLines.length; i += 500) await tx.insert(invoiceLines).values(newLines.slice(i, i + 500));
    const stale = oldInvoices.filter((i) => !keep.has(i.id)).map((i) => i.id);
    if (stale.length > 0) await tx.delete(invoices).where(inArray(invoices.id, stale));
    if (options.send) {
      await tx.update(invoiceRuns).set({ state: 'sent', sentAt: now, sentBy: options.sentBy ?? null }).where(eq(invoiceRuns.id, runId));
      await tx.update(invoices).set({ state: 'sent' }).where(eq(invoices.runId, runId));
    }
    return { runId, month, state: options.send ? 'sent' : 'draft', recomputed: true };
  });
}

/** The run's invoices with their lines, in invoice-number order. */
export async function loadRun(db: Db, month: string) {
  const run = (await db.select().from(invoiceRuns).where(eq(invoiceRuns.month, month)))[0];
  if (!run) return null;
  const invs = await db.select().from(invoices).where(eq(invoices.runId, run.id)).orderBy(asc(invoices.number));
  return { run, invoices: invs };
}

export async function loadLines(db: Db, invoiceId: string) {
  return db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position));
}
