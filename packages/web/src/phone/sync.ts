// Sending the phone's queued done-marks. Each mark carries a mutationId, so a mark sent twice
// (the answer lost on a bad connection) is applied once. A 409 means the visit changed
// elsewhere: when what changed is only the version number this phone never had (the visit list
// does not carry versions yet, API-REQUESTS.md board request 1) the mark is sent again on the
// server's version; otherwise the person is shown both versions and chooses.
import type { Conflict, RecordItem, ServerVisit } from './store.js';

export type SendResult =
  | { kind: 'sent' }
  | { kind: 'offline' }
  | { kind: 'conflict'; current: ServerVisit }
  | { kind: 'refused'; status: number };

/** Send one mark. `fetchFn` and the token are passed in so tests need no browser. */
export async function sendRecord(item: RecordItem, baseVersion: number, csrfToken: string | null, fetchFn: typeof fetch = fetch): Promise<SendResult> {
  let res: Response;
  try {
    res = await fetchFn(`/api/visits/${encodeURIComponent(item.visitId)}/record`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
      body: JSON.stringify({ mutationId: item.mutationId, baseVersion, ...item.body }),
    });
  } catch {
    return { kind: 'offline' };
  }
  if (res.ok) return { kind: 'sent' };
  if (res.status === 409) {
    const body = (await res.json().catch(() => ({}))) as { current?: ServerVisit };
    if (body.current) return { kind: 'conflict', current: body.current };
  }
  // A gateway or server error while the connection is poor: try again later.
  if (res.status >= 500 || res.status === 0) return { kind: 'offline' };
  return { kind: 'refused', status: res.status };
}

/** Whether the server's visit differs from what the phone saw in anything but its version. */
export function changedElsewhere(seen: RecordItem['seen'], current: ServerVisit): boolean {
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
  return current.status !== seen.status || current.plannedStart !== seen.plannedStart || !same(current.staffIds, seen.staffIds);
}

export interface FlushResult {
  queue: RecordItem[];
  conflicts: Conflict[];
  sent: number;
}

/**
 * Send the queue in order; stop at the first network failure (the rest waits for `online`).
 * @returns what is still queued, new conflicts, and how many were sent
 */
export async function flushQueue(queue: readonly RecordItem[], csrfToken: string | null, fetchFn: typeof fetch = fetch): Promise<FlushResult> {
  const left: RecordItem[] = [];
  const conflicts: Conflict[] = [];
  let sent = 0;
  for (let i = 0; i < queue.length; i++) {
    const item = queue[i]!;
    let r = await sendRecord(item, item.baseVersion, csrfToken, fetchFn);
    if (r.kind === 'conflict' && !changedElsewhere(item.seen, r.current)) {
      r = await sendRecord(item, r.current.version, csrfToken, fetchFn);
    }
    if (r.kind === 'sent') sent++;
    else if (r.kind === 'offline') {
      left.push(...queue.slice(i));
      break;
    } else if (r.kind === 'conflict') conflicts.push({ item, current: r.current, reason: 'changed' });
    else conflicts.push({ item, current: null, reason: 'refused' });
  }
  return { queue: left, conflicts, sent };
}

export function newMutationId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? `phone-${crypto.randomUUID()}` : `phone-${Date.now()}-${Math.random().toString(36).slice(2, 12)}`;
}
