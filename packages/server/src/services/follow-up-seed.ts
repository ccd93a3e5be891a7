// After the demo municipality is loaded: its history's missed visits become deviations (detected as
// possibly missed, settled as missed by the team, followed up to different steps by age), late visits
// are flagged (yesterday's open on the board, older ones settled as late with a low-severity
// deviation), each unit has an improvement under way whose study is due, some clients have declared
// a fee basis, and the history's months are invoiced, so the first start already shows follow-up
// and a month's invoices.
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { DemoMunicipality } from '@tillit/demo';
import {
  addDays, advanceDeviation, daysBetween, defaultMissedVisitSettings, monthBounds, visitFlag,
  type DeviationRecord, type DeviationStepInput,
} from '@tillit/domain';
import type { Db } from '../db/connection.js';
import { users } from '../db/schema.js';
import { clientFeeBases, deviationEvents, deviations, improvements, visitFlags } from '../db/schema-follow-up.js';
import { runInvoices } from './invoicing.js';
import { localInstant } from './local-time.js';

const timeZone = 'Europe/Stockholm';
const HOUR = 3_600_000;

/** A stable number 0..n-1 from an id, so the same demo gives the same follow-up. */
function pick(idText: string, n: number): number {
  let h = 2166136261;
  for (const ch of idText) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h % n;
}

const followUp: Record<DeviationStepInput['step'], () => DeviationStepInput> = {
  investigated: () => ({ step: 'investigated', findings: 'Besöket föll bort när dagens lista ändrades. Ingen larmade när besöket inte kvitterades.', cause: 'Omplanering utan kontroll av att alla besök fick en person.' }),
  actions_decided: () => ({ step: 'actions_decided', actions: 'Samordnaren går igenom listan efter varje ändring; tavlan larmar om besök som inte kvitterats.' }),
  client_told: () => ({ step: 'client_told', how: 'phone', toldAt: '', summary: 'Vi bad om ursäkt, berättade vad som hänt och vad vi ändrat. Besöket debiteras inte.' }),
  closed: () => ({ step: 'closed', comment: 'Uppföljt med brukaren.' }),
};
const order = ['investigated', 'actions_decided', 'client_told', 'closed'] as const;

/** @returns how many steps a deviation of this age has been followed up (older: further along). */
function stepsTaken(ageDays: number, lagging: boolean): number {
  const steps = ageDays >= 10 ? 4 : ageDays >= 7 ? 3 : ageDays >= 5 ? 2 : ageDays >= 3 ? 1 : 0;
  return lagging ? Math.max(0, steps - 1) : steps;
}

export async function seedFollowUp(db: Db, demo: DemoMunicipality): Promise<void> {
  const today = demo.today;
  const teamById = new Map(demo.teams.map((t) => [t.id, t]));
  const accounts = await db.select().from(users).where(inArray(users.role, ['coordinator', 'unit_manager']));
  const coordinatorOf = (teamId: string) => accounts.find((a) => a.role === 'coordinator' && a.teamId === teamId) ?? null;
  const managerOf = (teamId: string) => accounts.find((a) => a.role === 'unit_manager' && a.unitId === teamById.get(teamId)?.unitId) ?? accounts.find((a) => a.role === 'unit_manager') ?? null;
  const settings = defaultMissedVisitSettings;
  const history = demo.visits.filter((v) => v.date < today);

  const deviationRows: (typeof deviations.$inferInsert)[] = [];
  const eventRows: (typeof deviationEvents.$inferInsert)[] = [];
  const flagRows: (typeof visitFlags.$inferInsert)[] = [];

  /** One deviation from a settled flag, followed up further the older it is (every fourth lags a step, so some are overdue). */
  const addDeviation = (v: DemoMunicipality['visits'][number], kind: 'missed_visit' | 'late_visit', settledAt: Date, lagging: boolean) => {
    const coordinator = coordinatorOf(v.teamId);
    const manager = managerOf(v.teamId);
    const id = randomUUID();
    const severity = kind === 'missed_visit' ? 'moderate' as const : 'low' as const;
    const occurredAt = localInstant(v.date, v.windowStart, timeZone);
    const description = kind === 'missed_visit'
      ? `Besöket ${v.date} ${v.windowStart}–${v.windowEnd} (${v.title}) blev inte av: ${v.missedReason ?? ''}`
      : `Besöket ${v.date} ${v.windowStart}–${v.windowEnd} (${v.title}) började först ${v.actualStart}.`;
    const immediateActions = kind === 'missed_visit' ? 'Brukaren ringdes upp samma dag och erbjöds ett nytt besök.' : 'Brukaren fick veta att vi var sena.';
    eventRows.push({ deviationId: id, at: settledAt, userId: coordinator?.id ?? null, byName: coordinator?.displayName ?? 'Tillit', step: 'reported', data: { type: kind, severity, source: 'automatic', description, immediateActions } });
    let d: DeviationRecord = {
      state: 'reported', severity, occurredAt: occurredAt.toISOString(), reportedAt: settledAt.toISOString(),
      investigation: null, actions: null, clientTold: null, closed: null,
    };
    const steps = stepsTaken(daysBetween(v.date, today), lagging);
    for (let s = 0; s < steps; s++) {
      const step = order[s]!;
      const at = new Date(settledAt.getTime() + (s + 1) * 24 * HOUR);
      const who = step === 'closed' ? manager : coordinator ?? manager;
      const by = who?.displayName ?? 'Enhetschef';
      const input = followUp[step]();
      const filled = input.step === 'client_told' ? { ...input, toldAt: new Date(at.getTime() - HOUR).toISOString() } : input;
      d = advanceDeviation(d, filled, by, at.toISOString());
      eventRows.push({ deviationId: id, at, userId: who?.id ?? null, byName: by, step, data: { ...filled } });
    }
    deviationRows.push({
      id, clientId: v.clientId, teamId: v.teamId, visitId: v.id, type: kind, severity, source: 'automatic', state: d.state,
      occurredAt, reportedAt: settledAt, reportedBy: coordinator?.id ?? null, reportedByName: coordinator?.displayName ?? 'Tillit',
      description, immediateActions, investigation: d.investigation, actions: d.actions, clientTold: d.clientTold, closed: d.closed,
      updatedAt: settledAt,
    });
    return id;
  };
  const byTime = (a: { date: string; windowStart: string; id: string }, b: typeof a) => (a.date + a.windowStart + a.id < b.date + b.windowStart + b.id ? -1 : 1);

  // Missed visits: detected as possibly missed an hour after the window, settled as missed by the team.
  const missed = history.filter((v) => v.status === 'missed').sort(byTime);
  for (const [i, v] of missed.entries()) {
    const detectedAt = new Date(localInstant(v.date, v.windowEnd, timeZone).getTime() + settings.possiblyMissedAfterMin * 60_000);
    const settledAt = new Date(detectedAt.getTime() + 0.5 * HOUR);
    const deviationId = addDeviation(v, 'missed_visit', settledAt, i % 4 === 0);
    flagRows.push({ visitId: v.id, kind: 'possibly_missed', teamId: v.teamId, date: v.date, detectedAt, settledAt, settledBy: coordinatorOf(v.teamId)?.id ?? null, outcome: 'missed', deviationId });
  }

  // Late visits: flagged when they started; yesterday's wait on the board, older ones were settled as late.
  const yesterday = addDays(today, -1);
  const late = history.filter((v) => v.status === 'done' && visitFlag(v, { date: today, minute: 0 }, settings) === 'late').sort(byTime);
  for (const [i, v] of late.entries()) {
    const detectedAt = localInstant(v.date, v.actualStart!, timeZone);
    if (v.date >= yesterday) {
      flagRows.push({ visitId: v.id, kind: 'late', teamId: v.teamId, date: v.date, detectedAt, settledAt: null, settledBy: null, outcome: null, deviationId: null });
      continue;
    }
    const settledAt = new Date(detectedAt.getTime() + 2 * HOUR);
    const deviationId = addDeviation(v, 'late_visit', settledAt, i % 4 === 0);
    flagRows.push({ visitId: v.id, kind: 'late', teamId: v.teamId, date: v.date, detectedAt, settledAt, settledBy: coordinatorOf(v.teamId)?.id ?? null, outcome: 'late', deviationId });
  }

  const inserted = new Set<string>();
  for (let i = 0; i < deviationRows.length; i += 200) {
    const rows = await db.insert(deviations).values(deviationRows.slice(i, i + 200)).onConflictDoNothing().returning({ id: deviations.id });
    for (const r of rows) inserted.add(r.id);
  }
  const events = eventRows.filter((e) => inserted.has(e.deviationId));
  for (let i = 0; i < events.length; i += 500) await db.insert(deviationEvents).values(events.slice(i, i + 500));
  const flags = flagRows.filter((f) => f.deviationId === null || inserted.has(f.deviationId!));
  for (let i = 0; i < flags.length; i += 500) await db.insert(visitFlags).values(flags.slice(i, i + 500)).onConflictDoNothing();

  // Each unit's manager started an improvement against its most frequent missed visits three
  // weeks ago; the date to study its effect was two days ago, so the improvements page shows it due.
  const improvementRows = demo.units.flatMap((unit) => {
    const manager = accounts.find((a) => a.role === 'unit_manager' && a.unitId === unit.id);
    const counts = new Map<string, number>();
    for (const v of missed) if (teamById.get(v.teamId)?.unitId === unit.id) counts.set(v.teamId, (counts.get(v.teamId) ?? 0) + 1);
    const team = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    if (!manager || !team) return [];
    return [{
      id: randomUUID(), unitId: unit.id, teamId: team, deviationType: 'missed_visit', title: 'Ersättare inom 30 minuter vid bilstopp',
      cause: 'Besök faller bort när en bil inte startar eller en person blir sjuk under dagen, och ingen kallas in.',
      change: 'Samordnaren ringer in en ersättare inom 30 minuter; en reservbil står i garaget.',
      prediction: 'Missade besök på grund av bil eller sjukdom halveras på fyra veckor.',
      measure: 'Missade besök per vecka i laget, med orsak.',
      studyOn: addDays(today, -2), state: 'doing', doing: { startedOn: addDays(today, -21), notes: 'Rutinen gicks igenom på morgonmötet.' },
      createdBy: manager.id, createdAt: localInstant(addDays(today, -22), '14:00', timeZone),
    }];
  });
  if (improvementRows.length > 0) await db.insert(improvements).values(improvementRows).onConflictDoNothing();

  // About a third of the clients declared their income; the rest pay at most the cap.
  const bases = demo.clients.filter((c) => pick(c.id, 3) === 0).map((c) => ({
    clientId: c.id,
    household: pick(`${c.id}h`, 5) === 0 ? 'couple' as const : 'single' as const,
    netIncomeKr: 11_000 + 100 * pick(`${c.id}i`, 100),
    housingCostKr: 4_000 + 100 * pick(`${c.id}r`, 40),
    adjustments: pick(`${c.id}a`, 6) === 0 ? [{ kind: 'raise' as const, amountKr: 400, reason: 'Fördyrad kost (läkarintyg)' }] : [],
  }));
  if (bases.length > 0) await db.insert(clientFeeBases).values(bases).onConflictDoNothing();

  // Invoice the history's months: earlier months are sent, the current month is a draft.
  const months = [...new Set(history.map((v) => v.date.slice(0, 7)))].sort();
  const computedAt = localInstant(today, '06:00', timeZone);
  for (const m of months) {
    const complete = monthBounds(m).last < today;
    await runInvoices(db, m, computedAt, { send: complete && m < today.slice(0, 7) });
  }
}
