// The learning view: deviations counted by type, team and ISO week, so a unit manager sees
// recurring causes and can attach an improvement to them.

/** @returns the ISO 8601 week of a date, e.g. "2026-W48". */
export function isoWeek(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  const wd = t.getUTCDay() === 0 ? 7 : t.getUTCDay();
  // The week belongs to the year of its Thursday.
  t.setUTCDate(t.getUTCDate() + 4 - wd);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export interface LearningItem {
  type: string;
  teamId: string;
  /** Local date the deviation occurred. */
  date: string;
}

export interface LearningRow {
  week: string;
  teamId: string;
  type: string;
  count: number;
}

/** @returns counts per week, team and type, sorted by week, team and type. */
export function learningSummary(items: readonly LearningItem[]): LearningRow[] {
  const counts = new Map<string, LearningRow>();
  for (const it of items) {
    const week = isoWeek(it.date);
    const key = `${week}|${it.teamId}|${it.type}`;
    const row = counts.get(key);
    if (row) row.count++;
    else counts.set(key, { week, teamId: it.teamId, type: it.type, count: 1 });
  }
  return [...counts.values()].sort((a, b) => (a.week + a.teamId + a.type < b.week + b.teamId + b.type ? -1 : 1));
}
