// Shapes of the API's answers, as described by /api/openapi.json (packages/server/src/routes/*.ts).
// The web app speaks only HTTP to the server; it shares no code with it.

export const roles = [
  'admin', 'unit_manager', 'coordinator', 'staff', 'substitute', 'needs_assessor', 'finance', 'client', 'relative',
] as const;
export type Role = (typeof roles)[number];

export interface SessionUser {
  username: string;
  displayName: string;
  role: Role;
  locale: string;
  unitId: string | null;
  teamId: string | null;
  staffId: string | null;
  clientId: string | null;
  relativeId: string | null;
}

export interface SessionAnswer {
  user: SessionUser;
  csrfToken: string;
  /** The municipality's calendar date; see API-REQUESTS.md (absent until the server adds it). */
  today?: string;
  timeZone?: string;
}

/** RFC 9457 problem document, as every error answer is. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: { pointer: string; detail: string }[];
  /** `too-many-attempts`: when the account may try to sign in again (ISO instant). */
  retryAfter?: string;
}

export interface PersonRef {
  id: string;
  firstName: string;
  lastName: string;
}

export interface Visit {
  id: string;
  clientId: string;
  teamId: string;
  date: string;
  title: string;
  serviceType: string;
  windowStart: string;
  windowEnd: string;
  durationMin: number;
  skills: string[];
  tasks: string[];
  staffCount: number;
  video: boolean;
  status: string;
  plannedStart: string | null;
  staff: PersonRef[];
  actualStart: string | null;
  actualEnd: string | null;
  missedReason: string | null;
}

export interface Team {
  id: string;
  unitId: string;
  name: string;
  area: string;
  phone: string;
  kind: string;
}

export interface TeamDayStaff extends PersonRef {
  title: string;
  skills: string[];
  languages: string[];
  shift: { start: string; end: string; breakMin: number } | null;
  absence: { reason: string; fromDate: string; toDate: string } | null;
}

export interface TeamDay {
  team: Team;
  date: string;
  staff: TeamDayStaff[];
  visits: (Visit & { client: { firstName: string; lastName: string; languages: string[]; fixedContactStaffId: string | null } })[];
}

export interface MyDayVisit extends Visit {
  client: {
    firstName: string;
    lastName: string;
    street: string;
    postalCode: string;
    city: string;
    location: { lat: number; lon: number };
    keyFacts: string;
    preferences: string;
    languages: string[];
  };
}

export interface MyDay {
  date: string;
  visits: MyDayVisit[];
}

export interface StaffRef extends PersonRef {
  title: string;
}

export interface ClientSummary extends PersonRef {
  teamId: string;
  teamName: string;
  languages: string[];
  fixedContact: StaffRef | null;
}

export interface ClientDetail extends ClientSummary {
  birthYear: number;
  street: string;
  postalCode: string;
  city: string;
  location: { lat: number; lon: number };
  phone: string | null;
  notificationChannel: string;
  teamPhone: string;
  keyFacts?: string;
  preferences?: string;
}

export interface AccessLogEntry {
  at: string;
  who: string;
  role: string;
  action: string;
  what: string;
}

export interface UnitOverview {
  unit: { id: string; name: string };
  date: string;
  teams: {
    id: string;
    name: string;
    kind: string;
    staffCount: number;
    clientCount: number;
    visitsToday: number;
    absentToday: number;
    doneLast14: number;
    missedLast14: number;
  }[];
}

export interface FollowUp {
  month: string;
  items: {
    clientId: string;
    firstName: string;
    lastName: string;
    teamName: string;
    grantedMin: number;
    plannedMin: number;
    deliveredMin: number;
    missedVisits: number;
  }[];
}

export interface Billing {
  month: string;
  items: {
    clientId: string;
    firstName: string;
    lastName: string;
    street: string;
    postalCode: string;
    city: string;
    doneVisits: number;
    deliveredMin: number;
    notBilledVisits: number;
  }[];
  totalDeliveredMin: number;
}

export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  role: string;
  unitId: string | null;
  teamId: string | null;
  disabled: boolean;
}

export interface Page<T> {
  items: T[];
  total?: number;
}
