// Where a shift's break may lie. Arbetstidslagen: breaks placed so that nobody works more than
// 5 h in a row (DOMAIN-FACTS "Working time"). One rule for the demo's own plans, the planning
// problem the server gives the engine and the checks on the board, so a plan valid for one is
// valid for all.

/** Longest stretch of work without a break, in minutes. */
export const MAX_WORK_IN_A_ROW_MIN = 300;
/** A break is not put in a shift's first two hours, when it would leave too long a stretch after it. */
const EARLIEST_AFTER_START_MIN = 120;

/**
 * @param startMin - shift start, minutes since midnight
 * @param endMin - shift end, minutes since midnight
 * @param breakMin - the break's length
 * @returns the earliest and latest start of the break (minutes since midnight), or null when the
 *   shift needs none (no break time, or at most 5 h long)
 */
export function breakWindow(startMin: number, endMin: number, breakMin: number): { earliest: number; latest: number } | null {
  if (breakMin <= 0 || endMin - startMin <= MAX_WORK_IN_A_ROW_MIN) return null;
  // At most 5 h before the break, and at most 5 h after it.
  const latest = Math.min(startMin + MAX_WORK_IN_A_ROW_MIN, endMin - breakMin);
  const earliest = Math.min(latest, Math.max(startMin + EARLIEST_AFTER_START_MIN, endMin - MAX_WORK_IN_A_ROW_MIN - breakMin));
  return { earliest, latest };
}
