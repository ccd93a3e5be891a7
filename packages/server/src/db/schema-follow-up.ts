// Tables of follow-up and fair billing (issue 7): deviations and their history, lex Sarah cases,
// improvements, missed-visit flags, fee settings per year, clients' fee basis, invoice runs,
// invoices and their lines, and each unit's follow-up settings. Same PostgreSQL 15 subset as schema.ts.
import {
  bigserial, boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import type { DeviationDeadlineSettings, FeeLimits, FeeYearSettings, LexSarahDeadlineSettings, MinimumAdjustment } from '@tillit/domain';
import { clients, teams, units, visits } from './schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** Avvikelser. The step columns hold who and when; `deviation_event` keeps every step as history. */
export const deviations = pgTable('deviation', {
  id: uuid('id').primaryKey(),
  clientId: uuid('client_id').notNull().references(() => clients.id),
  /** The team that follows it up: the visit's team, else the client's. */
  teamId: uuid('team_id').notNull().references(() => teams.id),
  visitId: uuid('visit_id').references(() => visits.id),
  type: text('type').notNull(),
  severity: text('severity').notNull(),
  source: text('source').notNull(),
  state: text('state').notNull(),
  occurredAt: at('occurred_at').notNull(),
  reportedAt: at('reported_at').notNull(),
  /** Null when Tillit's missed-visit detection reported it. */
  reportedBy: uuid('reported_by'),
  reportedByName: text('reported_by_name').notNull(),
  description: text('description').notNull(),
  immediateActions: text('immediate_actions').notNull(),
  investigation: jsonb('investigation').$type<{ findings: string; cause: string; at: string; by: string }>(),
  actions: jsonb('actions').$type<{ actions: string; at: string; by: string }>(),
  clientTold: jsonb('client_told').$type<{ how: string; toldAt: string; toldBy: string; summary: string; at: string; by: string }>(),
  closed: jsonb('closed').$type<{ comment: string; at: string; by: string }>(),
  updatedAt: at('updated_at').notNull().defaultNow(),
}, (t) => [
  index('deviation_team_idx').on(t.teamId, t.reportedAt),
  index('deviation_client_idx').on(t.clientId),
  // One deviation per visit and type, so settling and demo loading are idempotent.
  uniqueIndex('deviation_visit_type_uq').on(t.visitId, t.type),
]);

export const deviationEvents = pgTable('deviation_event', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  deviationId: uuid('deviation_id').notNull().references(() => deviations.id),
  at: at('at').notNull(),
  userId: uuid('user_id'),
  byName: text('by_name').notNull(),
  /** reported, investigated, actions_decided, client_told, closed, lex_sarah_*. */
  step: text('step').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
}, (t) => [index('deviation_event_deviation_idx').on(t.deviationId, t.id)]);

/** A deviation escalated under lex Sarah (SoL 14 kap 3–7 §§). */
export const lexSarahReports = pgTable('lex_sarah_report', {
  id: uuid('id').primaryKey(),
  deviationId: uuid('deviation_id').notNull().references(() => deviations.id),
  state: text('state').notNull(),
  report: jsonb('report').$type<{ whatHappened: string; occurredAt: string; consequences: string; immediateActions: string; reporterName: string; reporterRole: string }>().notNull(),
  reportedAt: at('reported_at').notNull(),
  reportedBy: uuid('reported_by').notNull(),
  investigation: jsonb('investigation').$type<{ causes: string; consequences: string; clientView: string; actionsTaken: string; at: string; by: string }>(),
  decision: jsonb('decision').$type<{ serious: boolean; notifyIvo: boolean; reasoning: string; decidedOn: string; by: string }>(),
  ivoNotification: jsonb('ivo_notification').$type<{ notifiedOn: string; reference: string; by: string }>(),
  closed: jsonb('closed').$type<{ comment: string; at: string; by: string }>(),
}, (t) => [uniqueIndex('lex_sarah_deviation_uq').on(t.deviationId)]);

/** Plan–do–study–act improvements of a unit, attached to a recurring cause. */
export const improvements = pgTable('improvement', {
  id: uuid('id').primaryKey(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  teamId: uuid('team_id').references(() => teams.id),
  deviationType: text('deviation_type'),
  title: text('title').notNull(),
  cause: text('cause').notNull(),
  change: text('change').notNull(),
  prediction: text('prediction').notNull(),
  measure: text('measure').notNull(),
  studyOn: date('study_on').notNull(),
  state: text('state').notNull(),
  doing: jsonb('doing').$type<{ startedOn: string; notes: string }>(),
  study: jsonb('study').$type<{ result: string; studiedOn: string }>(),
  act: jsonb('act').$type<{ decision: 'adopt' | 'adapt' | 'abandon'; notes: string }>(),
  createdBy: uuid('created_by').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [index('improvement_unit_idx').on(t.unitId)]);

/** A visit found possibly missed or late by the detection run, until the team settles it. */
export const visitFlags = pgTable('visit_flag', {
  visitId: uuid('visit_id').notNull().references(() => visits.id),
  kind: text('kind', { enum: ['possibly_missed', 'late'] }).notNull(),
  teamId: uuid('team_id').notNull().references(() => teams.id),
  date: date('date').notNull(),
  detectedAt: at('detected_at').notNull(),
  settledAt: at('settled_at'),
  settledBy: uuid('settled_by'),
  /** done, missed or late. */
  outcome: text('outcome'),
  deviationId: uuid('deviation_id').references(() => deviations.id),
}, (t) => [primaryKey({ columns: [t.visitId, t.kind] }), index('visit_flag_team_date_idx').on(t.teamId, t.date)]);

/** The fee figures of a year (prisbasbelopp, factors, tariff, rounding): data, never code. */
export const feeYears = pgTable('fee_year', {
  year: smallint('year').primaryKey(),
  settings: jsonb('settings').$type<FeeYearSettings>().notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** What the client declared for the fee capacity; no row means no declared income (the cap applies). */
export const clientFeeBases = pgTable('client_fee_basis', {
  clientId: uuid('client_id').primaryKey().references(() => clients.id),
  household: text('household', { enum: ['single', 'couple'] }).notNull(),
  netIncomeKr: integer('net_income_kr').notNull(),
  housingCostKr: integer('housing_cost_kr').notNull(),
  adjustments: jsonb('adjustments').$type<MinimumAdjustment[]>().notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** One month's invoice run. A draft is recomputed on every run; a sent run never changes. */
export const invoiceRuns = pgTable('invoice_run', {
  id: uuid('id').primaryKey(),
  month: text('month').notNull(),
  state: text('state', { enum: ['draft', 'sent'] }).notNull(),
  computedAt: at('computed_at').notNull(),
  sentAt: at('sent_at'),
  sentBy: uuid('sent_by'),
}, (t) => [uniqueIndex('invoice_run_month_uq').on(t.month)]);

export const invoices = pgTable('invoice', {
  id: uuid('id').primaryKey(),
  runId: uuid('run_id').notNull().references(() => invoiceRuns.id),
  clientId: uuid('client_id').notNull().references(() => clients.id),
  month: text('month').notNull(),
  number: text('number').notNull(),
  state: text('state', { enum: ['draft', 'sent'] }).notNull(),
  language: text('language').notNull(),
  /** Name and address as invoiced, so a sent invoice reads the same after a move. */
  recipient: jsonb('recipient').$type<{ name: string; street: string; postalCode: string; city: string }>().notNull(),
  deliveredMin: integer('delivered_min').notNull(),
  /** Minutes of missed visits this month: not billed, shown for transparency. */
  missedMin: integer('missed_min').notNull(),
  tariffAmountOre: integer('tariff_amount_ore').notNull(),
  feeOre: integer('fee_ore').notNull(),
  limitedBy: text('limited_by').notNull(),
  creditOre: integer('credit_ore').notNull(),
  totalOre: integer('total_ore').notNull(),
  /** What the fee would have been had missed visits been billed (for the follow-up figures). */
  feeIfMissedBilledOre: integer('fee_if_missed_billed_ore').notNull(),
  limits: jsonb('limits').$type<FeeLimits>().notNull(),
  hasCapacity: boolean('has_capacity').notNull(),
}, (t) => [
  uniqueIndex('invoice_run_client_uq').on(t.runId, t.clientId),
  uniqueIndex('invoice_number_uq').on(t.number),
  index('invoice_client_idx').on(t.clientId, t.month),
]);

export const invoiceLines = pgTable('invoice_line', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  invoiceId: uuid('invoice_id').notNull().references(() => invoices.id),
  position: integer('position').notNull(),
  kind: text('kind', { enum: ['visit', 'credit'] }).notNull(),
  visitId: uuid('visit_id').notNull().references(() => visits.id),
  date: date('date').notNull(),
  start: text('start_time').notNull(),
  staffNames: text('staff_names').array().notNull(),
  minutes: integer('minutes').notNull(),
  /** Credits only: the amount credited (positive) and why. */
  amountOre: integer('amount_ore'),
  reason: text('reason'),
  /** Credits only: the month whose sent invoice billed the visit. */
  creditMonth: text('credit_month'),
}, (t) => [index('invoice_line_invoice_idx').on(t.invoiceId, t.position), index('invoice_line_visit_idx').on(t.visitId)]);

export const followUpSchema = {
  deviations, deviationEvents, lexSarahReports, improvements, visitFlags, feeYears, clientFeeBases, invoiceRuns, invoices, invoiceLines,
};

/**
 * A unit's own follow-up figures (services/follow-up-settings.ts); a unit without a row uses the
 * defaults. Changed by the unit's manager or an administrator.
 */
export const unitFollowUpSettings = pgTable('unit_follow_up_settings', {
  unitId: uuid('unit_id').primaryKey().references(() => units.id),
  /** Minutes after a window's end before an unmarked visit is possibly missed. */
  possiblyMissedAfterMin: integer('possibly_missed_after_min').notNull(),
  /** A start more than this many minutes after the window's end is late. */
  lateAfterMin: integer('late_after_min').notNull(),
  /** Hours from the report to each deviation step, per severity (domain deviationDeadlineSettings). */
  deviationDeadlines: jsonb('deviation_deadlines').$type<DeviationDeadlineSettings>().notNull(),
  /** Days for the lex Sarah investigation and the notification to IVO. */
  lexSarahDeadlines: jsonb('lex_sarah_deadlines').$type<LexSarahDeadlineSettings>().notNull(),
  /** The needs assessor's list: delivered below (1 − x) or above (1 + x) of granted. */
  followUpDeviationShare: doublePrecision('follow_up_deviation_share').notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
