// Solomon VRPTW benchmark: solve every instance, check each solution independently of the
// engine (exact double distances, windows, capacity) and compare with the best known.
//   npm run bench:solomon -- [--time-limit 10] [--objective distance|vehicles] [--threads 2]
//        [--only C101,R201] [--dir PATH] [--out FILE]
// The data folder defaults to ../shared/bench/solomon from the repository root (or $TILLIT_SOLOMON_DIR).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkSolomon, parseSolomon, solveSolomon } from '../src/index.js';
import { flag, machineLine, repoRoot } from './machine.js';

const args = process.argv.slice(2);
const timeLimit = Number(flag(args, '--time-limit') ?? 10);
const objective = (flag(args, '--objective') ?? 'distance') as 'distance' | 'vehicles';
const threads = Number(flag(args, '--threads') ?? 2);
const dir = path.resolve(flag(args, '--dir') ?? process.env.TILLIT_SOLOMON_DIR ?? path.resolve(repoRoot, '../shared/bench/solomon'));
const only = flag(args, '--only')?.split(',').map((s) => s.toUpperCase());

interface Bks {
  hierVehicles: number;
  hierDistance: number;
  bestSeenVehicles: number;
  bestSeenDistance: number;
}
const bks = new Map<string, Bks>();
const csv = readFileSync(path.join(dir, 'bks.csv'), 'utf8').trim().split(/\r?\n/);
const head = csv[0]!.split(',');
const col = (name: string): number => head.indexOf(name);
for (const line of csv.slice(1)) {
  const f = line.split(',');
  bks.set(f[0]!.toUpperCase(), {
    hierVehicles: Number(f[col('hier_vehicles')]),
    hierDistance: Number(f[col('hier_distance')]),
    bestSeenVehicles: Number(f[col('distonly_best_seen_vehicles')]),
    bestSeenDistance: Number(f[col('distonly_best_seen_distance')]),
  });
}

const files = readdirSync(dir)
  .filter((f) => /^[CR]+\d+\.txt$/i.test(f))
  .sort()
  .filter((f) => !only || only.includes(path.basename(f, '.txt').toUpperCase()));

const rows: string[] = [];
let feasible = 0;
let gapSum = 0;
let gapMax = -Infinity;
let vehSum = 0;
let bksVehSum = 0;
let distSum = 0;
const header =
  objective === 'distance'
    ? '| instance | vehicles | distance | best seen | gap % | first feasible ms | valid |'
    : '| instance | vehicles | best known | distance | best known | gap % | first feasible ms | valid |';
rows.push(header, header.replace(/[^|]+/g, ' --- '));
console.log(header);
for (const file of files) {
  const name = path.basename(file, '.txt').toUpperCase();
  const text = readFileSync(path.join(dir, file), 'utf8');
  const inst = parseSolomon(text);
  const sol = await solveSolomon(text, { timeLimitMs: timeLimit * 1000, objective, threads, seed: 1 });
  const chk = checkSolomon(inst, sol.routes);
  const ref = bks.get(name)!;
  if (chk.valid) feasible++;
  vehSum += chk.vehicles;
  distSum += chk.distance;
  let row: string;
  if (objective === 'distance') {
    const gap = (chk.distance / ref.bestSeenDistance - 1) * 100;
    gapSum += gap;
    gapMax = Math.max(gapMax, gap);
    row = `| ${name} | ${chk.vehicles} | ${chk.distance.toFixed(2)} | ${ref.bestSeenDistance.toFixed(2)} | ${gap.toFixed(2)} | ${sol.firstFeasibleMs !== undefined ? sol.firstFeasibleMs.toFixed(1) : "-"} | ${chk.valid ? 'yes' : `NO: ${chk.violations[0]}`} |`;
  } else {
    const gap = (chk.distance / ref.hierDistance - 1) * 100;
    gapSum += gap;
    gapMax = Math.max(gapMax, gap);
    bksVehSum += ref.hierVehicles;
    row = `| ${name} | ${chk.vehicles} | ${ref.hierVehicles} | ${chk.distance.toFixed(2)} | ${ref.hierDistance.toFixed(2)} | ${gap.toFixed(2)} | ${sol.firstFeasibleMs !== undefined ? sol.firstFeasibleMs.toFixed(1) : "-"} | ${chk.valid ? 'yes' : `NO: ${chk.violations[0]}`} |`;
  }
  rows.push(row);
  console.log(row);
}
const n = files.length;
const summary =
  objective === 'distance'
    ? `**Total**: ${feasible}/${n} feasible, ${vehSum} vehicles, distance ${distSum.toFixed(2)}, mean gap ${(gapSum / n).toFixed(2)} %, worst gap ${gapMax.toFixed(2)} % (to distonly_best_seen_distance)`
    : `**Total**: ${feasible}/${n} feasible, vehicles ${vehSum} (best known ${bksVehSum}), distance ${distSum.toFixed(2)}, mean distance gap ${(gapSum / n).toFixed(2)} % (to hier_distance, where vehicle counts differ the gap is not like for like)`;
console.log(summary);
const command = `npm run bench:solomon -- --time-limit ${timeLimit} --objective ${objective} --threads ${threads}${only ? ` --only ${only.join(',')}` : ''}`;
const doc = [
  `# Solomon VRPTW, ${objective} objective, ${timeLimit} s per instance`,
  '',
  `- Command: \`${command}\``,
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${machineLine()}; ${threads} search threads; seed 1`,
  '- Every solution checked by `checkSolomon` (exact double Euclidean distances, windows on service start, capacity, return by the depot due date).',
  '',
  summary,
  '',
  ...rows,
  '',
].join('\n');
const out = flag(args, '--out') ?? path.join(repoRoot, 'bench/results', `solomon-${objective}-${timeLimit}s${only ? '-subset' : ''}.md`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, doc);
console.log(`written ${path.relative(repoRoot, out)}`);
