import { homeCareProblem } from '@tillit/demo';
import { solve, checkPlan, parseProblem } from '../src/index.ts';
const w = JSON.parse(process.argv[3] ?? '{}');
for (const seed of process.argv[2]!.split(',').map(Number)) {
  const raw: any = homeCareProblem({ seed });
  raw.weights = w;
  const pp = parseProblem(raw);
  const plan = await solve(raw, { timeLimitMs: 10000, threads: 2, seed });
  const m: any = checkPlan(pp, plan).metrics;
  console.log(seed, process.argv[3], 'travel', m.travelMin, 'mustU', m.mustUnassigned, 'fc', m.byFixedContactWhereAble, 'lang1', m.firstLanguageMatch, 'known', m.byKnownStaff, 'sd', m.workMinStdDev);
}
