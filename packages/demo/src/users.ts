// The demo logins, one per role, with fixed usernames so the README can print them.
import type { Relative, Visit } from '@tillit/domain';
import type { ClientProfile } from './clients.js';
import { personName } from './names.js';
import type { Organisation, StaffProfile } from './organisation.js';
import type { Rng } from './prng.js';
import type { DemoUser } from './types.js';

export const DEMO_PASSWORD = 'tillit';

export interface DemoCast {
  coordinator: StaffProfile;
  staff: StaffProfile;
  substitute: StaffProfile | null;
  client: ClientProfile;
  clientFi: ClientProfile | null;
  clientAr: ClientProfile | null;
}

/**
 * Picks who the demo logins are: the coordinator and a staff member of the first team, its
 * substitute, and a Swedish-speaking client of the first team with a fixed contact and visits today.
 */
export function chooseCast(org: Organisation, clients: ClientProfile[], visitsToday: Visit[], absentToday: ReadonlySet<string>): DemoCast {
  const first = org.dayTeams[0];
  if (!first) throw new RangeError('the demo needs at least one day team');
  const team = org.staffByTeam.get(first.team.id) ?? [];
  const regular = team.filter((p) => !p.substitute);
  const [coordinator, staff] = regular as [StaffProfile, StaffProfile];
  const withVisits = new Set(visitsToday.filter((v) => v.staffIds.length > 0).map((v) => v.clientId));
  const ranked = (lang: string) => {
    const all = clients.filter((c) => c.client.languages[0] === lang && withVisits.has(c.client.id) && c.client.fixedContactStaffId !== null);
    return [...all.filter((c) => c.team === first), ...all.filter((c) => c.team !== first)];
  };
  const sv = ranked('sv').filter((c) => c.team === first);
  // A tiny demo may lack the ideal client; then any client of the first team (or any at all) will do.
  const client = sv.find((c) => !absentToday.has(c.client.fixedContactStaffId ?? '') && c.need !== 'light') ?? sv[0]
    ?? clients.find((c) => c.team === first) ?? clients[0];
  if (!client) throw new RangeError('the demo needs at least one client');
  return {
    coordinator, staff, substitute: team.find((p) => p.substitute) ?? null, client,
    clientFi: ranked('fi')[0] ?? null, clientAr: ranked('ar')[0] ?? null,
  };
}

/** @returns the demo users; every password is `tillit`. */
export function buildUsers(rng: Rng, org: Organisation, cast: DemoCast, relatives: Relative[]): DemoUser[] {
  const first = org.dayTeams[0] as Organisation['dayTeams'][number];
  const office = (title: string) => {
    const n = personName(rng, 'sv', false, 0.7);
    return `${n.firstName} ${n.lastName} (${title})`;
  };
  const staffName = (p: StaffProfile) => `${p.staff.firstName} ${p.staff.lastName}`;
  const clientName = (c: ClientProfile) => `${c.client.firstName} ${c.client.lastName}`;
  const u = (username: string, role: DemoUser['role'], displayName: string, scope: Partial<DemoUser> = {}): DemoUser => ({
    username, password: DEMO_PASSWORD, role, displayName, unitId: null, teamId: null, staffId: null, clientId: null, relativeId: null, ...scope,
  });
  const users: DemoUser[] = [
    u('admin', 'admin', 'Administratör'),
    u('chef', 'unit_manager', office('enhetschef'), { unitId: first.team.unitId }),
  ];
  const second = org.units[1];
  if (second) users.push(u('chef2', 'unit_manager', office('enhetschef'), { unitId: second.id }));
  users.push(
    u('samordnare', 'coordinator', staffName(cast.coordinator), { teamId: first.team.id, staffId: cast.coordinator.staff.id }),
    u('personal', 'staff', staffName(cast.staff), { teamId: first.team.id, staffId: cast.staff.staff.id }),
  );
  if (cast.substitute) {
    users.push(u('vikarie', 'substitute', staffName(cast.substitute), { teamId: first.team.id, staffId: cast.substitute.staff.id }));
  }
  users.push(
    u('handlaggare', 'needs_assessor', office('biståndshandläggare')),
    u('ekonomi', 'finance', office('ekonom')),
    u('brukare', 'client', clientName(cast.client), { clientId: cast.client.client.id, teamId: cast.client.team.team.id }),
  );
  const consenting = relatives.find((r) => r.clientId === cast.client.client.id && r.consentGivenAt !== null && r.consentWithdrawnAt === null);
  if (consenting) users.push(u('anhorig', 'relative', consenting.name, { relativeId: consenting.id, clientId: cast.client.client.id }));
  if (cast.clientFi) users.push(u('brukare.fi', 'client', clientName(cast.clientFi), { clientId: cast.clientFi.client.id, teamId: cast.clientFi.team.team.id }));
  if (cast.clientAr) users.push(u('brukare.ar', 'client', clientName(cast.clientAr), { clientId: cast.clientAr.client.id, teamId: cast.clientAr.team.team.id }));
  const without = relatives.find((r) => r.consentGivenAt === null);
  if (without) users.push(u('anhorig.utan', 'relative', without.name, { relativeId: without.id, clientId: without.clientId }));
  return users;
}
