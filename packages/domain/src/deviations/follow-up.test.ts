import { describe, expect, it } from 'vitest';
import type { DomainError } from '../errors.js';
import { advanceImprovement, studyDue, type ImprovementRecord } from './improvement.js';
import { isoWeek, learningSummary } from './learning.js';
import { advanceLexSarah, defaultLexSarahDeadlines, lexSarahOverdue, type LexSarahRecord } from './lex-sarah.js';

const codeOf = (f: () => unknown) => {
  try { f(); } catch (e) { return (e as DomainError).code; }
  return null;
};
const now = '2026-11-24T10:00:00.000Z';
const today = '2026-11-24';
const report: LexSarahRecord = { state: 'reported', reportedAt: '2026-11-05T09:00:00.000Z', investigation: null, decision: null, ivoNotification: null, closed: null };
const investigated = advanceLexSarah(report, { step: 'investigated', causes: 'Bemanning', consequences: 'Ingen frukost', clientView: 'Brukaren var orolig', actionsTaken: 'Rutin ändrad' }, 'Chef', now, today);

describe('lex Sarah (SoL 14 kap 3–7 §§)', () => {
  it('must report a serious shortcoming to IVO, and cannot close before IVO was notified', () => {
    expect(codeOf(() => advanceLexSarah(investigated, { step: 'decided', serious: true, notifyIvo: false, reasoning: 'r', decidedOn: today }, 'Chef', now, today))).toBe('invalid-input');
    const decided = advanceLexSarah(investigated, { step: 'decided', serious: true, notifyIvo: true, reasoning: 'Allvarligt', decidedOn: '2026-11-20' }, 'Chef', now, today);
    expect(codeOf(() => advanceLexSarah(decided, { step: 'closed', comment: '' }, 'Chef', now, today))).toBe('lex-sarah-step-out-of-order');
    expect(codeOf(() => advanceLexSarah(decided, { step: 'ivo_notified', notifiedOn: '2026-11-19', reference: '' }, 'Chef', now, today))).toBe('invalid-input');
    const notified = advanceLexSarah(decided, { step: 'ivo_notified', notifiedOn: '2026-11-21', reference: 'IVO 3.5.1-1234/2026' }, 'Chef', now, today);
    expect(advanceLexSarah(notified, { step: 'closed', comment: '' }, 'Chef', now, today).state).toBe('closed');
  });

  it('closes a case that was not serious right after the decision, with its date kept', () => {
    const decided = advanceLexSarah(investigated, { step: 'decided', serious: false, notifyIvo: false, reasoning: 'Ingen skada', decidedOn: today }, 'Chef', now, today);
    expect(decided.decision?.decidedOn).toBe(today);
    expect(advanceLexSarah(decided, { step: 'closed', comment: '' }, 'Chef', now, today).state).toBe('closed');
    expect(codeOf(() => advanceLexSarah(investigated, { step: 'decided', serious: false, notifyIvo: false, reasoning: 'x', decidedOn: '2026-11-25' }, 'Chef', now, today))).toBe('invalid-input');
  });

  it('is overdue the day after the investigation deadline and after the notification deadline', () => {
    // reported 2026-11-05 + 14 days = due 2026-11-19
    expect(lexSarahOverdue(report, defaultLexSarahDeadlines, '2026-11-19')).toBeNull();
    expect(lexSarahOverdue(report, defaultLexSarahDeadlines, '2026-11-20')).toEqual({ step: 'investigated', dueOn: '2026-11-19' });
    const decided = advanceLexSarah(investigated, { step: 'decided', serious: true, notifyIvo: true, reasoning: 'x', decidedOn: '2026-11-20' }, 'Chef', now, today);
    // decided 2026-11-20 + 2 days = due 2026-11-22
    expect(lexSarahOverdue(decided, defaultLexSarahDeadlines, '2026-11-23')).toEqual({ step: 'ivo_notified', dueOn: '2026-11-22' });
  });
});

describe('improvements (plan–do–study–act)', () => {
  const planned: ImprovementRecord = { state: 'planned', studyOn: '2026-12-15', do: null, study: null, act: null };
  it('goes plan -> do -> study (not before the study date) -> act', () => {
    const doing = advanceImprovement(planned, { step: 'doing', startedOn: '2026-11-24', notes: '' }, today);
    expect(codeOf(() => advanceImprovement(doing, { step: 'studied', result: 'Färre missade besök' }, '2026-12-14'))).toBe('invalid-input');
    const studied = advanceImprovement(doing, { step: 'studied', result: 'Färre missade besök' }, '2026-12-15');
    expect(studied.study).toEqual({ result: 'Färre missade besök', studiedOn: '2026-12-15' });
    expect(advanceImprovement(studied, { step: 'acted', decision: 'adopt', notes: '' }, '2026-12-16').state).toBe('acted');
    expect(codeOf(() => advanceImprovement(planned, { step: 'acted', decision: 'adopt', notes: '' }, today))).toBe('improvement-step-out-of-order');
  });
  it('is due for study from the study date until studied', () => {
    expect(studyDue(planned, '2026-12-14')).toBe(false);
    expect(studyDue(planned, '2026-12-15')).toBe(true);
    expect(studyDue({ ...planned, state: 'studied' }, '2026-12-20')).toBe(false);
  });
});

describe('the learning view', () => {
  it('names ISO weeks, including the 53rd week of 2026', () => {
    expect(isoWeek('2026-11-25')).toBe('2026-W48');
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(isoWeek('2026-11-22')).toBe('2026-W47');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
  });
  it('counts deviations by week, team and type', () => {
    const rows = learningSummary([
      { type: 'missed_visit', teamId: 'a', date: '2026-11-23' },
      { type: 'missed_visit', teamId: 'a', date: '2026-11-25' },
      { type: 'fall', teamId: 'a', date: '2026-11-25' },
      { type: 'missed_visit', teamId: 'b', date: '2026-11-16' },
    ]);
    expect(rows).toEqual([
      { week: '2026-W47', teamId: 'b', type: 'missed_visit', count: 1 },
      { week: '2026-W48', teamId: 'a', type: 'fall', count: 1 },
      { week: '2026-W48', teamId: 'a', type: 'missed_visit', count: 2 },
    ]);
  });
});
