import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientAccess, clientDataCategories, deviationAccess, planningWeightsAccess, teamAccess, type ClientScope } from './access-policy.js';
import { roles, type Actor } from './roles.js';

const m = 'm1';
const astrid: ClientScope = { clientId: 'c-astrid', teamId: 'team-a', unitId: 'unit-1', municipalityId: m };
const berta: ClientScope = { clientId: 'c-berta', teamId: 'team-b', unitId: 'unit-2', municipalityId: m };

const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({ userId: 'u', role, municipalityId: m, ...extra });
const staffA = actor('staff', { teamId: 'team-a', staffId: 's1' });
const managerOfUnit1 = actor('unit_manager', { unitId: 'unit-1' });
const substitute = actor('substitute', { staffId: 'sub', teamId: 'team-a' });
const finance = actor('finance');
const relative = actor('relative', { relativeId: 'r1' });

describe('client access policy', () => {
  it("lets staff read their own team's client care plan but not another team's", () => {
    expect(clientAccess(staffA, astrid, 'carePlan', 'read')).toEqual({ allowed: true });
    expect(clientAccess(staffA, berta, 'carePlan', 'read')).toEqual({ allowed: false, reason: 'out-of-scope' });
  });

  it('lets a substitute read a client only on a day with an assigned visit', () => {
    const withVisit = { assignedClientIdsToday: new Set(['c-astrid']) };
    expect(clientAccess(substitute, astrid, 'keyFacts', 'read', withVisit).allowed).toBe(true);
    expect(clientAccess(substitute, astrid, 'keyFacts', 'read', { assignedClientIdsToday: new Set() }).allowed).toBe(false);
    expect(clientAccess(substitute, berta, 'keyFacts', 'read', withVisit).allowed).toBe(false);
  });

  it("lets staff visiting another team's client today (evening team, service group) do the visit, with a substitute's reach", () => {
    const visitingBerta = { assignedClientIdsToday: new Set(['c-berta']) };
    expect(clientAccess(staffA, berta, 'keyFacts', 'read', visitingBerta)).toEqual({ allowed: true });
    expect(clientAccess(staffA, berta, 'carePlan', 'read', visitingBerta)).toEqual({ allowed: true });
    expect(clientAccess(staffA, berta, 'visits', 'write', visitingBerta)).toEqual({ allowed: true });
    // Not the other team's history of deviations, relatives or changing key facts.
    expect(clientAccess(staffA, berta, 'deviations', 'read', visitingBerta)).toEqual({ allowed: false, reason: 'interaction-not-allowed' });
    expect(clientAccess(staffA, berta, 'relatives', 'read', visitingBerta)).toEqual({ allowed: false, reason: 'category-not-allowed' });
    expect(clientAccess(staffA, berta, 'keyFacts', 'write', visitingBerta)).toEqual({ allowed: false, reason: 'interaction-not-allowed' });
    // Their own team's client keeps the full staff reach, with or without a visit today.
    expect(clientAccess(staffA, astrid, 'relatives', 'read', visitingBerta)).toEqual({ allowed: true });
    // No visit today: out of scope.
    expect(clientAccess(staffA, berta, 'keyFacts', 'read', { assignedClientIdsToday: new Set() })).toEqual({ allowed: false, reason: 'out-of-scope' });
  });

  it("lets a team that serves another team's client (evening team) plan its visits, with a substitute's reach", () => {
    const coordinatorA = actor('coordinator', { teamId: 'team-a' });
    const served = { servedClientIds: new Set(['c-berta']) };
    expect(clientAccess(coordinatorA, berta, 'visits', 'write', served)).toEqual({ allowed: true });
    expect(clientAccess(coordinatorA, berta, 'keyFacts', 'read', served)).toEqual({ allowed: true });
    expect(clientAccess(coordinatorA, berta, 'relatives', 'read', served)).toEqual({ allowed: false, reason: 'category-not-allowed' });
    expect(clientAccess(coordinatorA, berta, 'profile', 'write', served)).toEqual({ allowed: false, reason: 'interaction-not-allowed' });
    expect(clientAccess(staffA, berta, 'carePlan', 'read', served)).toEqual({ allowed: true });
    expect(clientAccess(coordinatorA, berta, 'visits', 'read')).toEqual({ allowed: false, reason: 'out-of-scope' });
    // A substitute's reach stays today's own visits, whatever the team serves.
    expect(clientAccess(substitute, berta, 'visits', 'read', served)).toEqual({ allowed: false, reason: 'out-of-scope' });
  });

  it('gives finance billing data but never care notes or care plans', () => {
    expect(clientAccess(finance, berta, 'billing', 'read').allowed).toBe(true);
    expect(clientAccess(finance, berta, 'careNotes', 'read')).toEqual({ allowed: false, reason: 'category-not-allowed' });
    expect(clientAccess(finance, astrid, 'carePlan', 'read').allowed).toBe(false);
  });

  it("gives a needs assessor decisions but not care notes", () => {
    const assessor = actor('needs_assessor');
    expect(clientAccess(assessor, berta, 'decisions', 'write').allowed).toBe(true);
    expect(clientAccess(assessor, berta, 'careNotes', 'read').allowed).toBe(false);
  });

  it("lets a unit manager read the access log of their unit's clients only", () => {
    expect(clientAccess(managerOfUnit1, astrid, 'accessLog', 'read').allowed).toBe(true);
    expect(clientAccess(managerOfUnit1, berta, 'accessLog', 'read').allowed).toBe(false);
  });

  it('lets a relative see visits only while the consent stands', () => {
    expect(clientAccess(relative, astrid, 'visits', 'read', { consentedClientIds: new Set(['c-astrid']) }).allowed).toBe(true);
    expect(clientAccess(relative, astrid, 'visits', 'read', { consentedClientIds: new Set() }).allowed).toBe(false);
    expect(clientAccess(relative, astrid, 'billing', 'read', { consentedClientIds: new Set(['c-astrid']) }).allowed).toBe(false);
  });

  it('lets a client read their own record and nobody else\'s', () => {
    const me = actor('client', { clientId: 'c-astrid' });
    expect(clientAccess(me, astrid, 'visits', 'read').allowed).toBe(true);
    expect(clientAccess(me, astrid, 'visits', 'write')).toEqual({ allowed: false, reason: 'interaction-not-allowed' });
    expect(clientAccess(me, berta, 'profile', 'read').allowed).toBe(false);
  });

  it('never allows anything across municipalities, for any role or category', () => {
    fc.assert(fc.property(
      fc.constantFrom(...roles), fc.constantFrom(...clientDataCategories), fc.constantFrom('read' as const, 'write' as const),
      (role, category, interaction) => {
        const a = actor(role, { unitId: 'unit-1', teamId: 'team-a', clientId: 'c-astrid', relativeId: 'r1', staffId: 's1' });
        const facts = { assignedClientIdsToday: new Set(['c-astrid']), consentedClientIds: new Set(['c-astrid']) };
        return !clientAccess(a, { ...astrid, municipalityId: 'other' }, category, interaction, facts).allowed;
      },
    ));
  });

  it('never gives the administrator client data', () => {
    fc.assert(fc.property(fc.constantFrom(...clientDataCategories), fc.constantFrom('read' as const, 'write' as const), (category, interaction) =>
      !clientAccess(actor('admin'), astrid, category, interaction).allowed));
  });
});

describe('team access policy', () => {
  const teamA = { teamId: 'team-a', unitId: 'unit-1', municipalityId: m };
  it('lets staff read but not change their team day, and the coordinator do both', () => {
    expect(teamAccess(staffA, teamA, 'read').allowed).toBe(true);
    expect(teamAccess(staffA, teamA, 'write').allowed).toBe(false);
    expect(teamAccess(actor('coordinator', { teamId: 'team-a' }), teamA, 'write').allowed).toBe(true);
  });
  it('keeps substitutes out of the team day', () => {
    expect(teamAccess(substitute, teamA, 'read').allowed).toBe(false);
  });
  it('lets a unit manager into the teams of their unit only', () => {
    expect(teamAccess(managerOfUnit1, teamA, 'read').allowed).toBe(true);
    expect(teamAccess(managerOfUnit1, { ...teamA, unitId: 'unit-2' }, 'read').allowed).toBe(false);
  });
});

describe('planning weights access', () => {
  const teamA = { teamId: 'team-a', unitId: 'unit-1', municipalityId: m };
  const coordinatorA = actor('coordinator', { teamId: 'team-a', staffId: 's2' });
  it("lets the team's staff read them, and its coordinator and unit manager change them", () => {
    expect(planningWeightsAccess(staffA, teamA, 'read')).toEqual({ allowed: true });
    expect(planningWeightsAccess(staffA, teamA, 'write')).toEqual({ allowed: false, reason: 'interaction-not-allowed' });
    expect(planningWeightsAccess(coordinatorA, teamA, 'write')).toEqual({ allowed: true });
    expect(planningWeightsAccess(managerOfUnit1, teamA, 'write')).toEqual({ allowed: true });
  });
  it("lets an administrator read and change any team's of the municipality, and no other municipality's", () => {
    expect(planningWeightsAccess(actor('admin'), { ...teamA, unitId: 'unit-2' }, 'write')).toEqual({ allowed: true });
    expect(planningWeightsAccess(actor('admin'), { ...teamA, municipalityId: 'm2' }, 'read')).toEqual({ allowed: false, reason: 'out-of-scope' });
  });
  it('keeps other teams, other units and every other role out, as if the team did not exist', () => {
    expect(planningWeightsAccess(actor('coordinator', { teamId: 'team-b' }), teamA, 'read')).toEqual({ allowed: false, reason: 'out-of-scope' });
    expect(planningWeightsAccess(actor('unit_manager', { unitId: 'unit-2' }), teamA, 'read')).toEqual({ allowed: false, reason: 'out-of-scope' });
    for (const role of ['substitute', 'needs_assessor', 'finance', 'client', 'relative'] as const) {
      expect(planningWeightsAccess(actor(role, { teamId: 'team-a', staffId: 'x', clientId: 'c-astrid', relativeId: 'r1' }), teamA, 'read'), role)
        .toEqual({ allowed: false, reason: 'out-of-scope' });
    }
  });
});

describe('deviation access', () => {
  const coordinatorA = actor('coordinator', { teamId: 'team-a', staffId: 's2' });
  it("lets staff read and report their own team's deviations only", () => {
    expect(clientAccess(staffA, astrid, 'deviations', 'read').allowed).toBe(true);
    expect(clientAccess(staffA, astrid, 'deviations', 'write').allowed).toBe(true);
    expect(clientAccess(staffA, berta, 'deviations', 'read')).toEqual({ allowed: false, reason: 'out-of-scope' });
    expect(clientAccess(coordinatorA, berta, 'deviations', 'write').allowed).toBe(false);
  });

  it("lets a unit manager follow up the unit's deviations and no other unit's", () => {
    expect(clientAccess(managerOfUnit1, astrid, 'deviations', 'write').allowed).toBe(true);
    expect(clientAccess(managerOfUnit1, berta, 'deviations', 'read').allowed).toBe(false);
  });

  it('lets a client read and report their own, a relative with consent report and follow (the server narrows it to their own reports), and a substitute only report', () => {
    const me = actor('client', { clientId: 'c-astrid' });
    expect(clientAccess(me, astrid, 'deviations', 'read').allowed).toBe(true);
    expect(clientAccess(me, berta, 'deviations', 'read').allowed).toBe(false);
    const consent = { consentedClientIds: new Set(['c-astrid']) };
    expect(clientAccess(relative, astrid, 'deviations', 'write', consent).allowed).toBe(true);
    expect(clientAccess(relative, astrid, 'deviations', 'read', consent).allowed).toBe(true);
    expect(clientAccess(relative, astrid, 'deviations', 'read', { consentedClientIds: new Set() }).allowed).toBe(false);
    const today = { assignedClientIdsToday: new Set(['c-astrid']) };
    expect(clientAccess(substitute, astrid, 'deviations', 'write', today).allowed).toBe(true);
    expect(clientAccess(substitute, astrid, 'deviations', 'read', today).allowed).toBe(false);
  });

  it('gives finance and the needs assessor no deviations, and finance billing without care notes', () => {
    expect(clientAccess(finance, astrid, 'deviations', 'read')).toEqual({ allowed: false, reason: 'category-not-allowed' });
    expect(clientAccess(actor('needs_assessor'), astrid, 'deviations', 'read').allowed).toBe(false);
  });
});

describe('deviation access', () => {
  // Team A (an evening team) serves team B's client Berta: a visit by team A within SERVED_DAYS.
  const servingBerta = { servedClientIds: new Set(['c-berta']) };
  const coordinatorA = actor('coordinator', { teamId: 'team-a', staffId: 's2' });
  const ownVisit = { teamId: 'team-a' };
  const teamBVisit = { teamId: 'team-b' };

  it("lets a serving team's staff and coordinator read and follow up a deviation about their own visit", () => {
    expect(deviationAccess(coordinatorA, berta, ownVisit, 'read', servingBerta)).toEqual({ allowed: true });
    expect(deviationAccess(coordinatorA, berta, ownVisit, 'write', servingBerta)).toEqual({ allowed: true });
    expect(deviationAccess(staffA, berta, ownVisit, 'read', servingBerta)).toEqual({ allowed: true });
  });

  it("refuses a serving team the client's other deviations, as if they did not exist", () => {
    for (const a of [coordinatorA, staffA]) {
      expect(deviationAccess(a, berta, teamBVisit, 'read', servingBerta)).toEqual({ allowed: false, reason: 'out-of-scope' });
      expect(deviationAccess(a, berta, teamBVisit, 'write', servingBerta)).toEqual({ allowed: false, reason: 'out-of-scope' });
    }
  });

  it('refuses a deviation about their own visit once the team no longer serves the client', () => {
    expect(deviationAccess(coordinatorA, berta, ownVisit, 'read', { servedClientIds: new Set() })).toEqual({ allowed: false, reason: 'out-of-scope' });
  });

  it("keeps the own team's client's deviations whole, whichever team's visit they are about", () => {
    expect(deviationAccess(staffA, astrid, teamBVisit, 'read')).toEqual({ allowed: true });
    expect(deviationAccess(coordinatorA, astrid, ownVisit, 'write')).toEqual({ allowed: true });
  });

  it('leaves a substitute, the client and a relative as the client policy has them', () => {
    const withVisit = { assignedClientIdsToday: new Set(['c-astrid']) };
    const subOwnTeam = { teamId: 'team-a' };
    expect(deviationAccess(substitute, astrid, subOwnTeam, 'read', withVisit)).toEqual({ allowed: false, reason: 'interaction-not-allowed' });
    expect(deviationAccess(substitute, astrid, subOwnTeam, 'write', withVisit)).toEqual({ allowed: true });
    const client = actor('client', { clientId: 'c-astrid' });
    expect(deviationAccess(client, astrid, teamBVisit, 'read')).toEqual({ allowed: true });
    expect(deviationAccess(client, berta, teamBVisit, 'read')).toEqual({ allowed: false, reason: 'out-of-scope' });
    const consented = { consentedClientIds: new Set(['c-astrid']) };
    expect(deviationAccess(relative, astrid, teamBVisit, 'read', consented)).toEqual({ allowed: true });
    expect(deviationAccess(relative, berta, teamBVisit, 'read', consented)).toEqual({ allowed: false, reason: 'out-of-scope' });
  });

  it("never reaches wider than the client policy, except a serving team's deviations about its own visits", () => {
    fc.assert(fc.property(
      fc.constantFrom(...roles), fc.constantFrom(astrid, berta), fc.constantFrom('team-a', 'team-b'), fc.constantFrom('read', 'write' as const),
      (role, client, deviationTeam, interaction) => {
        const a = actor(role, { teamId: 'team-a', unitId: 'unit-1', staffId: 's1', clientId: 'c-astrid', relativeId: 'r1' });
        const facts = { servedClientIds: new Set(['c-berta']), consentedClientIds: new Set(['c-astrid']) };
        const servingOwn = (role === 'staff' || role === 'coordinator') && client === berta && deviationTeam === 'team-a';
        if (deviationAccess(a, client, { teamId: deviationTeam }, interaction, facts).allowed) {
          expect(servingOwn || clientAccess(a, client, 'deviations', interaction, facts).allowed).toBe(true);
        }
      },
    ));
  });
});
