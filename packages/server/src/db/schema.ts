// The database schema, shared by PostgreSQL (production) and PGlite (embedded). Migrations in
// ../../drizzle are generated from this file by drizzle-kit and committed as SQL.
// Only PostgreSQL 15 features: Debian 12's server is 15 while PGlite is 18.
import { sql } from 'drizzle-orm';
import {
  bigserial, boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, real, smallint, text,
  timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const municipalities = pgTable('municipality', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  code: text('code').notNull(),
  createdAt: createdAt(),
});

export const units = pgTable('unit', {
  id: uuid('id').primaryKey(),
  municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id),
  name: text('name').notNull(),
});

export const teams = pgTable('team', {
  id: uuid('id').primaryKey(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  name: text('name').notNull(),
  area: text('area').notNull(),
  phone: text('phone').notNull(),
  kind: text('kind', { enum: ['day', 'evening', 'service'] }).notNull(),
  baseLat: doublePrecision('base_lat').notNull(),
  baseLon: doublePrecision('base_lon').notNull(),
}, (t) => [index('team_unit_idx').on(t.unitId)]);

export const staff = pgTable('staff', {
  id: uuid('id').primaryKey(),
  teamId: uuid('team_id').notNull().references(() => teams.id),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  title: text('title').notNull(),
  employmentForm: text('employment_form').notNull(),
  skills: text('skills').array().notNull(),
  languages: text('languages').array().notNull(),
  transport: text('transport').notNull(),
  contractedHoursPerWeek: real('contracted_hours_per_week').notNull(),
  phone: text('phone'),
  /** A photo clients see of who is coming (data URL or path), with the staff member's consent. */
  photoUrl: text('photo_url'),
}, (t) => [index('staff_team_idx').on(t.teamId)]);

export const clients = pgTable('client', {
  id: uuid('id').primaryKey(),
  teamId: uuid('team_id').notNull().references(() => teams.id),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  birthYear: smallint('birth_year').notNull(),
  street: text('street').notNull(),
  postalCode: text('postal_code').notNull(),
  city: text('city').notNull(),
  lat: doublePrecision('lat').notNull(),
  lon: doublePrecision('lon').notNull(),
  phone: text('phone'),
  languages: text('languages').array().notNull(),
  fixedContactStaffId: uuid('fixed_contact_staff_id').references(() => staff.id),
  keyFacts: text('key_facts').notNull().default(''),
  preferences: text('preferences').notNull().default(''),
  notificationChannel: text('notification_channel').notNull().default('none'),
  email: text('email'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('client_team_idx').on(t.teamId)]);

export const relatives = pgTable('relative', {
  id: uuid('id').primaryKey(),
  clientId: uuid('client_id').notNull().references(() => clients.id),
  name: text('name').notNull(),
  relation: text('relation').notNull(),
  phone: text('phone'),
  email: text('email'),
  consentGivenAt: timestamp('consent_given_at', { withTimezone: true }),
  consentWithdrawnAt: timestamp('consent_withdrawn_at', { withTimezone: true }),
  /** How the relative wants to hear of changes. */
  notificationChannel: text('notification_channel').notNull().default('none'),
  language: text('language').notNull().default('sv'),
}, (t) => [index('relative_client_idx').on(t.clientId)]);

export const decisions = pgTable('decision', {
  id: uuid('id').primaryKey(),
  clientId: uuid('client_id').notNull().references(() => clients.id),
  decidedAt: date('decided_at').notNull(),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  services: jsonb('services').$type<{ serviceType: string; hoursPerMonth: number }[]>().notNull(),
  createdBy: uuid('created_by'),
}, (t) => [index('decision_client_idx').on(t.clientId)]);

export const carePlans = pgTable('care_plan', {
  id: uuid('id').primaryKey(),
  clientId: uuid('client_id').notNull().references(() => clients.id),
  decisionId: uuid('decision_id').references(() => decisions.id),
  summary: text('summary').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('care_plan_client_uq').on(t.clientId)]);

export const carePlanVisits = pgTable('care_plan_visit', {
  id: uuid('id').primaryKey(),
  carePlanId: uuid('care_plan_id').notNull().references(() => carePlans.id),
  title: text('title').notNull(),
  serviceType: text('service_type').notNull(),
  weekdays: smallint('weekdays').array().notNull(),
  windowStart: text('window_start').notNull(),
  windowEnd: text('window_end').notNull(),
  durationMin: smallint('duration_min').notNull(),
  tasks: text('tasks').array().notNull(),
  skills: text('skills').array().notNull(),
  staffCount: smallint('staff_count').notNull(),
  videoAllowed: boolean('video_allowed').notNull(),
  /** The team that does this visit when not the client's own (the evening team, the service group). */
  teamId: uuid('team_id').references(() => teams.id),
  /** A shopping or pharmacy errand, which the service group may do in one car trip with others (decision 0009). */
  errand: text('errand', { enum: ['shopping', 'pharmacy'] }),
  /** Every 1–4 weeks (cleaning is usually every other week), counted from the week of week_anchor. */
  intervalWeeks: integer('interval_weeks').notNull().default(1),
  /** A day in a week the visit occurs in; needed when interval_weeks > 1 (domain care-plan-occurrences.ts). */
  weekAnchor: date('week_anchor'),
}, (t) => [
  index('care_plan_visit_plan_idx').on(t.carePlanId),
  check('care_plan_visit_interval_weeks', sql`${t.intervalWeeks} between 1 and 4`),
]);

export const visits = pgTable('visit', {
  id: uuid('id').primaryKey(),
  clientId: uuid('client_id').notNull().references(() => clients.id),
  teamId: uuid('team_id').notNull().references(() => teams.id),
  carePlanVisitId: uuid('care_plan_visit_id').references(() => carePlanVisits.id),
  date: date('date').notNull(),
  title: text('title').notNull(),
  serviceType: text('service_type').notNull(),
  windowStart: text('window_start').notNull(),
  windowEnd: text('window_end').notNull(),
  durationMin: smallint('duration_min').notNull(),
  skills: text('skills').array().notNull(),
  tasks: text('tasks').array().notNull(),
  staffCount: smallint('staff_count').notNull(),
  video: boolean('video').notNull(),
  status: text('status', { enum: ['planned', 'done', 'missed', 'cancelled'] }).notNull(),
  plannedStart: text('planned_start'),
  staffIds: uuid('staff_ids').array().notNull().default(sql`'{}'::uuid[]`),
  actualStart: text('actual_start'),
  actualEnd: text('actual_end'),
  missedReason: text('missed_reason'),
  note: text('note'),
  /** A locked visit keeps its person and time when a new plan is suggested. */
  locked: boolean('locked').notNull().default(false),
  /** Bumped on every change, so an offline phone's stale write is seen as a conflict. */
  version: integer('version').notNull().default(1),
  recordedBy: uuid('recorded_by'),
  recordedAt: timestamp('recorded_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  /** The care-plan visit's errand kind, carried to the day (decision 0009). */
  errand: text('errand', { enum: ['shopping', 'pharmacy'] }),
  /** The errand trip this visit is delivered on: its members share one person and move as one. */
  errandTrip: text('errand_trip'),
}, (t) => [
  index('visit_team_date_idx').on(t.teamId, t.date),
  index('visit_client_date_idx').on(t.clientId, t.date),
  // One occurrence per care-plan visit and day, so lazy generation is idempotent.
  uniqueIndex('visit_occurrence_uq').on(t.carePlanVisitId, t.date),
]);

/** Which teams' days have had their care-plan occurrences generated. */
export const generatedDays = pgTable('generated_day', {
  teamId: uuid('team_id').notNull().references(() => teams.id),
  date: date('date').notNull(),
}, (t) => [primaryKey({ columns: [t.teamId, t.date] })]);

export const shifts = pgTable('shift', {
  id: uuid('id').primaryKey(),
  staffId: uuid('staff_id').notNull().references(() => staff.id),
  date: date('date').notNull(),
  start: text('start_time').notNull(),
  end: text('end_time').notNull(),
  breakMin: smallint('break_min').notNull(),
}, (t) => [index('shift_staff_date_idx').on(t.staffId, t.date)]);

/**
 * A staff member's two-week rota: which days they work and when. Shifts of a day are made from
 * it the first time the day is opened, like visits from care plans.
 */
export const rotaShifts = pgTable('rota_shift', {
  staffId: uuid('staff_id').notNull().references(() => staff.id),
  /** ISO week number modulo 2, so a rota can alternate weeks (every other weekend off). */
  weekParity: smallint('week_parity').notNull(),
  weekday: smallint('weekday').notNull(),
  start: text('start_time').notNull(),
  end: text('end_time').notNull(),
  breakMin: smallint('break_min').notNull(),
}, (t) => [primaryKey({ columns: [t.staffId, t.weekParity, t.weekday] })]);

export const absences = pgTable('absence', {
  id: uuid('id').primaryKey(),
  staffId: uuid('staff_id').notNull().references(() => staff.id),
  fromDate: date('from_date').notNull(),
  toDate: date('to_date').notNull(),
  reason: text('reason').notNull(),
  recordedBy: uuid('recorded_by'),
  createdAt: createdAt(),
}, (t) => [index('absence_staff_idx').on(t.staffId)]);

export const users = pgTable('user_account', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  displayName: text('display_name').notNull(),
  municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id),
  unitId: uuid('unit_id').references(() => units.id),
  teamId: uuid('team_id').references(() => teams.id),
  staffId: uuid('staff_id').references(() => staff.id),
  clientId: uuid('client_id').references(() => clients.id),
  relativeId: uuid('relative_id').references(() => relatives.id),
  locale: text('locale').notNull().default('sv'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('user_username_uq').on(t.username)]);

export const sessions = pgTable('session', {
  /** SHA-256 of the cookie's token, so a database leak does not leak live sessions. */
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id),
  csrfToken: text('csrf_token').notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('session_user_idx').on(t.userId)]);

/**
 * Append-only record of every read of a client's data (HSLF-FS 2016:40 4 kap 9 §: who, what,
 * when, about whom; kept at least 5 years). A trigger in the migration refuses UPDATE and DELETE.
 */
export const accessLog = pgTable('access_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  userId: uuid('user_id').notNull(),
  role: text('role').notNull(),
  clientId: uuid('client_id').notNull(),
  action: text('action').notNull(),
  /** What was read: a data category and the endpoint, e.g. "profile GET /api/clients/{id}". */
  what: text('what').notNull(),
  requestId: text('request_id').notNull(),
}, (t) => [index('access_log_client_idx').on(t.clientId, t.at)]);

/** A team's day as a whole: its version for optimistic concurrency, and whether it is published. */
export const dayPlans = pgTable('day_plan', {
  teamId: uuid('team_id').notNull().references(() => teams.id),
  date: date('date').notNull(),
  version: integer('version').notNull().default(1),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  publishedBy: uuid('published_by'),
  publishedVersion: integer('published_version'),
  /** Where each person's breaks lie in the current plan: staff id → break start times (HH:MM). */
  breaks: jsonb('breaks').$type<Record<string, string[]>>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
}, (t) => [primaryKey({ columns: [t.teamId, t.date] })]);

/**
 * Every change to a day's plan: who changed what and when. Changes made after publishing are
 * flagged, so notifications to clients can be derived from them.
 */
export const planChanges = pgTable('plan_change', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  teamId: uuid('team_id').notNull(),
  date: date('date').notNull(),
  visitId: uuid('visit_id'),
  kind: text('kind').notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
  afterPublish: boolean('after_publish').notNull(),
  changedBy: uuid('changed_by').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('plan_change_day_idx').on(t.teamId, t.date, t.id)]);

/** A request to suggest a plan for a team's day, run by a worker. */
export const planningJobs = pgTable('planning_job', {
  id: uuid('id').primaryKey(),
  teamId: uuid('team_id').notNull().references(() => teams.id),
  date: date('date').notNull(),
  status: text('status', { enum: ['queued', 'running', 'done', 'failed', 'cancelled'] }).notNull(),
  /** Best cost so far, elapsed milliseconds, iterations, and the best plan's figures. */
  progress: jsonb('progress'),
  /** The suggested plan (tillit.plan/v1) when done. */
  result: jsonb('result'),
  error: text('error'),
  /** The day plan's version the suggestion started from. */
  baseVersion: integer('base_version').notNull(),
  cancelRequested: boolean('cancel_requested').notNull().default(false),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
}, (t) => [index('planning_job_day_idx').on(t.teamId, t.date)]);

/**
 * A team's own planning weights (services/planning-weights.ts): the engine's soft costs, each in
 * minutes of travel, and its continuity target. A team without a row plans with the engine's
 * defaults.
 */
export const teamPlanningWeights = pgTable('team_planning_weights', {
  teamId: uuid('team_id').primaryKey().references(() => teams.id),
  travelPerMin: doublePrecision('travel_per_min').notNull(),
  notFixedContact: doublePrecision('not_fixed_contact').notNull(),
  /** A share from 0 to 1, not minutes: the day's continuity target (0: none). */
  continuityTarget: doublePrecision('continuity_target').notNull(),
  notKnownStaff: doublePrecision('not_known_staff').notNull(),
  noFirstLanguage: doublePrecision('no_first_language').notNull(),
  noLanguage: doublePrecision('no_language').notNull(),
  unfairLoadPerMin: doublePrecision('unfair_load_per_min').notNull(),
  movedFromPrevious: doublePrecision('moved_from_previous').notNull(),
  slackMin: doublePrecision('slack_min').notNull(),
  unassignedNormal: doublePrecision('unassigned_normal').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
}, (t) => [
  // The engine takes no negative weight; the API's upper bounds are checked there, not here,
  // except the continuity target's: a share above 1 means nothing to the engine.
  check('team_planning_weights_not_negative', sql`least(${t.travelPerMin}, ${t.notFixedContact}, ${t.continuityTarget}, ${t.notKnownStaff}, ${t.noFirstLanguage}, ${t.noLanguage}, ${t.unfairLoadPerMin}, ${t.movedFromPrevious}, ${t.slackMin}, ${t.unassignedNormal}) >= 0`),
  check('team_planning_weights_continuity_target_share', sql`${t.continuityTarget} <= 1`),
]);

/** A staff member offers a visit to a colleague or asks to take one; the coordinator confirms. */
export const swapRequests = pgTable('swap_request', {
  id: uuid('id').primaryKey(),
  visitId: uuid('visit_id').notNull().references(() => visits.id),
  fromStaffId: uuid('from_staff_id').notNull().references(() => staff.id),
  toStaffId: uuid('to_staff_id').references(() => staff.id),
  status: text('status', { enum: ['open', 'confirmed', 'declined', 'withdrawn'] }).notNull(),
  note: text('note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
}, (t) => [index('swap_request_visit_idx').on(t.visitId)]);

/** Ids of writes already applied, so a phone replaying its offline queue never applies one twice. */
export const appliedMutations = pgTable('applied_mutation', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

export const schema = {
  municipalities, units, teams, staff, clients, relatives, decisions, carePlans, carePlanVisits, visits,
  generatedDays, shifts, rotaShifts, absences, users, sessions, accessLog, dayPlans, planChanges, planningJobs, teamPlanningWeights, swapRequests,
  appliedMutations,
};
