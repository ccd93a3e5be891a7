// Lex Sarah (SoL 14 kap 3–7 §§): everyone in the service must report shortcomings and obvious risks
// of shortcomings; the provider documents, investigates and remedies without delay, and reports a
// serious shortcoming (or risk of one) to the supervisory authority, IVO, with the investigation.
// Workflow: reported -> investigated -> decided -> (ivo_notified when serious) -> closed.
import { z } from 'zod';
import { DomainError } from '../errors.js';

export const lexSarahStates = ['reported', 'investigated', 'decided', 'ivo_notified', 'closed'] as const;
export type LexSarahState = (typeof lexSarahStates)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.iso.datetime({ offset: true, message: 'must be a date and time, e.g. 2026-11-25T09:30:00+01:00' });

/** The report's required parts: what happened and when, to whom it mattered, what was done at once, who reports. */
export const lexSarahReportInput = z.object({
  whatHappened: text(4000),
  occurredAt: instant,
  consequences: text(2000),
  immediateActions: text(2000),
  reporterName: text(200),
  reporterRole: text(200),
}).strict();
export type LexSarahReportInput = z.infer<typeof lexSarahReportInput>;

export const lexSarahStepInput = z.discriminatedUnion('step', [
  z.object({
    step: z.literal('investigated'),
    causes: text(4000),
    consequences: text(2000),
    /** The client's (or relative's) own account, which the investigation must seek. */
    clientView: text(2000),
    actionsTaken: text(4000),
  }).strict(),
  z.object({
    step: z.literal('decided'),
    /** Was it a serious shortcoming or an obvious risk of one? */
    serious: z.boolean(),
    notifyIvo: z.boolean(),
    reasoning: text(4000),
    decidedOn: z.iso.date(),
  }).strict(),
  z.object({ step: z.literal('ivo_notified'), notifiedOn: z.iso.date(), reference: z.string().trim().max(100).default('') }).strict(),
  z.object({ step: z.literal('closed'), comment: z.string().trim().max(2000).default('') }).strict(),
]);
export type LexSarahStepInput = z.infer<typeof lexSarahStepInput>;

export interface LexSarahRecord {
  state: LexSarahState;
  reportedAt: string;
  investigation: { causes: string; consequences: string; clientView: string; actionsTaken: string; at: string; by: string } | null;
  decision: { serious: boolean; notifyIvo: boolean; reasoning: string; decidedOn: string; by: string } | null;
  ivoNotification: { notifiedOn: string; reference: string; by: string } | null;
  closed: { comment: string; at: string; by: string } | null;
}

function next(r: LexSarahRecord): LexSarahState | null {
  switch (r.state) {
    case 'reported': return 'investigated';
    case 'investigated': return 'decided';
    case 'decided': return r.decision?.notifyIvo ? 'ivo_notified' : 'closed';
    case 'ivo_notified': return 'closed';
    case 'closed': return null;
  }
}

/**
 * Take one step of a lex Sarah case.
 * @param today - the local date, so no decision or notification is dated in the future
 * @returns the case after the step; a serious shortcoming must be reported to IVO, so
 *   `serious: true, notifyIvo: false` is refused, and a case to notify cannot close before IVO was
 */
export function advanceLexSarah<R extends LexSarahRecord>(r: R, input: LexSarahStepInput, by: string, now: string, today: string): R {
  const expected = next(r);
  if (expected !== input.step) {
    const detail = expected === null ? 'The lex Sarah case is closed.'
      : expected === 'ivo_notified' ? 'A serious shortcoming must be reported to IVO before the case is closed (SoL 14 kap 7 §).'
        : `The next step is ${expected}, not ${input.step}.`;
    throw new DomainError('lex-sarah-step-out-of-order', detail, '/body/step');
  }
  switch (input.step) {
    case 'investigated':
      return { ...r, state: 'investigated', investigation: { causes: input.causes, consequences: input.consequences, clientView: input.clientView, actionsTaken: input.actionsTaken, at: now, by } };
    case 'decided':
      if (input.serious && !input.notifyIvo) {
        throw new DomainError('invalid-input', 'A serious shortcoming or risk must be reported to IVO (SoL 14 kap 7 §).', '/body/notifyIvo');
      }
      if (input.decidedOn > today) throw new DomainError('invalid-input', 'The decision cannot be dated in the future.', '/body/decidedOn');
      return { ...r, state: 'decided', decision: { serious: input.serious, notifyIvo: input.notifyIvo, reasoning: input.reasoning, decidedOn: input.decidedOn, by } };
    case 'ivo_notified':
      if (input.notifiedOn > today) throw new DomainError('invalid-input', 'IVO cannot have been notified in the future.', '/body/notifiedOn');
      if (r.decision && input.notifiedOn < r.decision.decidedOn) throw new DomainError('invalid-input', 'IVO is notified after the decision to notify.', '/body/notifiedOn');
      return { ...r, state: 'ivo_notified', ivoNotification: { notifiedOn: input.notifiedOn, reference: input.reference, by } };
    case 'closed':
      return { ...r, state: 'closed', closed: { comment: input.comment, at: now, by } };
  }
}

export const lexSarahDeadlineSettings = z.object({
  /** Days from the report to a finished investigation ("without delay": the unit sets the figure). */
  investigateWithinDays: z.number().int().min(1).max(365),
  /** Days from the decision to notify IVO to the notification. */
  notifyIvoWithinDays: z.number().int().min(0).max(60),
});
export type LexSarahDeadlineSettings = z.infer<typeof lexSarahDeadlineSettings>;
export const defaultLexSarahDeadlines: LexSarahDeadlineSettings = { investigateWithinDays: 14, notifyIvoWithinDays: 2 };

/** @returns the overdue step of a lex Sarah case at `today`, or null. A deadline day itself is not overdue. */
export function lexSarahOverdue(r: LexSarahRecord, s: LexSarahDeadlineSettings, today: string): { step: LexSarahState; dueOn: string } | null {
  const plus = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  if (r.state === 'reported') {
    const dueOn = plus(r.reportedAt.slice(0, 10), s.investigateWithinDays);
    return today > dueOn ? { step: 'investigated', dueOn } : null;
  }
  if (r.state === 'decided' && r.decision?.notifyIvo) {
    const dueOn = plus(r.decision.decidedOn, s.notifyIvoWithinDays);
    return today > dueOn ? { step: 'ivo_notified', dueOn } : null;
  }
  return null;
}
