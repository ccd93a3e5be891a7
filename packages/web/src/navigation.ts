// Where each role starts and what it can navigate to. The server decides what data each role may
// read; this only chooses which screens to offer.
import type { Role, SessionUser } from './api/types.js';
import './follow-up/i18n.js';

export interface NavItem {
  to: string;
  /** Translation key of the link text. */
  label: string;
}

export const paths = {
  login: '/login',
  teamToday: '/team',
  myDay: '/my-day',
  unit: '/unit',
  teamDay: (teamId: string, date: string) => `/teams/${teamId}/days/${date}`,
  teamClients: (teamId: string) => `/teams/${teamId}/clients`,
  planningWeights: (teamId: string) => `/teams/${teamId}/planning-weights`,
  accessReport: (clientId: string) => `/clients/${clientId}/access-log`,
  followUp: '/follow-up',
  billing: '/billing',
  myVisits: '/my-visits',
  relative: '/relative',
  users: '/admin/users',
  deviations: '/deviations',
  improvements: '/improvements',
  myInvoices: '/my-invoices',
} as const;

const start: Record<Role, string> = {
  admin: paths.users,
  unit_manager: paths.unit,
  coordinator: paths.teamToday,
  staff: paths.myDay,
  substitute: paths.myDay,
  needs_assessor: paths.followUp,
  finance: paths.billing,
  client: paths.myVisits,
  relative: paths.relative,
};

/** @returns the start page of the signed-in user's role. */
export function startPath(user: SessionUser): string {
  return start[user.role];
}

/** @returns the links of the main navigation for the user. */
export function navItems(user: SessionUser): NavItem[] {
  switch (user.role) {
    case 'coordinator':
      return [
        { to: paths.teamToday, label: 'nav.teamToday' },
        ...(user.staffId ? [{ to: paths.myDay, label: 'nav.myDay' }] : []),
      ];
    case 'staff':
    case 'substitute':
      return [{ to: paths.myDay, label: 'nav.myDay' }];
    case 'unit_manager':
      return [{ to: paths.unit, label: 'nav.unit' }, { to: paths.followUp, label: 'nav.followUp' }, { to: paths.deviations, label: 'care-follow-up:nav.deviations' }];
    case 'needs_assessor':
      return [{ to: paths.followUp, label: 'nav.followUp' }];
    case 'finance':
      return [{ to: paths.billing, label: 'nav.billing' }];
    case 'client':
      return [{ to: paths.myVisits, label: 'nav.myVisits' }, { to: paths.myInvoices, label: 'care-follow-up:nav.myInvoices' }];
    case 'relative':
      return [{ to: paths.relative, label: 'nav.relative' }];
    case 'admin':
      return [{ to: paths.users, label: 'nav.users' }];
  }
}
