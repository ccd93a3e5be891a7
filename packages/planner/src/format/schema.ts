// The public formats (../shared/planning-format.md) as zod schemas: tillit.problem/v1 and
// tillit.plan/v1, plus the optional fields this engine adds (pinned visits, a previous plan,
// soft-cost weights). Parsing reports every bad field by its path.
import { z } from 'zod';
import { InputError } from '../errors.js';
import { parseTime } from './time.js';

const time = z.string().refine((s) => parseTime(s) !== null, { message: 'is not a time HH:MM' });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'is not a date YYYY-MM-DD' });
const latLon = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });
const minutes = z.number().finite().min(0);

const haversine = z.object({
  model: z.literal('haversine'),
  detourFactor: z.number().positive().default(1),
  speedKmh: z.record(z.string(), z.number().positive()),
  parkingMin: z.record(z.string(), minutes).default({}),
});
const matrix = z.object({
  model: z.literal('matrix'),
  locations: z.array(latLon).min(1),
  minutes: z.array(z.array(minutes)),
});

const breakSchema = z.object({ earliest: time, latest: time, durationMin: minutes });

const staff = z.object({
  id: z.string().min(1),
  team: z.string().min(1),
  skills: z.array(z.string()).default([]),
  languages: z.array(z.string()).default([]),
  transport: z.string().default('car'),
  start: latLon,
  end: latLon,
  shift: z.object({ start: time, end: time }),
  breaks: z.array(breakSchema).default([]),
});

const visit = z.object({
  id: z.string().min(1),
  client: z.string().min(1),
  team: z.string().min(1),
  location: latLon,
  window: z.object({ start: time, end: time }),
  durationMin: minutes,
  skills: z.array(z.string()).default([]),
  staffCount: z.union([z.literal(1), z.literal(2)]).default(1),
  languages: z.array(z.string()).default([]),
  fixedContact: z.string().nullable().optional(),
  knownStaff: z.record(z.string(), z.number().min(0)).default({}),
  priority: z.enum(['must', 'normal']).default('normal'),
  /** Extension: the visit must be done by exactly these staff (one per staff slot). */
  pinnedStaff: z.array(z.string()).optional(),
  /** Extension: the visit must start at this minute. */
  pinnedStart: time.optional(),
});

/** Extension: soft-cost weights in minutes of travel per unit; a team can see and adjust them. */
export const weightsSchema = z.object({
  travelPerMin: z.number().min(0).default(1),
  notFixedContact: z.number().min(0).default(13),
  /**
   * Share (0–1) of the visits that a fixed contact could do at all that the plan should give
   * them. While the day falls short, the search raises `notFixedContact` for the day; 0: off.
   */
  continuityTarget: z.number().min(0).max(1).default(0.9),
  notKnownStaff: z.number().min(0).default(1),
  noFirstLanguage: z.number().min(0).default(10),
  noLanguage: z.number().min(0).default(30),
  /** Per minute of work above a staff member's fair share of the day's work. */
  unfairLoadPerMin: z.number().min(0).default(0.05),
  /** Per visit given to another staff member than in `previousPlan`. */
  movedFromPrevious: z.number().min(0).default(200),
  /** Minutes of air after every visit, on top of travel: a hard buffer, so a day too full for it leaves visits out. */
  slackMin: z.number().min(0).default(0),
  /** Cost of leaving a normal visit unassigned, per visit plus per minute of it. */
  unassignedNormal: z.number().min(0).default(2000),
});
export type Weights = z.infer<typeof weightsSchema>;

const stopSchema = z.union([
  z.object({ visit: z.string(), start: time, end: time }),
  z.object({ break: z.literal(true), start: time, end: time }),
]);

export const planSchema = z.object({
  format: z.literal('tillit.plan/v1'),
  date: date,
  routes: z.array(z.object({ staff: z.string(), stops: z.array(stopSchema) })),
  unassigned: z.array(z.object({ visit: z.string(), reason: z.string().min(1) })).default([]),
  metrics: z.record(z.string(), z.unknown()).default({}),
});
export type Plan = z.infer<typeof planSchema>;
export type PlanStop = z.infer<typeof stopSchema>;

export const problemSchema = z
  .object({
    format: z.literal('tillit.problem/v1'),
    date: date,
    travel: z.discriminatedUnion('model', [haversine, matrix]),
    staff: z.array(staff),
    visits: z.array(visit),
    crossTeam: z.boolean().default(false),
    weights: weightsSchema.default(weightsSchema.parse({})),
    previousPlan: planSchema.optional(),
  })
  .superRefine((p, ctx) => {
    const staffIds = new Map<string, number>();
    p.staff.forEach((s, i) => {
      if (staffIds.has(s.id)) ctx.addIssue({ code: 'custom', path: ['staff', i, 'id'], message: `duplicates staff[${staffIds.get(s.id)}].id` });
      staffIds.set(s.id, i);
      const a = parseTime(s.shift.start)!;
      const b = parseTime(s.shift.end)!;
      if (b < a) ctx.addIssue({ code: 'custom', path: ['staff', i, 'shift', 'end'], message: `is before shift.start "${s.shift.start}"` });
      if (p.travel.model === 'haversine' && !(s.transport in p.travel.speedKmh))
        ctx.addIssue({ code: 'custom', path: ['staff', i, 'transport'], message: 'has no speed in travel.speedKmh' });
      s.breaks.forEach((br, j) => {
        const e = parseTime(br.earliest)!;
        const l = parseTime(br.latest)!;
        if (l < e) ctx.addIssue({ code: 'custom', path: ['staff', i, 'breaks', j, 'latest'], message: `is before earliest "${br.earliest}"` });
        else if (l < a || Math.max(e, a) + br.durationMin > b)
          ctx.addIssue({ code: 'custom', path: ['staff', i, 'breaks', j], message: `cannot be taken inside the shift ${s.shift.start}-${s.shift.end}` });
      });
    });
    const visitIds = new Map<string, number>();
    p.visits.forEach((v, i) => {
      if (visitIds.has(v.id)) ctx.addIssue({ code: 'custom', path: ['visits', i, 'id'], message: `duplicates visits[${visitIds.get(v.id)}].id` });
      visitIds.set(v.id, i);
      if (parseTime(v.window.end)! < parseTime(v.window.start)!)
        ctx.addIssue({ code: 'custom', path: ['visits', i, 'window', 'end'], message: `is before window.start "${v.window.start}"` });
      for (const sid of v.pinnedStaff ?? [])
        if (!staffIds.has(sid)) ctx.addIssue({ code: 'custom', path: ['visits', i, 'pinnedStaff'], message: `names "${sid}", who is not in staff` });
      if (v.pinnedStaff && v.pinnedStaff.length !== v.staffCount)
        ctx.addIssue({ code: 'custom', path: ['visits', i, 'pinnedStaff'], message: `lists ${v.pinnedStaff.length} staff for staffCount ${v.staffCount}` });
    });
    if (p.travel.model === 'matrix') {
      const n = p.travel.locations.length;
      if (p.travel.minutes.length !== n || p.travel.minutes.some((row) => row.length !== n))
        ctx.addIssue({ code: 'custom', path: ['travel', 'minutes'], message: `must be a ${n} × ${n} matrix (one row and column per location)` });
      const known = new Set(p.travel.locations.map((l) => `${l.lat},${l.lon}`));
      const check = (l: { lat: number; lon: number }, path: (string | number)[]): void => {
        if (!known.has(`${l.lat},${l.lon}`)) ctx.addIssue({ code: 'custom', path, message: 'is not one of travel.locations' });
      };
      p.staff.forEach((s, i) => {
        check(s.start, ['staff', i, 'start']);
        check(s.end, ['staff', i, 'end']);
      });
      p.visits.forEach((v, i) => check(v.location, ['visits', i, 'location']));
    }
  });

export type Problem = z.infer<typeof problemSchema>;
export type ProblemInput = z.input<typeof problemSchema>;
export type Staff = Problem['staff'][number];
export type Visit = Problem['visits'][number];

/** `visits[3].window.start` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const k of path) s += typeof k === 'number' ? `[${k}]` : s === '' ? String(k) : `.${String(k)}`;
  return s === '' ? '(root)' : s;
}

function describe(issue: z.core.$ZodIssue, input: unknown): string {
  let value: unknown = input;
  for (const k of issue.path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[k as string] : undefined;
  const shown = value === undefined ? '' : `${JSON.stringify(value)?.slice(0, 60)} `;
  const msg = issue.code === 'invalid_type' && value === undefined ? 'is required' : issue.message;
  return `${formatPath(issue.path)}: ${shown}${msg}`;
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new InputError(`invalid ${what}`, r.error.issues.map((i) => describe(i, input)));
}

/**
 * Validates a tillit.problem/v1 document.
 * @param input - parsed JSON
 * @returns the problem with defaults filled in; throws InputError listing every bad field
 */
export function parseProblem(input: unknown): Problem {
  return parseWith(problemSchema, input, 'problem');
}

/** Validates a tillit.plan/v1 document; throws InputError listing every bad field. */
export function parsePlan(input: unknown): Plan {
  return parseWith(planSchema, input, 'plan');
}

/** Parses JSON text, turning a syntax error into an InputError naming the file. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new InputError(`${what} is not valid JSON`, [(e as Error).message]);
  }
}
