// The planning weights as the board shows them: which a team adjusts day to day and which are
// advanced, the continuity target as a whole percent in the form and a share in the API, and the
// server's refusal turned into one message per field, said in the user's language from the value
// (the server's own sentence is English).
import { ApiError } from '../api/http.js';
import type { PlanningWeights } from './types.js';

export type WeightKey = keyof PlanningWeights;

/**
 * The weights a team weighs day to day, in the order the screen lists them: the continuity target
 * beside the fixed contact's weight, which it raises on a day that falls short of it.
 */
export const everydayWeights = [
  'notFixedContact', 'continuityTarget', 'notKnownStaff', 'noFirstLanguage', 'noLanguage', 'slackMin', 'unfairLoadPerMin',
] as const satisfies readonly WeightKey[];
/** Weights that change how the search works more than what the team prefers: under "Avancerat". */
export const advancedWeights = ['travelPerMin', 'movedFromPrevious', 'unassignedNormal'] as const satisfies readonly WeightKey[];
export const allWeights: readonly WeightKey[] = [...everydayWeights, ...advancedWeights];

/** Weights the API takes as a share from 0 to 1 and the form as a whole percent from 0 to 100. */
export const percentWeights: readonly WeightKey[] = ['continuityTarget'];
export const isPercent = (key: WeightKey): boolean => percentWeights.includes(key);

/**
 * The figures as the form shows and takes them: the same keys as the API's, but the continuity
 * target in percent (95, not 0.95). Converted only where the form meets the API.
 */
export type FormFigures = Record<WeightKey, number>;

/**
 * @param share - from 0 to 1
 * @returns the share in percent; 0.29 × 100 is 28.999999999999996 in binary, so the noise is
 * rounded away, while a share the API was given with a real decimal stays one (0.925: 92.5)
 */
export function percentOfShare(share: number): number {
  return Math.round(share * 100 * 1e6) / 1e6;
}

/** @returns the percent as a share (95: 0.95; an emptied field stays NaN) */
export function shareOfPercent(percent: number): number {
  return percent / 100;
}

/**
 * @returns weights from the API (figures, defaults or maxima) as the form shows them: the figures
 * only, without whose they are and when (the answer carries both)
 */
export function formFigures(w: PlanningWeights): FormFigures {
  return Object.fromEntries(allWeights.map((k) => [k, isPercent(k) ? percentOfShare(w[k]) : w[k]])) as FormFigures;
}

/** @returns the form's figures as the API takes them */
export function apiFigures(form: FormFigures): PlanningWeights {
  return Object.fromEntries(allWeights.map((k) => [k, isPercent(k) ? shareOfPercent(form[k]) : form[k]])) as unknown as PlanningWeights;
}

/** A field's message: a key under `weights.error` and its values. */
export interface FieldError {
  key: 'number' | 'range' | 'percent' | 'noLanguage' | 'other';
  params: Record<string, string | number>;
}

type FieldErrors = Partial<Record<WeightKey, FieldError>>;

/**
 * What the form refuses before anything is sent: a percent that is not whole (the API would take
 * 0.925, but the form promises whole percents and would show it back as 92.5).
 * @param form - the figures as typed (NaN for an emptied field, which the server names)
 * @param maxima - each weight's highest value, in the form's units
 */
export function formErrors(form: FormFigures, maxima: FormFigures): FieldErrors {
  const fields: FieldErrors = {};
  for (const k of percentWeights) {
    if (Number.isFinite(form[k]) && !Number.isInteger(form[k])) fields[k] = { key: 'percent', params: { max: maxima[k] } };
  }
  return fields;
}

/**
 * The server's refusal as messages by field. Its `errors[]` point at `/body/<weight>`; what was
 * wrong is read from the value sent, since the sentence beside the pointer is English.
 * @param error - what the save threw
 * @param sent - the figures sent, in the form's units (NaN for an emptied field)
 * @param maxima - each weight's highest value, from the server's answer, in the form's units
 * @returns messages by weight, and the server's sentences about anything else (an unknown field)
 */
export function weightErrors(error: unknown, sent: FormFigures, maxima: FormFigures): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
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
    else if (v < 0 || v > maxima[key]) fields[key] = { key: isPercent(key) ? 'percent' : 'range', params: { max: maxima[key] } };
    else if (key === 'noLanguage' && v < sent.noFirstLanguage) fields[key] = { key: 'noLanguage', params: { value: sent.noFirstLanguage } };
    else fields[key] = { key: 'other', params: { detail: e.detail } };
  }
  return { fields, other };
}
