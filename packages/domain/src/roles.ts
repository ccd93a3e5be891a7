// Who uses Tillit (PRODUCT.md "Who uses it"). One word per role across API, database and UI keys.

export const roles = [
  'admin',
  'unit_manager',
  'coordinator',
  'staff',
  'substitute',
  'needs_assessor',
  'finance',
  'client',
  'relative',
] as const;
export type Role = (typeof roles)[number];

/**
 * The signed-in person as the access policy sees them. Scope ids come from the account;
 * which one is set depends on the role.
 */
export interface Actor {
  userId: string;
  role: Role;
  municipalityId: string;
  /** unit_manager: the unit they manage. */
  unitId?: string | null;
  /** coordinator, staff: their team. */
  teamId?: string | null;
  /** staff, substitute, coordinator who also works visits: their staff record. */
  staffId?: string | null;
  /** client: themselves. */
  clientId?: string | null;
  /** relative: their relative record (consent is looked up per request). */
  relativeId?: string | null;
}
