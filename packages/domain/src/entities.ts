// The home-care model, named from the glossary (PRODUCT.md). These zod schemas are the single
// description of each entity: the server validates with them and generates OpenAPI from them.
import { z } from 'zod';
import { isoDate, timeOfDay } from './time.js';
import { errandKinds } from './errands.js';

export const id = z.uuid({ message: 'must be an id (UUID)' });

export const skills = ['care', 'service', 'medication', 'double', 'dementia', 'palliative', 'nursing'] as const;
export const skill = z.enum(skills);
export type Skill = z.infer<typeof skill>;

/** ISO 639-1 codes of the languages Tillit knows how to match and (for clients) speak. */
export const languageCode = z.string().regex(/^[a-z]{2,3}$/, { message: 'must be a language code such as sv, fi, ar' });

export const employmentForms = ['permanent', 'fixed_term', 'hourly'] as const;
export const employmentForm = z.enum(employmentForms);
export type EmploymentForm = z.infer<typeof employmentForm>;

/** Since 1 July 2023 only an undersköterska may be a fixed care contact (SoL 4 kap 2 b §, DOMAIN-FACTS). */
export const staffTitles = ['underskoterska', 'vardbitrade', 'service', 'sjukskoterska'] as const;
export const staffTitle = z.enum(staffTitles);
export type StaffTitle = z.infer<typeof staffTitle>;

export const transports = ['car', 'bike', 'walk'] as const;
export const transport = z.enum(transports);
export type Transport = z.infer<typeof transport>;

export const coordinates = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type Coordinates = z.infer<typeof coordinates>;

export const municipality = z.object({ id, name: z.string(), code: z.string() });
export type Municipality = z.infer<typeof municipality>;

export const unit = z.object({ id, municipalityId: id, name: z.string() });
export type Unit = z.infer<typeof unit>;

export const team = z.object({
  id,
  unitId: id,
  name: z.string(),
  area: z.string(),
  phone: z.string(),
  kind: z.enum(['day', 'evening', 'service']),
  base: coordinates,
});
export type Team = z.infer<typeof team>;

export const staff = z.object({
  id,
  teamId: id,
  firstName: z.string(),
  lastName: z.string(),
  title: staffTitle,
  employmentForm,
  skills: z.array(skill),
  languages: z.array(languageCode),
  transport,
  contractedHoursPerWeek: z.number().min(0).max(60),
  phone: z.string().nullable(),
});
export type Staff = z.infer<typeof staff>;

export const clientFacts = z.object({
  /** What a new person must know before the first visit (key safe, dog, hearing, allergies). */
  keyFacts: z.string().max(4000),
  /** How the client likes things done, in their own words. */
  preferences: z.string().max(4000),
});

export const client = z.object({
  id,
  teamId: id,
  firstName: z.string(),
  lastName: z.string(),
  birthYear: z.number().int().min(1900).max(2030),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  location: coordinates,
  phone: z.string().nullable(),
  /** Most preferred first. */
  languages: z.array(languageCode).min(1),
  fixedContactStaffId: id.nullable(),
  keyFacts: z.string(),
  preferences: z.string(),
  notificationChannel: z.enum(['sms', 'email', 'none']),
});
export type Client = z.infer<typeof client>;

export const relative = z.object({
  id,
  clientId: id,
  name: z.string(),
  relation: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** Consent is the client's: given and withdrawn in Tillit, each change logged. */
  consentGivenAt: z.string().nullable(),
  consentWithdrawnAt: z.string().nullable(),
});
export type Relative = z.infer<typeof relative>;

export const serviceTypes = ['personal_care', 'service', 'meals', 'medication', 'social', 'safety_check'] as const;
export const serviceType = z.enum(serviceTypes);
export type ServiceType = z.infer<typeof serviceType>;

export const grantedService = z.object({
  serviceType,
  hoursPerMonth: z.number().min(0).max(744),
});
export type GrantedService = z.infer<typeof grantedService>;

/** Biståndsbeslut: what the needs assessor granted, for a period. */
export const decision = z.object({
  id,
  clientId: id,
  decidedAt: isoDate,
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  services: z.array(grantedService).min(1),
});
export type Decision = z.infer<typeof decision>;

export const weekday = z.number().int().min(1).max(7);

/** One recurring visit of a genomförandeplan. */
export const carePlanVisit = z.object({
  id,
  title: z.string().min(1).max(200),
  serviceType,
  weekdays: z.array(weekday).min(1),
  windowStart: timeOfDay,
  windowEnd: timeOfDay,
  durationMin: z.number().int().min(5).max(480),
  tasks: z.array(z.string().max(200)).max(30),
  skills: z.array(skill),
  staffCount: z.union([z.literal(1), z.literal(2)]),
  videoAllowed: z.boolean(),
  /** A shopping or pharmacy errand, which the service group may group into one car trip (errands.ts). */
  errand: z.enum(errandKinds).nullable().optional(),
  /** Every 1–4 weeks; absent means every week. Cleaning is usually every other week. */
  intervalWeeks: z.number().int().min(1).max(4).optional(),
  /** A day in a week the visit occurs in, counted from when intervalWeeks > 1 (care-plan-occurrences.ts); routes require it then. */
  weekAnchor: isoDate.nullable().optional(),
});
export type CarePlanVisit = z.infer<typeof carePlanVisit>;

export const carePlan = z.object({
  id,
  clientId: id,
  decisionId: id.nullable(),
  /** The plan in the client's own words. */
  summary: z.string(),
  updatedAt: z.string(),
  visits: z.array(carePlanVisit),
});
export type CarePlan = z.infer<typeof carePlan>;

export const visitStatuses = ['planned', 'done', 'missed', 'cancelled'] as const;
export const visitStatus = z.enum(visitStatuses);
export type VisitStatus = z.infer<typeof visitStatus>;

export const visit = z.object({
  id,
  clientId: id,
  teamId: id,
  carePlanVisitId: id.nullable(),
  date: isoDate,
  title: z.string(),
  serviceType,
  windowStart: timeOfDay,
  windowEnd: timeOfDay,
  durationMin: z.number().int(),
  skills: z.array(skill),
  tasks: z.array(z.string()),
  staffCount: z.number().int().min(1).max(2),
  video: z.boolean(),
  status: visitStatus,
  plannedStart: timeOfDay.nullable(),
  staffIds: z.array(id),
  /** Real times, recorded by staff when they want to (no stopwatch). */
  actualStart: timeOfDay.nullable(),
  actualEnd: timeOfDay.nullable(),
  missedReason: z.string().nullable(),
});
export type Visit = z.infer<typeof visit>;

export const shift = z.object({
  id,
  staffId: id,
  date: isoDate,
  start: timeOfDay,
  end: timeOfDay,
  breakMin: z.number().int().min(0).max(120),
});
export type Shift = z.infer<typeof shift>;

export const absenceReasons = ['sick', 'child_care', 'vacation', 'other'] as const;
export const absenceReason = z.enum(absenceReasons);
export type AbsenceReason = z.infer<typeof absenceReason>;

export const absence = z.object({
  id,
  staffId: id,
  fromDate: isoDate,
  toDate: isoDate,
  reason: absenceReason,
});
export type Absence = z.infer<typeof absence>;
