// Storing deviations: rows to domain records and back, and every step written to the history.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { clientView, overdueStep, type DeviationDeadlineSettings, type DeviationRecord, type DeviationSource, type DeviationType, type Severity } from '@tillit/domain';
import type { Db } from '../db/connection.js';
import { deviationEvents, deviations } from '../db/schema-follow-up.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DeviationRow = typeof deviations.$inferSelect;

export function toRecord(r: DeviationRow): DeviationRecord & { id: string; type: string; description: string } {
  return {
    id: r.id, type: r.type, description: r.description, state: r.state as DeviationRecord['state'], severity: r.severity as Severity,
    occurredAt: r.occurredAt.toISOString(), reportedAt: r.reportedAt.toISOString(),
    investigation: r.investigation ?? null, actions: r.actions ?? null, clientTold: r.clientTold ?? null, closed: r.closed ?? null,
  };
}

export interface NewDeviation {
  /** A client-chosen id (offline reports); a new one otherwise. */
  id?: string;
  clientId: string;
  teamId: string;
  visitId: string | null;
  type: DeviationType;
  severity: Severity;
  source: DeviationSource;
  occurredAt: Date;
  reportedAt: Date;
  reportedBy: string | null;
  reportedByName: string;
  description: string;
  immediateActions: string;
}

/** Insert a deviation and its first event. @returns the new id, or null when the visit already has one of this type. */
export async function insertDeviation(tx: Tx | Db, d: NewDeviation): Promise<string | null> {
  const id = d.id ?? randomUUID();
  const inserted = await tx.insert(deviations).values({ ...d, id, state: 'reported' }).onConflictDoNothing().returning({ id: deviations.id });
  if (inserted.length === 0) return null;
  await tx.insert(deviationEvents).values({
    deviationId: id, at: d.reportedAt, userId: d.reportedBy, byName: d.reportedByName, step: 'reported',
    data: { type: d.type, severity: d.severity, source: d.source, description: d.description, immediateActions: d.immediateActions },
  });
  return id;
}

/** Save the step a domain function took, with its event. */
export async function saveStep(tx: Tx | Db, id: string, after: DeviationRecord, event: { at: Date; userId: string | null; byName: string; step: string; data: Record<string, unknown> }): Promise<void> {
  await tx.update(deviations).set({
    state: after.state, investigation: after.investigation, actions: after.actions, clientTold: after.clientTold, closed: after.closed, updatedAt: event.at,
  }).where(eq(deviations.id, id));
  await tx.insert(deviationEvents).values({ deviationId: id, ...event });
}

/** The full view staff, coordinators and managers see. */
export function fullView(r: DeviationRow, names: { clientName: string; teamName: string }, deadlines: DeviationDeadlineSettings, now: Date) {
  const rec = toRecord(r);
  return {
    id: r.id, clientId: r.clientId, clientName: names.clientName, teamId: r.teamId, teamName: names.teamName, visitId: r.visitId,
    type: r.type, severity: r.severity, source: r.source, state: r.state,
    occurredAt: rec.occurredAt, reportedAt: rec.reportedAt, reportedByName: r.reportedByName,
    description: r.description, immediateActions: r.immediateActions,
    investigation: rec.investigation, actions: rec.actions, clientTold: rec.clientTold, closed: rec.closed,
    overdue: overdueStep(rec, deadlines, now.toISOString()),
  };
}

export function clientFacingView(r: DeviationRow) {
  return clientView(toRecord(r));
}
