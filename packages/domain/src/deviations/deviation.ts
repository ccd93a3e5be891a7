// A deviation (avvikelse): something went wrong for a client and must be followed up. Its workflow
// is a state machine: reported -> investigated -> actions_decided -> client_told -> closed, one
// step at a time, and nothing closes before the client was told how, when and by whom
// (SOSFS 2014:5: complaints and actions are documented; PRODUCT.md: "someone follows up ... and
// tells them"). Shortcomings are also the provider's duty under lex Sarah (SoL 14 kap 3–7 §§).
import { z } from 'zod';
import { DomainError } from '../errors.js';
import type { Role } from '../roles.js';

export const deviationTypes = ['missed_visit', 'late_visit', 'fall', 'medication_error', 'treatment', 'security', 'other'] as const;
export type DeviationType = (typeof deviationTypes)[number];

export const severities = ['low', 'moderate', 'serious'] as const;
export type Severity = (typeof severities)[number];

/** Who reported it: staff, the client, a relative, a manager, or Tillit's own missed-visit detection. */
export const deviationSources = ['staff', 'client', 'relative', 'manager', 'automatic'] as const;
export type DeviationSource = (typeof deviationSources)[number];

export const deviationStates = ['reported', 'investigated', 'actions_decided', 'client_told', 'closed'] as const;
export type DeviationState = (typeof deviationStates)[number];
export type DeviationStep = Exclude<DeviationState, 'reported'>;

export const clientToldHow = ['in_person', 'phone', 'video', 'letter', 'meeting'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.iso.datetime({ offset: true, message: 'must be a date and time, e.g. 2026-11-25T09:30:00+01:00' });

/** The data each step needs; the step names the state it moves to. */
export const deviationStepInput = z.discriminatedUnion('step', [
  z.object({ step: z.literal('investigated'), findings: text(4000), cause: text(2000) }).strict(),
  z.object({ step: z.literal('actions_decided'), actions: text(4000) }).strict(),
  z.object({
    step: z.literal('client_told'),
    how: z.enum(clientToldHow),
    toldAt: instant,
    /** Who told the client; defaults to the signed-in person. */
    toldBy: text(200).optional(),
    summary: text(2000),
  }).strict(),
  z.object({ step: z.literal('closed'), comment: z.string().trim().max(2000).default('') }).strict(),
]);
export type DeviationStepInput = z.infer<typeof deviationStepInput>;

export interface DeviationRecord {
  state: DeviationState;
  severity: Severity;
  occurredAt: string;
  reportedAt: string;
  investigation: { findings: string; cause: string; at: string; by: string } | null;
  actions: { actions: string; at: string; by: string } | null;
  clientTold: { how: string; toldAt: string; toldBy: string; summary: string; at: string; by: string } | null;
  closed: { comment: string; at: string; by: string } | null;
}

/** @returns the state after `state`, or null when closed. */
export function nextDeviationState(state: DeviationState): DeviationStep | null {
  const i = deviationStates.indexOf(state);
  return (deviationStates[i + 1] as DeviationStep | undefined) ?? null;
}

/**
 * Take one step of the workflow.
 * @param d - the deviation as it is
 * @param input - the step and its data
 * @param by - the person taking the step (a display name; the server keeps the user id in the event)
 * @param now - the current instant (ISO)
 * @returns the deviation after the step; throws `client-not-told` when closing early and
 *   `deviation-step-out-of-order` for any other skipped or repeated step
 */
export function advanceDeviation<D extends DeviationRecord>(d: D, input: DeviationStepInput, by: string, now: string): D {
  if (input.step === 'closed' && d.clientTold === null) {
    throw new DomainError('client-not-told', 'A deviation cannot be closed before the client was told what happened and what was done.', '/body/step');
  }
  const expected = nextDeviationState(d.state);
  if (expected !== input.step) {
    throw new DomainError(
      'deviation-step-out-of-order',
      expected === null ? 'The deviation is already closed.' : `The next step is ${expected}, not ${input.step}.`,
      '/body/step',
    );
  }
  switch (input.step) {
    case 'investigated':
      return { ...d, state: 'investigated', investigation: { findings: input.findings, cause: input.cause, at: now, by } };
    case 'actions_decided':
      return { ...d, state: 'actions_decided', actions: { actions: input.actions, at: now, by } };
    case 'client_told': {
      const told = Date.parse(input.toldAt);
      if (told > Date.parse(now)) throw new DomainError('invalid-input', 'The client cannot have been told in the future.', '/body/toldAt');
      if (told < Date.parse(d.occurredAt)) throw new DomainError('invalid-input', 'The client cannot have been told before it happened.', '/body/toldAt');
      return {
        ...d, state: 'client_told',
        clientTold: { how: input.how, toldAt: new Date(told).toISOString(), toldBy: input.toldBy ?? by, summary: input.summary, at: now, by },
      };
    }
    case 'closed':
      return { ...d, state: 'closed', closed: { comment: input.comment, at: now, by } };
  }
}

/** @returns the source a role reports as, or null when the role may not report deviations. */
export function reportSource(role: Role): DeviationSource | null {
  switch (role) {
    case 'staff': case 'substitute': case 'coordinator': return 'staff';
    case 'client': return 'client';
    case 'relative': return 'relative';
    case 'unit_manager': return 'manager';
    default: return null;
  }
}

/**
 * Who follows a deviation up: the coordinator and unit manager take the steps; only the unit
 * manager closes, since closing says the provider's follow-up is complete.
 */
export function mayTakeDeviationStep(role: Role, step: DeviationStep): boolean {
  if (step === 'closed') return role === 'unit_manager';
  return role === 'unit_manager' || role === 'coordinator';
}

/** What the client (and a relative) may see of a deviation: what happened, what was decided, the status. No investigation notes or staff names. */
export function clientView<D extends DeviationRecord & { id: string; type: string; description: string }>(d: D) {
  return {
    id: d.id, type: d.type, state: d.state, occurredAt: d.occurredAt, reportedAt: d.reportedAt, description: d.description,
    actions: d.actions?.actions ?? null,
    clientToldAt: d.clientTold?.toldAt ?? null,
    closedAt: d.closed?.at ?? null,
  };
}
