import { describe, expect, it } from 'vitest';
import { runCli } from './cli-main.js';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (c) => void (out += c), err: (t) => void (err += t), now: () => new Date('2026-11-25T08:00:00Z') });
  return { code, out, err };
}

describe('the demo CLI', () => {
  it('explains itself with --help', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--seed');
    expect(r.out).toContain('--problem');
  });

  it.each([
    [['--bogus'], 'Unknown option'],
    [['--seed', 'one'], '--seed must be a whole number'],
    [['--clients', '0'], '--clients must be a whole number of at least 1'],
    [['--today', '2026-02-30'], 'today must be a date'],
    [['--teams', '500', '--clients', '100'], 'teams must be a whole number from 1 to 100'],
    [['stray'], 'positional'],
  ])('rejects %j with a clear message and exit code 2', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });

  it('writes the municipality as one JSON document, today defaulting to the date in Sweden', async () => {
    const r = await run('--seed', '3', '--clients', '40', '--teams', '2');
    expect(r.code).toBe(0);
    const demo = JSON.parse(r.out);
    expect(demo.today).toBe('2026-11-25');
    expect(demo.clients).toHaveLength(40);
    expect(demo.teams.filter((t: { kind: string }) => t.kind === 'day')).toHaveLength(2);
  });

  it('writes a planning problem with --problem', async () => {
    const r = await run('--seed', '1', '--today', '2026-11-23', '--problem');
    expect(r.code).toBe(0);
    const problem = JSON.parse(r.out);
    expect(problem.format).toBe('tillit.problem/v1');
    expect(problem.date).toBe('2026-11-23');
    expect(problem.visits.length).toBeGreaterThan(200);
  });
});
