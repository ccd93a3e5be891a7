import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { advanceDeviation, clientView, mayTakeDeviationStep, reportSource, type DeviationRecord, type DeviationStepInput } from './deviation.js';
import { defaultDeviationDeadlines, overdueStep } from './overdue.js';

const reported: DeviationRecord & { id: string; type: string; description: string } = {
  id: 'd1', type: 'missed_visit', description: 'Ingen kom på morgonen.',
  state: 'reported', severity: 'moderate', occurredAt: '2026-11-20T07:30:00.000Z', reportedAt: '2026-11-20T08:00:00.000Z',
  investigation: null, actions: null, clientTold: null, closed: null,
};
const now = '2026-11-24T10:00:00.000Z';
const steps: Record<string, DeviationStepInput> = {
  investigated: { step: 'investigated', findings: 'Besöket föll bort vid omplanering.', cause: 'Sjukfrånvaro utan ersättare.' },
  actions_decided: { step: 'actions_decided', actions: 'Samordnaren kontrollerar listan efter varje omplanering.' },
  client_told: { step: 'client_told', how: 'phone', toldAt: '2026-11-24T09:00:00+01:00', summary: 'Berättade vad som hänt och vad vi ändrat.' },
  closed: { step: 'closed', comment: '' },
};
const codeOf = (f: () => unknown) => {
  try { f(); } catch (e) { return (e as DomainError).code; }
  return null;
};

describe('the deviation workflow', () => {
  it('goes reported -> investigated -> actions decided -> client told -> closed, recording who and when', () => {
    let d = reported;
    for (const s of ['investigated', 'actions_decided', 'client_told', 'closed']) d = advanceDeviation(d, steps[s]!, 'Chef Chefsson', now);
    expect(d.state).toBe('closed');
    expect(d.clientTold).toEqual({ how: 'phone', toldAt: '2026-11-24T08:00:00.000Z', toldBy: 'Chef Chefsson', summary: 'Berättade vad som hänt och vad vi ändrat.', at: now, by: 'Chef Chefsson' });
    expect(d.closed).toEqual({ comment: '', at: now, by: 'Chef Chefsson' });
  });

  it('cannot be closed before the client was told, from any earlier state', () => {
    let d = reported;
    for (const s of ['investigated', 'actions_decided']) {
      expect(codeOf(() => advanceDeviation(d, steps.closed!, 'x', now))).toBe('client-not-told');
      d = advanceDeviation(d, steps[s]!, 'x', now);
    }
    expect(codeOf(() => advanceDeviation(d, steps.closed!, 'x', now))).toBe('client-not-told');
  });

  it('takes no step out of order, twice, or after closing', () => {
    expect(codeOf(() => advanceDeviation(reported, steps.client_told!, 'x', now))).toBe('deviation-step-out-of-order');
    const inv = advanceDeviation(reported, steps.investigated!, 'x', now);
    expect(codeOf(() => advanceDeviation(inv, steps.investigated!, 'x', now))).toBe('deviation-step-out-of-order');
  });

  it('refuses telling the client in the future or before it happened', () => {
    const decided = advanceDeviation(advanceDeviation(reported, steps.investigated!, 'x', now), steps.actions_decided!, 'x', now);
    expect(codeOf(() => advanceDeviation(decided, { ...steps.client_told!, toldAt: '2026-11-24T10:00:01Z' } as DeviationStepInput, 'x', now))).toBe('invalid-input');
    expect(codeOf(() => advanceDeviation(decided, { ...steps.client_told!, toldAt: '2026-11-19T10:00:00Z' } as DeviationStepInput, 'x', now))).toBe('invalid-input');
    // Exactly now is allowed.
    expect(advanceDeviation(decided, { ...steps.client_told!, toldAt: now } as DeviationStepInput, 'x', now).state).toBe('client_told');
  });

  it('never reaches closed without a record of telling the client, whatever steps are tried', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('investigated', 'actions_decided', 'client_told', 'closed'), { maxLength: 12 }), (tries) => {
      let d = reported;
      for (const t of tries) {
        try { d = advanceDeviation(d, steps[t]!, 'x', now); } catch (e) { if (!(e instanceof DomainError)) throw e; }
      }
      return d.state !== 'closed' || d.clientTold !== null;
    }));
  });

  it('lets staff, clients, relatives and managers report, and only the unit manager close', () => {
    expect(reportSource('staff')).toBe('staff');
    expect(reportSource('relative')).toBe('relative');
    expect(reportSource('unit_manager')).toBe('manager');
    expect(reportSource('finance')).toBeNull();
    expect(mayTakeDeviationStep('coordinator', 'client_told')).toBe(true);
    expect(mayTakeDeviationStep('coordinator', 'closed')).toBe(false);
    expect(mayTakeDeviationStep('staff', 'investigated')).toBe(false);
  });

  it('shows the client what happened, what was decided and the status, without investigation notes', () => {
    const d = advanceDeviation(advanceDeviation(reported, steps.investigated!, 'x', now), steps.actions_decided!, 'x', now);
    const v = clientView(d);
    expect(v).toMatchObject({ state: 'actions_decided', actions: steps.actions_decided!.step === 'actions_decided' ? 'Samordnaren kontrollerar listan efter varje omplanering.' : '' });
    expect(JSON.stringify(v)).not.toContain('Sjukfrånvaro');
  });
});

describe('overdue steps', () => {
  it('is overdue one hour after the deadline counted from the report, not at the deadline itself', () => {
    // moderate: investigated within 72 h of 2026-11-20 08:00 UTC -> due 2026-11-23 08:00 UTC
    expect(overdueStep(reported, defaultDeviationDeadlines, '2026-11-23T08:00:00Z')).toBeNull();
    expect(overdueStep(reported, defaultDeviationDeadlines, '2026-11-23T09:00:00Z')).toEqual({ step: 'investigated', dueAt: '2026-11-23T08:00:00.000Z', overdueHours: 1 });
  });
  it('uses the severity and the settings passed in, and nothing is overdue once closed', () => {
    const serious = { ...reported, severity: 'serious' as const };
    // serious: 24 h -> due 2026-11-21 08:00
    expect(overdueStep(serious, defaultDeviationDeadlines, '2026-11-21T08:30:00Z')?.step).toBe('investigated');
    const lenient = { ...defaultDeviationDeadlines, serious: { ...defaultDeviationDeadlines.serious, investigated: 48 } };
    expect(overdueStep(serious, lenient, '2026-11-21T08:30:00Z')).toBeNull();
    expect(overdueStep({ ...reported, state: 'closed' }, defaultDeviationDeadlines, '2027-01-01T00:00:00Z')).toBeNull();
  });
});
