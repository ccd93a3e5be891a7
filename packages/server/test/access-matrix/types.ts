// The shape of an access-matrix entry. Each file in this folder exports `entries`, keyed by
// "METHOD /route"; the matrix test merges them, so areas of the API keep their own file.
import { roles, type Role } from '@tillit/domain';
import type { Fixture } from '../fixture.js';

export type Scope = 'own' | 'other';
export interface Call { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: unknown }

export interface MatrixEntry {
  call: (f: Fixture, scope: Scope, role: Role) => Call;
  /** Roles that get 2xx for the own scope (unit 1 / team A / client A1) and for the other. */
  own: readonly Role[];
  other: readonly Role[];
  /** For reads of client data: the clients whose rows must be logged after a 2xx. */
  logs?: (f: Fixture, scope: Scope, role: Role) => string[];
  /** For list reads: client ids that must never appear in the answer for this role. */
  hidden?: (f: Fixture, role: Role) => string[];
  /**
   * Statuses that count as "allowed" besides 2xx, for writes whose static test call passed the
   * access check but stops at a later rule (a stale version: 409; nothing to apply: 422).
   */
  allowedStatus?: readonly number[];
  /** The call ends the session, so it runs on a fresh sign-in. */
  freshSession?: boolean;
}


export const everyone = roles;
export const wide: readonly Role[] = ['needs_assessor', 'finance'];
export const clientOf = (f: Fixture, s: Scope) => (s === 'own' ? f.clientA1 : f.clientB1);
export const teamOf = (f: Fixture, s: Scope) => (s === 'own' ? f.teamA : f.teamB);
