import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, exitCodes } from './cli.js';
import { twoStaffDay } from './testing/fixtures.js';

const dir = mkdtempSync(path.join(tmpdir(), 'tillit-plan-'));
function file(name: string, content: unknown): string {
  const f = path.join(dir, name);
  writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content));
  return f;
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, (s) => (out += s), (s) => (err += `${s}\n`));
  return { code, out, err };
}

describe('tillit-plan', () => {
  it('solves a problem to a plan that `check` then accepts with exit 0', async () => {
    const problem = file('p.json', twoStaffDay());
    const solved = await run(['solve', problem, '--time-limit', '0.3', '--threads', '1']);
    expect(solved.code).toBe(exitCodes.ok);
    const plan = file('plan.json', solved.out);
    const checked = await run(['check', problem, plan]);
    expect(checked.code).toBe(exitCodes.ok);
    expect(JSON.parse(checked.out).metrics.assigned).toBe(5);
  });

  it('exits 1 and lists every violation for an invalid plan', async () => {
    const problem = file('p2.json', twoStaffDay());
    const plan = file('bad.json', { format: 'tillit.plan/v1', date: '2026-11-23', routes: [{ staff: 'anna', stops: [{ visit: 'v1', start: '07:00', end: '07:30' }] }], unassigned: [] });
    const r = await run(['check', problem, plan]);
    expect(r.code).toBe(exitCodes.invalidPlan);
    expect(r.err).toContain('visit v1 starts 07:00, outside its window 08:00-09:00');
    expect(r.err).toContain('visit v2 is neither planned nor listed as unassigned');
  });

  it('exits 2 naming the field for a bad time, with no stack trace', async () => {
    const p = twoStaffDay();
    p.visits[3]!.window.start = '25:00';
    const r = await run(['solve', file('bad-time.json', p)]);
    expect(r.code).toBe(exitCodes.inputError);
    expect(r.err).toContain('visits[3].window.start: "25:00" is not a time HH:MM');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for malformed JSON, a missing file and an unknown option', async () => {
    expect((await run(['solve', file('broken.json', '{"format": ')])).err).toMatch(/is not valid JSON/);
    expect((await run(['solve', path.join(dir, 'nope.json')])).code).toBe(exitCodes.inputError);
    expect((await run(['solve', 'x.json', '--fast'])).err).toContain('unknown option --fast');
    expect((await run(['frobnicate'])).err).toContain('usage:');
  });
});
