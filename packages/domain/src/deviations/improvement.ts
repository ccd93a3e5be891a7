// Improvements in plan–do–study–act form (PDSA; PGSA in the Kalix review), attached to a recurring
// cause of deviations, with a date to study whether the change worked.
import { z } from 'zod';
import { DomainError } from '../errors.js';
import { deviationTypes } from './deviation.js';

export const improvementStates = ['planned', 'doing', 'studied', 'acted'] as const;
export type ImprovementState = (typeof improvementStates)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

/** Plan: the recurring cause, the change, what we expect to see, how we measure it, and when we look. */
export const improvementPlanInput = z.object({
  title: text(200),
  cause: text(2000),
  change: text(4000),
  prediction: text(2000),
  measure: text(2000),
  deviationType: z.enum(deviationTypes).nullable(),
  teamId: z.uuid().nullable(),
  studyOn: z.iso.date(),
}).strict();
export type ImprovementPlanInput = z.infer<typeof improvementPlanInput>;

export const improvementStepInput = z.discriminatedUnion('step', [
  z.object({ step: z.literal('doing'), startedOn: z.iso.date(), notes: z.string().trim().max(4000).default('') }).strict(),
  z.object({ step: z.literal('studied'), result: text(4000) }).strict(),
  z.object({ step: z.literal('acted'), decision: z.enum(['adopt', 'adapt', 'abandon']), notes: z.string().trim().max(4000).default('') }).strict(),
]);
export type ImprovementStepInput = z.infer<typeof improvementStepInput>;

export interface ImprovementRecord {
  state: ImprovementState;
  studyOn: string;
  do: { startedOn: string; notes: string } | null;
  study: { result: string; studiedOn: string } | null;
  act: { decision: 'adopt' | 'adapt' | 'abandon'; notes: string } | null;
}

/**
 * @param today - the local date
 * @returns the improvement after the step; studying before the study date is refused, since the
 *   effect of a change needs its time
 */
export function advanceImprovement<R extends ImprovementRecord>(r: R, input: ImprovementStepInput, today: string): R {
  const order: Record<ImprovementStepInput['step'], ImprovementState> = { doing: 'planned', studied: 'doing', acted: 'studied' };
  if (r.state !== order[input.step]) {
    throw new DomainError('improvement-step-out-of-order', `The improvement is ${r.state}; ${input.step} cannot come next.`, '/body/step');
  }
  switch (input.step) {
    case 'doing':
      return { ...r, state: 'doing', do: { startedOn: input.startedOn, notes: input.notes } };
    case 'studied':
      if (today < r.studyOn) throw new DomainError('invalid-input', `The effect is to be studied on ${r.studyOn} or later.`, '/body/step');
      return { ...r, state: 'studied', study: { result: input.result, studiedOn: today } };
    case 'acted':
      return { ...r, state: 'acted', act: { decision: input.decision, notes: input.notes } };
  }
}

/** @returns whether the study date has come and the effect is not yet studied. */
export function studyDue(r: Pick<ImprovementRecord, 'state' | 'studyOn'>, today: string): boolean {
  return (r.state === 'planned' || r.state === 'doing') && today >= r.studyOn;
}
