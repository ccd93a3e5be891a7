// Access-matrix entries for the foundation's endpoints (auth, teams, units, clients, me,
// follow-up, billing, admin).
import type { Role } from '@tillit/domain';
import { today, type Fixture } from '../fixture.js';
import { clientOf, everyone, teamOf, wide, type MatrixEntry, type Scope } from './types.js';

const month = today.slice(0, 7);
const teamScoped = (f: Fixture, role: Role) => (wide.includes(role) ? [] : [f.clientB1]);
let counter = 0;

export const entries: Record<string, MatrixEntry> = {
  'POST /api/auth/logout': { call: () => ({ method: 'POST', url: '/api/auth/logout' }), own: everyone, other: everyone, freshSession: true },
  'PUT /api/auth/locale': { call: () => ({ method: 'PUT', url: '/api/auth/locale', payload: { locale: 'sv' } }), own: everyone, other: everyone },
  'GET /api/teams': { call: () => ({ method: 'GET', url: '/api/teams' }), own: everyone, other: everyone },
  'GET /api/teams/:teamId/staff': {
    call: (f, s) => ({ method: 'GET', url: `/api/teams/${teamOf(f, s)}/staff` }),
    own: ['unit_manager', 'coordinator', 'staff'], other: [],
  },
  'GET /api/teams/:teamId/days/:date': {
    call: (f, s) => ({ method: 'GET', url: `/api/teams/${teamOf(f, s)}/days/${today}` }),
    own: ['unit_manager', 'coordinator', 'staff'], other: [],
    logs: (f) => [f.clientA1, f.clientA2],
  },
  'POST /api/teams/:teamId/absences': {
    call: (f, s) => ({ method: 'POST', url: `/api/teams/${teamOf(f, s)}/absences`, payload: { staffId: s === 'own' ? f.staffA2 : f.staffB1, fromDate: today, toDate: today, reason: 'sick' } }),
    own: ['unit_manager', 'coordinator'], other: [],
  },
  'GET /api/units/:unitId/overview': {
    call: (f, s) => ({ method: 'GET', url: `/api/units/${s === 'own' ? f.unit1 : f.unit2}/overview` }),
    own: ['unit_manager'], other: [],
  },
  'GET /api/clients': {
    call: () => ({ method: 'GET', url: '/api/clients' }),
    own: everyone, other: everyone,
    logs: (f, _s, role) => {
      switch (role) {
        case 'unit_manager': case 'coordinator': case 'staff': return [f.clientA1, f.clientA2];
        case 'substitute': case 'client': case 'relative': return [f.clientA1];
        case 'needs_assessor': case 'finance': return [f.clientA1, f.clientA2, f.clientB1];
        default: return [];
      }
    },
    hidden: teamScoped,
  },
  'GET /api/clients/:clientId': {
    call: (f, s) => ({ method: 'GET', url: `/api/clients/${clientOf(f, s)}` }),
    own: ['unit_manager', 'coordinator', 'staff', 'substitute', 'needs_assessor', 'finance', 'client', 'relative'],
    other: ['needs_assessor', 'finance'],
    logs: (f, s) => [clientOf(f, s)],
  },
  'PATCH /api/clients/:clientId': {
    call: (f, s) => ({ method: 'PATCH', url: `/api/clients/${clientOf(f, s)}`, payload: { phone: '0923-555 00' } }),
    own: ['unit_manager', 'coordinator'], other: [],
  },
  'GET /api/clients/:clientId/visits': {
    call: (f, s) => ({ method: 'GET', url: `/api/clients/${clientOf(f, s)}/visits?from=${today}&to=${today}` }),
    own: ['unit_manager', 'coordinator', 'staff', 'substitute', 'needs_assessor', 'client', 'relative'],
    other: ['needs_assessor'],
    logs: (f, s) => [clientOf(f, s)],
  },
  'GET /api/clients/:clientId/care-plan': {
    call: (f, s) => ({ method: 'GET', url: `/api/clients/${clientOf(f, s)}/care-plan` }),
    own: ['unit_manager', 'coordinator', 'staff', 'substitute', 'needs_assessor', 'client', 'relative'],
    other: ['needs_assessor'],
    logs: (f, s) => [clientOf(f, s)],
  },
  'POST /api/clients/:clientId/care-plan/visits': {
    call: (f, s) => ({
      method: 'POST', url: `/api/clients/${clientOf(f, s)}/care-plan/visits`,
      payload: { title: 'Kvällsbesök', serviceType: 'personal_care', weekdays: [1, 3, 5], windowStart: '19:00', windowEnd: '20:00', durationMin: 20, tasks: [], skills: ['care'], staffCount: 1, videoAllowed: false },
    }),
    own: ['unit_manager', 'coordinator'], other: [],
  },
  'GET /api/clients/:clientId/decisions': {
    call: (f, s) => ({ method: 'GET', url: `/api/clients/${clientOf(f, s)}/decisions` }),
    own: ['unit_manager', 'coordinator', 'needs_assessor', 'client'], other: ['needs_assessor'],
    logs: (f, s) => [clientOf(f, s)],
  },
  'POST /api/clients/:clientId/decisions': {
    call: (f, s) => ({ method: 'POST', url: `/api/clients/${clientOf(f, s)}/decisions`, payload: { decidedAt: today, validFrom: today, validTo: null, services: [{ serviceType: 'service', hoursPerMonth: 4 }] } }),
    own: ['needs_assessor'], other: ['needs_assessor'],
  },
  'GET /api/clients/:clientId/access-log': {
    call: (f, s) => ({ method: 'GET', url: `/api/clients/${clientOf(f, s)}/access-log` }),
    own: ['unit_manager', 'client'], other: [],
    logs: (f, s) => [clientOf(f, s)],
  },
  'GET /api/me/day': {
    call: () => ({ method: 'GET', url: '/api/me/day' }),
    own: ['coordinator', 'staff', 'substitute'], other: ['coordinator', 'staff', 'substitute'],
    logs: (f, _s, role) => (role === 'substitute' ? [f.clientA1] : []),
    hidden: (f) => [f.clientB1],
  },
  'GET /api/me/clients': {
    call: () => ({ method: 'GET', url: '/api/me/clients' }),
    own: ['client', 'relative'], other: ['client', 'relative'],
    logs: (f) => [f.clientA1],
    hidden: (f) => [f.clientB1],
  },
  'GET /api/follow-up/:month': {
    call: () => ({ method: 'GET', url: `/api/follow-up/${month}` }),
    own: ['needs_assessor', 'unit_manager'], other: ['needs_assessor', 'unit_manager'],
    logs: (f, _s, role) => (role === 'unit_manager' ? [f.clientA1, f.clientA2] : [f.clientA1, f.clientA2, f.clientB1]),
    hidden: (f, role) => (role === 'unit_manager' ? [f.clientB1] : []),
  },
  'GET /api/billing/:month': {
    call: () => ({ method: 'GET', url: `/api/billing/${month}` }),
    own: ['finance'], other: ['finance'],
    logs: (f) => [f.clientA1, f.clientA2, f.clientB1],
  },
  'GET /api/admin/users': { call: () => ({ method: 'GET', url: '/api/admin/users' }), own: ['admin'], other: ['admin'] },
  'POST /api/admin/users': {
    call: () => ({ method: 'POST', url: '/api/admin/users', payload: { username: `new.user${++counter}`, password: 'a-long-password', displayName: 'Ny Användare', role: 'finance' } }),
    own: ['admin'], other: ['admin'],
  },
};

