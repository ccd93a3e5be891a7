// Tables for telling clients and relatives: consent history, calendar feeds, what each viewer last
// saw, the published state that notifications compare against, the transactional outbox, and
// the weekly letters as they were made.
import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clients, relatives, visits } from './schema.js';

/** Raw bytes; node-postgres returns a Buffer, PGlite a Uint8Array, so reads wrap it in a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/** Every consent given or withdrawn, by whom: the client's consent is evidence. */
export const consentEvents = pgTable('consent_event', {
  id: uuid('id').primaryKey(),
  relativeId: uuid('relative_id').notNull().references(() => relatives.id),
  clientId: uuid('client_id').notNull().references(() => clients.id),
  action: text('action', { enum: ['given', 'withdrawn'] }).notNull(),
  recordedBy: uuid('recorded_by').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('consent_event_relative_idx').on(t.relativeId)]);

/** A secret calendar feed URL; only the token's hash is stored, and a revoked feed answers 404. */
export const calendarFeeds = pgTable('calendar_feed', {
  id: uuid('id').primaryKey(),
  tokenHash: text('token_hash').notNull(),
  clientId: uuid('client_id').notNull().references(() => clients.id),
  /** The relative the feed was made for (null: the client's own feed). */
  relativeId: uuid('relative_id').references(() => relatives.id),
  /** The account that made it; each read of the feed is logged as this user. */
  userId: uuid('user_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [uniqueIndex('calendar_feed_token_uq').on(t.tokenHash)]);

/** What a viewer last saw of a visit, so the client's page can highlight changes since then. */
export const seenVisits = pgTable('seen_visit', {
  userId: uuid('user_id').notNull(),
  visitId: uuid('visit_id').notNull().references(() => visits.id),
  state: jsonb('state').notNull(),
  seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.userId, t.visitId] })]);

/** A published visit as clients were last told, the baseline for change notifications. */
export const publishedVisits = pgTable('published_visit', {
  visitId: uuid('visit_id').primaryKey().references(() => visits.id),
  clientId: uuid('client_id').notNull(),
  state: jsonb('state').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The transactional outbox: a message is written in the same transaction as the change it tells
 * of, and a sender delivers it later with retries. A pending message for the same recipient and
 * channel absorbs later changes until it is sent, so a burst of edits becomes one message.
 */
export const outbox = pgTable('notification_outbox', {
  id: uuid('id').primaryKey(),
  clientId: uuid('client_id').notNull().references(() => clients.id),
  teamId: uuid('team_id').notNull(),
  recipientKind: text('recipient_kind', { enum: ['client', 'relative'] }).notNull(),
  recipientId: uuid('recipient_id').notNull(),
  channel: text('channel', { enum: ['sms', 'email'] }).notNull(),
  toAddress: text('to_address').notNull(),
  language: text('language').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  /** The changes told, so later changes can be merged into a message not yet sent. */
  changes: jsonb('changes').notNull(),
  status: text('status', { enum: ['pending', 'sending', 'sent', 'failed'] }).notNull(),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  lastError: text('last_error'),
  providerId: text('provider_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  /** Seen by the coordinator after a failure. */
  acknowledged: boolean('acknowledged').notNull().default(false),
}, (t) => [
  index('outbox_due_idx').on(t.status, t.nextAttemptAt),
  index('outbox_team_idx').on(t.teamId, t.status),
]);

/**
 * A client's weekly letter as it was made (by the weekly job or a coordinator's "make again"):
 * the PDF bytes exactly as printed, and the letter's content, from which the team's print is
 * rendered as one PDF. A new version is stored only when the content differs from the latest
 * version of that client and week (same content hash: nothing is stored).
 */
export const weeklyLetters = pgTable('weekly_letter', {
  id: uuid('id').primaryKey(),
  clientId: uuid('client_id').notNull().references(() => clients.id),
  /** The client's team when the letter was made. */
  teamId: uuid('team_id').notNull(),
  /** ISO week "YYYY-Www" the letter is about. */
  week: text('week').notNull(),
  version: integer('version').notNull(),
  language: text('language').notNull(),
  /** The letter's content (services/weekly-letter.ts WeeklyLetter, photo as base64). */
  content: jsonb('content').notNull(),
  /** SHA-256 (hex) of the content in canonical JSON. */
  contentHash: text('content_hash').notNull(),
  pdf: bytea('pdf').notNull(),
  madeAt: timestamp('made_at', { withTimezone: true }).notNull(),
}, (t) => [
  uniqueIndex('weekly_letter_version_uq').on(t.clientId, t.week, t.version),
  index('weekly_letter_team_week_idx').on(t.teamId, t.week),
]);
