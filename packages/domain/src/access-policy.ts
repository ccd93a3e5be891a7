// Who may see and change what. A pure function of the actor, the client's place in the
// organisation and what the request touches; the server asks it on every request and logs reads.
// The level follows the "legitimate need" principle of SOSFS 2014:5 and OSL 26 kap 1 §
// (DOMAIN-FACTS.md): staff see their own team's clients, a substitute only today's. A team that
// serves another team's client (an evening team, the service group: visits in the two weeks
// before or after today), and staff visiting one today, have a substitute's reach to that client:
// they need the key facts and care plan to do and plan the visits, not relatives or the history.
import type { Actor, Role } from './roles.js';

/** How far before and after today a team's visits to another team's client give it reach. */
export const SERVED_DAYS = 14;

/** Kinds of client data, so a role can see some and not others (finance: billing, not care notes). */
export const clientDataCategories = [
  'profile',
  'keyFacts',
  'carePlan',
  'careNotes',
  'visits',
  'decisions',
  'billing',
  'relatives',
  'accessLog',
  /** Avvikelser about the client: reported by staff, the client, a relative or a manager. */
  'deviations',
] as const;
export type ClientDataCategory = (typeof clientDataCategories)[number];

export type Interaction = 'read' | 'write';

/** Where a client sits in the organisation. */
export interface ClientScope {
  clientId: string;
  teamId: string;
  unitId: string;
  municipalityId: string;
}

/** Facts about today that the policy needs but cannot look up itself. */
export interface AccessFacts {
  /** Clients on visits assigned today to this substitute or staff member. */
  assignedClientIdsToday?: ReadonlySet<string>;
  /** Other teams' clients whose visits the actor's team does (SERVED_DAYS before or after today). */
  servedClientIds?: ReadonlySet<string>;
  /** Clients whose recorded, unwithdrawn consent covers this relative. */
  consentedClientIds?: ReadonlySet<string>;
}

export type AccessDecision =
  | { allowed: true }
  /** `out-of-scope`: the client is not this actor's at all (answer as if it did not exist). */
  | { allowed: false; reason: 'out-of-scope' | 'category-not-allowed' | 'interaction-not-allowed' };

type Grants = Partial<Record<ClientDataCategory, readonly Interaction[]>>;
const R = ['read'] as const;
const RW = ['read', 'write'] as const;
const W = ['write'] as const;

/** What each role may do with the data of a client inside its scope. */
const grantsByRole: Record<Role, Grants> = {
  admin: {},
  unit_manager: { profile: RW, keyFacts: RW, carePlan: RW, careNotes: R, visits: RW, decisions: R, relatives: R, accessLog: R, deviations: RW },
  // Coordinators record consent the client gives orally (relatives: write).
  coordinator: { profile: RW, keyFacts: RW, carePlan: RW, careNotes: RW, visits: RW, decisions: R, relatives: RW, deviations: RW },
  staff: { profile: R, keyFacts: RW, carePlan: R, careNotes: RW, visits: RW, relatives: R, deviations: RW },
  // A substitute may report what went wrong on today's visit, but not read the client's history of deviations.
  substitute: { profile: R, keyFacts: R, carePlan: R, careNotes: RW, visits: RW, deviations: W },
  needs_assessor: { profile: R, carePlan: R, visits: R, decisions: RW },
  finance: { profile: R, billing: RW },
  // The client reads the status of their own deviations (a client view without investigation notes).
  client: { profile: R, keyFacts: R, carePlan: R, visits: R, decisions: R, billing: R, relatives: RW, accessLog: R, deviations: RW },
  // A relative with consent may report that something went wrong ("something went wrong", issue 7).
  // A relative reports deviations and follows the ones they reported (the server narrows the reads).
  relative: { profile: R, carePlan: R, visits: R, deviations: RW },
};

/** @returns whether the client is within the actor's scope at all, whatever the category. */
export function clientInScope(actor: Actor, client: ClientScope, facts: AccessFacts = {}): boolean {
  if (client.municipalityId !== actor.municipalityId) return false;
  switch (actor.role) {
    case 'admin':
      return false;
    case 'unit_manager':
      return actor.unitId != null && actor.unitId === client.unitId;
    case 'coordinator':
      return (actor.teamId != null && actor.teamId === client.teamId) || (facts.servedClientIds?.has(client.clientId) ?? false);
    case 'staff':
      return (actor.teamId != null && actor.teamId === client.teamId)
        || (facts.assignedClientIdsToday?.has(client.clientId) ?? false)
        || (facts.servedClientIds?.has(client.clientId) ?? false);
    case 'substitute':
      return facts.assignedClientIdsToday?.has(client.clientId) ?? false;
    case 'needs_assessor':
    case 'finance':
      return true;
    case 'client':
      return actor.clientId === client.clientId;
    case 'relative':
      return facts.consentedClientIds?.has(client.clientId) ?? false;
  }
}

/**
 * Decide one access to one client's data.
 * @param actor - the signed-in person
 * @param client - the client's place in the organisation
 * @param category - what part of the record is touched
 * @param interaction - read or write
 * @param facts - today's assignments and consents, looked up by the caller
 * @returns allowed, or why not
 */
export function clientAccess(
  actor: Actor,
  client: ClientScope,
  category: ClientDataCategory,
  interaction: Interaction,
  facts: AccessFacts = {},
): AccessDecision {
  if (!clientInScope(actor, client, facts)) return { allowed: false, reason: 'out-of-scope' };
  // Another team's client, in reach only through the visits: a substitute's grants.
  const visitingOnly = (actor.role === 'staff' || actor.role === 'coordinator') && actor.teamId !== client.teamId;
  const allowed = grantsByRole[visitingOnly ? 'substitute' : actor.role][category];
  if (!allowed) return { allowed: false, reason: 'category-not-allowed' };
  if (!allowed.includes(interaction)) return { allowed: false, reason: 'interaction-not-allowed' };
  return { allowed: true };
}

/** Where a team sits. */
export interface TeamScope {
  teamId: string;
  unitId: string;
  municipalityId: string;
}

/**
 * Decide access to a team's day (its staff, shifts, absences and visits with client names).
 * Substitutes see only their own visits, through their own day, never the team's.
 */
export function teamAccess(actor: Actor, team: TeamScope, interaction: Interaction): AccessDecision {
  if (team.municipalityId !== actor.municipalityId) return { allowed: false, reason: 'out-of-scope' };
  switch (actor.role) {
    case 'unit_manager':
      if (actor.unitId !== team.unitId) return { allowed: false, reason: 'out-of-scope' };
      return { allowed: true };
    case 'coordinator':
      return actor.teamId === team.teamId ? { allowed: true } : { allowed: false, reason: 'out-of-scope' };
    case 'staff':
      if (actor.teamId !== team.teamId) return { allowed: false, reason: 'out-of-scope' };
      return interaction === 'read' ? { allowed: true } : { allowed: false, reason: 'interaction-not-allowed' };
    default:
      return { allowed: false, reason: 'out-of-scope' };
  }
}

/**
 * Decide access to a team's planning weights (what a suggested plan weighs against travel). They
 * hold no client data: whoever may read the team's day reads them, whoever may change the day
 * changes them, and an administrator, who sets up the municipality's teams, does both.
 * @param actor - the signed-in person
 * @param team - where the team sits
 * @param interaction - read, or write (set or reset)
 * @returns allowed, or why not; another municipality's team is `out-of-scope`
 */
export function planningWeightsAccess(actor: Actor, team: TeamScope, interaction: Interaction): AccessDecision {
  if (actor.role === 'admin') return team.municipalityId === actor.municipalityId ? { allowed: true } : { allowed: false, reason: 'out-of-scope' };
  return teamAccess(actor, team, interaction);
}

/** Roles that manage accounts and the organisation; they hold no client data by default. */
export function canAdminister(actor: Actor): boolean {
  return actor.role === 'admin';
}

/** Roles that may list the municipality's decisions and granted-versus-delivered follow-up. */
export function canFollowUpDecisions(actor: Actor): boolean {
  return actor.role === 'needs_assessor' || actor.role === 'unit_manager';
}

/** Roles that follow up a unit's deviations: overdue steps, the learning view, improvements, lex Sarah. */
export function canLeadDeviationFollowUp(actor: Actor): boolean {
  return actor.role === 'unit_manager';
}

/** Roles that may see the month's billing run. */
export function canSeeBilling(actor: Actor): boolean {
  return actor.role === 'finance';
}

/** What the policy needs to know about one recorded deviation. */
export interface DeviationScope {
  /** The team whose visit the deviation is about (it follows it up), else the client's team. */
  teamId: string;
}

/**
 * Decide access to one recorded deviation: reading it, or taking a step in its follow-up.
 * As `clientAccess` for the client's deviations, with one narrow addition: staff and coordinators
 * of a team that serves another team's client (the evening team, the service group) read and
 * follow up the deviations about their own visits, since the team responsible for the visit
 * investigates it (SOSFS 2014:5: access for a legitimate need). The client's other deviations,
 * about other teams' visits or the client in general, stay out of their reach.
 * @param actor - the signed-in person
 * @param client - the client's place in the organisation
 * @param deviation - the team the deviation belongs to
 * @param interaction - read, or write (take a step)
 * @param facts - today's assignments, served clients and consents, looked up by the caller
 * @returns allowed, or why not; another team's deviation is `out-of-scope` (as if it did not exist)
 */
export function deviationAccess(
  actor: Actor,
  client: ClientScope,
  deviation: DeviationScope,
  interaction: Interaction,
  facts: AccessFacts = {},
): AccessDecision {
  const visitingOnly = (actor.role === 'staff' || actor.role === 'coordinator') && actor.teamId !== client.teamId;
  if (!visitingOnly || !clientInScope(actor, client, facts)) return clientAccess(actor, client, 'deviations', interaction, facts);
  if (actor.teamId == null || actor.teamId !== deviation.teamId) return { allowed: false, reason: 'out-of-scope' };
  const allowed = grantsByRole[actor.role].deviations;
  if (!allowed) return { allowed: false, reason: 'category-not-allowed' };
  if (!allowed.includes(interaction)) return { allowed: false, reason: 'interaction-not-allowed' };
  return { allowed: true };
}
