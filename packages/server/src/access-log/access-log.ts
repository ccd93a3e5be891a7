// Writes the access log: one row per client whose data a response carries. Written before the
// response is sent, so a read that could not be logged is not answered.
import type { Actor, ClientDataCategory } from '@tillit/domain';
import type { Db } from '../db/connection.js';
import { accessLog } from '../db/schema.js';

export interface AccessLogWrite {
  actor: Actor;
  clientIds: readonly string[];
  category: ClientDataCategory;
  /** 'read' for one client's record, 'list' when the client appears in a list or day, 'denied' for a refused attempt. */
  action: 'read' | 'list' | 'denied';
  /** The route pattern, e.g. GET /api/clients/:clientId. */
  endpoint: string;
  requestId: string;
}

export async function logClientAccess(db: Db, entry: AccessLogWrite): Promise<void> {
  const unique = [...new Set(entry.clientIds)];
  if (unique.length === 0) return;
  await db.insert(accessLog).values(
    unique.map((clientId) => ({
      userId: entry.actor.userId,
      role: entry.actor.role,
      clientId,
      action: entry.action,
      what: `${entry.category} ${entry.endpoint}`,
      requestId: entry.requestId,
    })),
  );
}
