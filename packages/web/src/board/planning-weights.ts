// The planning weights as the board shows them: which a team adjusts day to day and which are
// advanced, and the server's refusal turned into one message per field, said in the user's
// language from the value (the server's own sentence is English).
import { ApiError } from '../api/http.js';
import type { PlanningWeights } from './types.js';

export type WeightKey = keyof PlanningWeights;

/** The weights a team weighs day to day, in the order the screen lists them. */
export const everydayWeights = ['notFixedContact', 'notKnownStaff', 'noFirstLanguage', 'noLanguage', 'slackMin', 'unfairLoadPerMin'] as const satisfies readonly WeightKey[];
/** Weights that change how the search works more than what the team prefers: under "Avancerat". */
export const advancedWeights = ['travelPerMin', 'movedFromPrevious', 'unassignedNormal'] as const satisfies readonly WeightKey[];
export const allWeights: readonly WeightKey[] = [...everydayWeights, ...advancedWeights];

/** @returns only the figures the server takes (the answer also says whose they are and when). */
export function figuresOf(w: PlanningWeights): PlanningWeights {
  return Object.fromEntries(allWeights.map((k) => [k, w[k]])) as unknown as PlanningWeights;
}

/** A field's message: a key under `weights.error` and its values. */
export interface FieldError {
  key: 'number' | 'range' | 'noLanguage' | 'other';
  params: Record<string, string | number>;
}

/**
 * The server's refusal as messages by field. Its `errors[]` point at `/body/<weight>`; what was
 * wrong is read from the value sent, since the sentence beside the pointer is English.
 * @param error - what the save threw
 * @param sent - the figures sent (NaN for an emptied field)
 * @param maxima - each weight's highest value, from the server's answer
 * @returns messages by weight, and the server's sentences about anything else (an unknown field)
 */
export function weightErrors(error: unknown, sent: PlanningWeights, maxima: PlanningWeights): { fields: Partial<Record<WeightKey, FieldError>>; other: string[] } {
  const fields: Partial<Record<WeightKey, FieldError>> = {};
  const other: string[] = [];
  if (!(error instanceof ApiError) || error.status !== 400) return { fields, other };
  for (const e of error.problem.errors ?? []) {
    const key = /^\/body\/([A-Za-z]+)$/.exec(e.pointer)?.[1] as WeightKey | undefined;
    if (!key || !allWeights.includes(key)) {
      other.push(e.detail);
      continue;
    }
    const v = sent[key];
    if (!Number.isFinite(v)) fields[key] = { key: 'number', params: {} };
    else if (v < 0 || v > maxima[key]) fields[key] = { key: 'range', params: { max: maxima[key] } };
    else if (key === 'noLanguage' && v < sent.noFirstLanguage) fields[key] = { key: 'noLanguage', params: { value: sent.noFirstLanguage } };
    else fields[key] = { key: 'other', params: { detail: e.detail } };
  }
  return { fields, other };
}
