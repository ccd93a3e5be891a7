// What the demo generator produces: a whole municipality in domain types, ready to load.
import type {
  Absence, CarePlan, Client, Decision, Municipality, Relative, Role, Shift, Staff, Team, Unit, Visit,
} from '@tillit/domain';

export interface DemoUser {
  username: string;
  /** Plain demo password; the loader hashes it. Printed by the first README command. */
  password: string;
  role: Role;
  displayName: string;
  unitId?: string | null;
  teamId?: string | null;
  staffId?: string | null;
  clientId?: string | null;
  relativeId?: string | null;
}

export interface DemoMunicipality {
  /** The day the demo treats as today (YYYY-MM-DD); history runs 14 days before it. */
  today: string;
  seed: number;
  municipality: Municipality;
  units: Unit[];
  teams: Team[];
  staff: Staff[];
  clients: Client[];
  relatives: Relative[];
  decisions: Decision[];
  carePlans: CarePlan[];
  shifts: Shift[];
  absences: Absence[];
  visits: Visit[];
  /** Where each staff member's break lies in the demo's own day plans. */
  breaks: DemoBreak[];
  users: DemoUser[];
}

export interface DemoBreak {
  staffId: string;
  date: string;
  /** HH:MM */
  start: string;
}

export interface DemoOptions {
  seed: number;
  /** Defaults to the real current date in Europe/Stockholm. */
  today?: string;
  /** Number of clients; default about 110 (Kalix-like). A large value (e.g. 20000) scales teams too. */
  clients?: number;
  /** Number of day teams; default 6, scaled with clients when omitted. */
  teams?: number;
  /** Days of history before today (default 14) and days planned ahead (default 7). */
  historyDays?: number;
  aheadDays?: number;
}
