// Test helper: a fingerprint of everything stored, to prove a refused request changed nothing.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/connection.js';

// Tables whose content a refused write must not change. The access log and sessions are left
// out: reads are logged and sign-ins create sessions by design.
const tables = [
  'municipality', 'unit', 'team', 'staff', 'client', 'relative', 'decision', 'care_plan', 'care_plan_visit',
  'visit', 'generated_day', 'shift', 'absence', 'user_account', 'weekly_letter', 'unit_follow_up_settings', 'team_planning_weights',
];

export async function snapshot(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of tables) {
    const rows = await db.execute(sql.raw(`SELECT count(*)::text AS n, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM ${t} x`));
    const r = (rows as unknown as { rows: { n: string; h: string }[] }).rows?.[0] ?? (rows as unknown as { n: string; h: string }[])[0];
    out[t] = `${r?.n}:${r?.h}`;
  }
  return out;
}
