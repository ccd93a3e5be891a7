// The demo CLI's logic, apart from process handling so tests can run it: parse flags, generate,
// write JSON. Exit codes: 0 done, 2 bad flags.
import { parseArgs } from 'node:util';
import { buildDemo, resolveOptions } from './generate.js';
import { problemFromDemo } from './problem.js';
import { todayInStockholm } from './today.js';
import type { DemoMunicipality } from './types.js';

export const USAGE = `Usage: tillit-demo [options]

Writes a Kalix-like demo municipality for Tillit as JSON to stdout: units, teams, staff, clients,
relatives, decisions, care plans, shifts, absences, 14 days of visit history and a week ahead,
and the demo logins (password "tillit"). The same seed and --today give the same output.

Options:
  --seed N         seed of the generator (default 1)
  --today DATE     the day the demo treats as today, YYYY-MM-DD (default: today in Sweden)
  --clients N      number of clients (default 110)
  --teams N        number of day teams (default: about one per 18 clients, 6 for the default)
  --scale          a large municipality for load tests: --clients 20000 --teams 200
  --problem        write one day as a planning problem (tillit.problem/v1) instead:
                   all staff on shift and all planned visits of --today
  -h, --help       show this help

Examples:
  node packages/demo/dist/cli.js --seed 1 > demo.json
  node packages/demo/dist/cli.js --seed 1 --today 2026-11-23 --problem > problem.json
  node packages/demo/dist/cli.js --seed 7 --clients 20000 --teams 200 > big.json
`;

export interface CliIo {
  /** Writes a chunk of stdout; may wait for the stream to drain. */
  out: (chunk: string) => void | Promise<void>;
  err: (text: string) => void;
  /** The clock, read only to default --today. */
  now: () => Date;
}

class UsageError extends Error {}

function wholeNumber(flag: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw) || Number(raw) < min) throw new UsageError(`--${flag} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, got '${raw}'`);
  return Number(raw);
}

/** Streams a large object: arrays element by element, so a 20 000-client municipality never becomes one string. */
async function writeMunicipality(demo: DemoMunicipality, out: CliIo['out']): Promise<void> {
  const entries = Object.entries(demo);
  await out('{');
  for (let k = 0; k < entries.length; k++) {
    const [key, value] = entries[k] as [string, unknown];
    await out(`${k > 0 ? ',' : ''}\n${JSON.stringify(key)}:`);
    if (!Array.isArray(value)) {
      await out(JSON.stringify(value));
      continue;
    }
    await out('[');
    for (let i = 0; i < value.length; i += 2000) {
      const part = value.slice(i, i + 2000).map((x) => JSON.stringify(x)).join(',\n');
      await out(`${i > 0 ? ',' : ''}\n${part}`);
    }
    await out(']');
  }
  await out('\n}\n');
}

/**
 * @param argv - the arguments after the script name
 * @param io - where output goes, and the clock
 * @returns the exit code
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let options;
  let problem = false;
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        seed: { type: 'string' },
        today: { type: 'string' },
        clients: { type: 'string' },
        teams: { type: 'string' },
        scale: { type: 'boolean' },
        problem: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      await io.out(USAGE);
      return 0;
    }
    problem = values.problem === true;
    const today = values.today ?? todayInStockholm(io.now());
    options = resolveOptions(
      {
        seed: wholeNumber('seed', values.seed, -Infinity) ?? 1,
        today,
        clients: wholeNumber('clients', values.clients, 1) ?? (values.scale ? 20_000 : undefined),
        teams: wholeNumber('teams', values.teams, 1) ?? (values.scale ? 200 : undefined),
      },
      today,
    );
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.err(`tillit-demo: ${message}\nRun with --help for the options.\n`);
    return 2;
  }
  const demo = buildDemo(options);
  if (problem) {
    await io.out(`${JSON.stringify(problemFromDemo(demo), null, 2)}\n`);
  } else {
    await writeMunicipality(demo, io.out);
  }
  return 0;
}
