// Home-care benchmark: generated Kalix-like days from the demo generator, planned by the engine,
// by a travel-only run of the engine, and by the plain greedy baseline; every plan checked by
// checkPlan. Then a replan after one absence, starting from the engine's plan.
//   npm run bench:homecare -- [--time-limit 10] [--seeds 1,2,3] [--threads 2] [--out FILE]
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { checkPlan, greedyPlan, parseProblem, solve, type Plan, type PlanMetrics } from '../src/index.js';
import { flag, machineLine, repoRoot } from './machine.js';

type Generator = (o: { seed: number; date?: string }) => unknown;

/** The demo generator; from its build when there is one, else from its source. */
async function loadGenerator(): Promise<Generator> {
  try {
    return ((await import('@tillit/demo')) as { homeCareProblem: Generator }).homeCareProblem;
  } catch {
    const src = path.resolve(repoRoot, 'packages/demo/src/index.ts');
    return ((await import(src)) as { homeCareProblem: Generator }).homeCareProblem;
  }
}

const args = process.argv.slice(2);
const timeLimit = Number(flag(args, '--time-limit') ?? 10);
const threads = Number(flag(args, '--threads') ?? 2);
const seeds = (flag(args, '--seeds') ?? '1,2,3').split(',').map(Number);
const homeCareProblem = await loadGenerator();
// Other work on the machine slows the time-limited searches; say how busy it was.
const loadAtStart = loadavg().map((x) => x.toFixed(2)).join(' / ');

const header = '| seed | method | valid | must out | out | travel min | fixed contact % | known staff % | first language % | staff per client | slack min / mean | work sd | ms |';
const rows: string[] = [header, header.replace(/[^|]+/g, ' --- ')];
console.log(header);
const pct = (x: number): string => (100 * x).toFixed(1);
const notes: string[] = [];

function row(seed: number, method: string, plan: Plan, problem: ReturnType<typeof parseProblem>, ms: number): PlanMetrics {
  const c = checkPlan(problem, plan);
  const m = c.metrics;
  const r = `| ${seed} | ${method} | ${c.valid ? 'yes' : `NO (${c.violations.length})`} | ${m.mustUnassigned} | ${m.unassigned} | ${m.travelMin} | ${pct(m.byFixedContactWhereAble)} | ${pct(m.byKnownStaff)} | ${pct(m.firstLanguageMatch)} | ${m.distinctStaffPerClientMean.toFixed(2)} | ${m.slackMinMin} / ${m.slackMeanMin.toFixed(1)} | ${m.workMinStdDev.toFixed(0)} | ${ms.toFixed(0)} |`;
  rows.push(r);
  console.log(r);
  if (!c.valid) console.log(c.violations.slice(0, 5).join('\n'));
  return m;
}

for (const seed of seeds) {
  const raw = homeCareProblem({ seed }) as Record<string, unknown>;
  const problem = parseProblem(raw);
  const doubles = problem.visits.filter((v) => v.staffCount === 2).length;
  const must = problem.visits.filter((v) => v.priority === 'must').length;
  notes.push(`- seed ${seed}: ${problem.visits.length} visits (${must} must, ${doubles} double-staffed), ${problem.staff.length} staff in ${new Set(problem.staff.map((s) => s.team)).size} teams`);
  let t = performance.now();
  row(seed, 'greedy', greedyPlan(raw), problem, performance.now() - t);
  t = performance.now();
  const plan = await solve(raw, { timeLimitMs: timeLimit * 1000, threads, seed });
  const em = row(seed, 'engine', plan, problem, performance.now() - t);
  const travelOnly = { ...raw, weights: { notFixedContact: 0, continuityTarget: 0, notKnownStaff: 0, noFirstLanguage: 0, noLanguage: 0, unfairLoadPerMin: 0 } };
  t = performance.now();
  const tplan = await solve(travelOnly, { timeLimitMs: timeLimit * 1000, threads, seed });
  const tm = row(seed, 'travel only', tplan, problem, performance.now() - t);
  notes.push(`  - engine travel ${em.travelMin} min vs travel-only ${tm.travelMin} min: ${pct(em.travelMin / tm.travelMin - 1)} % more`);

  // Replan one team's day: its busiest staff member drops out; start from the engine's plan.
  const busiest = [...plan.routes].sort((a, b) => b.stops.length - a.stops.length)[0]!;
  const team = problem.staff.find((x) => x.id === busiest.staff)!.team;
  const absentVisits = new Set(busiest.stops.flatMap((x) => ('visit' in x ? [x.visit] : [])));
  const replanInput = {
    ...raw,
    staff: (raw.staff as { id: string; team: string }[]).filter((x) => x.team === team && x.id !== busiest.staff),
    visits: (raw.visits as { team: string }[]).filter((v) => v.team === team),
    previousPlan: plan,
  };
  t = performance.now();
  const re = await solve(replanInput, { timeLimitMs: 500, threads: 1, seed });
  const ms = performance.now() - t;
  const rp = parseProblem(replanInput);
  const rc = checkPlan(rp, re);
  const before = new Set<string>();
  for (const r of plan.routes) for (const x of r.stops) if ('visit' in x) before.add(`${x.visit}/${r.staff}`);
  const movedIds = new Set<string>();
  for (const r of re.routes) for (const x of r.stops) if ('visit' in x && !before.has(`${x.visit}/${r.staff}`) && !absentVisits.has(x.visit)) movedIds.add(x.visit);
  const wasOut = new Set(plan.unassigned.map((u) => u.visit));
  const newlyOut = re.unassigned.filter((u) => !wasOut.has(u.visit) && !absentVisits.has(u.visit)).length;
  notes.push(
    `  - replan of team ${team.slice(0, 8)} (${rp.visits.length} visits, ${rp.staff.length} staff left) without its busiest member (${absentVisits.size} visits): ${rc.valid ? 'valid' : 'INVALID'} in ${ms.toFixed(0)} ms; ${movedIds.size} of the others' visits changed staff, ${newlyOut} of them dropped; ${re.unassigned.filter((u) => absentVisits.has(u.visit)).length} of the absent member's visits left out (${rc.metrics.mustUnassigned} must-visits out in the team)`,
  );
  console.log(notes.at(-1));
}

const command = `npm run bench:homecare -- --time-limit ${timeLimit} --seeds ${seeds.join(',')} --threads ${threads}`;
const doc = [
  `# Home-care days (demo generator), ${timeLimit} s per plan`,
  '',
  `- Command: \`${command}\``,
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${machineLine()}; ${threads} search threads; load average (1 / 5 / 15 min) ${loadAtStart} at the start, ${loadavg().map((x) => x.toFixed(2)).join(' / ')} at the end`,
  '- Every plan checked by `checkPlan`. "fixed contact %": visits done by the fixed contact among those the fixed contact could do at all (on shift for the window, holding the skills); "first language %": among visits where a speaker of the client\'s first language is on shift with the skills. "travel only" is the engine with every soft weight but travel set to 0 and no continuity target.',
  '',
  ...notes,
  '',
  ...rows,
  '',
].join('\n');
const out = flag(args, '--out') ?? path.join(repoRoot, 'bench/results', `homecare-${timeLimit}s.md`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, doc);
console.log(`written ${path.relative(repoRoot, out)}`);
