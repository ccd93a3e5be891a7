// The order in which recreate puts removed tasks back, chosen at random each iteration
// (SISR: random 4, demand 4, far 2, close 1). Double-staffed and must tasks always come first
// on problems that have them, since they are the hardest to place.
import type { Solution } from './solution.js';
import type { Random } from './random.js';

const key = new Float64Array(0x10000);

/** Sorts `tasks[0..n-1]` in place by a randomly chosen criterion. */
export function sortRemoved(s: Solution, tasks: Int32Array, n: number, rnd: Random): void {
  const m = s.m;
  const w = rnd.int(11);
  const depot = m.vStartLoc[0] ?? 0;
  const time = m.time[0]!;
  for (let i = 0; i < n; i++) {
    const t = tasks[i]!;
    let k: number;
    if (w < 4) k = rnd.next();
    else if (w < 8) k = -m.demand[t]!;
    else if (w < 10) k = -time[depot * m.nLocs + m.taskLoc[t]!]!;
    else k = m.late[t]! - m.early[t]!;
    if (!m.uniform) {
      k = k / (1 + Math.abs(k));
      if (m.early[t] === m.late[t]) k -= 40; // pinned to a minute: no choice at all
      if (m.compat !== null && m.partner[t]! < 0 && pinnedToOne(s, t)) k -= 30;
      if (m.partner[t]! >= 0) k -= 20;
      if (m.mustAssign[t] === 1) k -= 10;
    }
    key[t & 0xffff] = k;
  }
  for (let i = 1; i < n; i++) {
    const t = tasks[i]!;
    const kt = key[t & 0xffff]!;
    let j = i - 1;
    while (j >= 0 && key[tasks[j]! & 0xffff]! > kt) {
      tasks[j + 1] = tasks[j]!;
      j--;
    }
    tasks[j + 1] = t;
  }
}

/** Whether only one vehicle may do task t (a pinned visit). */
function pinnedToOne(s: Solution, t: number): boolean {
  const m = s.m;
  const nV = m.nVehicles;
  let n = 0;
  for (let v = 0; v < nV && n < 2; v++) n += m.compat![t * nV + v]!;
  return n === 1;
}
