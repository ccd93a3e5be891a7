// The tillit-plan command: solve a day, solve a Solomon instance, or check a plan. Results go to
// stdout as JSON, progress and errors to stderr; InputError exits 2, InternalError 3, an invalid
// plan under `check` exits 1. No stack traces reach the user.
import { readFileSync } from 'node:fs';
import { InputError, InternalError } from './errors.js';
import { parseJson, parsePlan, parseProblem } from './format/schema.js';
import { checkPlan } from './check/check-plan.js';
import { solve, solveSolomon, type Progress } from './solve.js';

const USAGE = `usage:
  tillit-plan solve PROBLEM.json [--time-limit SECONDS] [--seed N] [--threads N]
  tillit-plan solomon INSTANCE.txt [--time-limit SECONDS] [--objective distance|vehicles] [--seed N] [--threads N]
  tillit-plan check PROBLEM.json PLAN.json`;

export const exitCodes = { ok: 0, invalidPlan: 1, inputError: 2, internalError: 3 } as const;

interface Flags {
  positional: string[];
  timeLimit?: number;
  seed?: number;
  threads?: number;
  objective?: 'distance' | 'vehicles';
}

function parseArgs(args: string[]): Flags {
  const f: Flags = { positional: [] };
  const num = (name: string, v: string | undefined, min: number): number => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n < min) throw new InputError('bad option', [`${name}: ${JSON.stringify(v ?? '')} is not a number >= ${min}`]);
    return n;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--time-limit') f.timeLimit = num(a, args[++i], 0.01);
    else if (a === '--seed') f.seed = Math.floor(num(a, args[++i], 0));
    else if (a === '--threads') f.threads = Math.floor(num(a, args[++i], 1));
    else if (a === '--objective') {
      const v = args[++i];
      if (v !== 'distance' && v !== 'vehicles') throw new InputError('bad option', [`--objective: ${JSON.stringify(v ?? '')} is not distance or vehicles`]);
      f.objective = v;
    } else if (a.startsWith('--')) throw new InputError('bad option', [`unknown option ${a}`]);
    else f.positional.push(a);
  }
  return f;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${path}`, [(e as NodeJS.ErrnoException).code ?? String(e)]);
  }
}

function progressPrinter(err: (s: string) => void): (p: Progress) => void {
  let last = -Infinity;
  return (p) => {
    if (p.elapsedMs - last < 1000) return;
    last = p.elapsedMs;
    err(`${(p.elapsedMs / 1000).toFixed(1)} s  iteration ${p.iteration}  best cost ${p.bestCost.toFixed(2)}  left out ${p.unassigned}`);
  };
}

/**
 * Runs the command line.
 * @param args - arguments after the program name
 * @returns the exit code
 */
export async function main(args: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(`${s}\n`)): Promise<number> {
  try {
    const [cmd, ...rest] = args;
    const f = parseArgs(rest);
    const common = {
      ...(f.timeLimit !== undefined ? { timeLimitMs: f.timeLimit * 1000 } : {}),
      ...(f.seed !== undefined ? { seed: f.seed } : {}),
      ...(f.threads !== undefined ? { threads: f.threads } : {}),
      onProgress: progressPrinter(err),
    };
    if (cmd === 'solve' && f.positional.length === 1) {
      const plan = await solve(parseJson(readText(f.positional[0]!), f.positional[0]!), common);
      out(`${JSON.stringify(plan, null, 2)}\n`);
      return exitCodes.ok;
    }
    if (cmd === 'solomon' && f.positional.length === 1) {
      const sol = await solveSolomon(readText(f.positional[0]!), { ...common, objective: f.objective ?? 'distance' });
      out(`${JSON.stringify(sol)}\n`);
      return exitCodes.ok;
    }
    if (cmd === 'check' && f.positional.length === 2) {
      const problem = parseProblem(parseJson(readText(f.positional[0]!), f.positional[0]!));
      const plan = parsePlan(parseJson(readText(f.positional[1]!), f.positional[1]!));
      const r = checkPlan(problem, plan);
      if (r.valid) {
        out(`${JSON.stringify({ valid: true, metrics: r.metrics }, null, 2)}\n`);
        return exitCodes.ok;
      }
      err(`plan is not valid (${r.violations.length} violation${r.violations.length === 1 ? '' : 's'}):`);
      for (const v of r.violations) err(`  ${v}`);
      out(`${JSON.stringify({ valid: false, violations: r.violations, details: r.details, metrics: r.metrics }, null, 2)}\n`);
      return exitCodes.invalidPlan;
    }
    err(USAGE);
    return exitCodes.inputError;
  } catch (e) {
    if (e instanceof InputError) {
      err(`error: ${e.message}`);
      return exitCodes.inputError;
    }
    const msg = e instanceof InternalError ? e.message : e instanceof Error ? e.message : String(e);
    err(`internal error: ${msg} (please report this with the input that caused it)`);
    return exitCodes.internalError;
  }
}
