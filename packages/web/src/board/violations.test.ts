import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from './i18n.en.json';
import sv from './i18n.sv.json';
import type { Violation } from './types.js';
import { violationWords, visitsNamed } from './violations.js';

const anna = '11111111-1111-4111-8111-111111111111';
const bo = '44444444-4444-4444-8444-444444444444';
const visit = '22222222-2222-4222-8222-222222222222';
const before = '33333333-3333-4333-8333-333333333333';
const names = {
  staff: (id: string) => (id === anna ? 'Anna Berg' : id === bo ? 'Bo Lind' : ''),
  visit: (id: string) => (id === visit ? 'Gun Öhman (08:00–09:00)' : id === before ? 'Bengt Björk (07:00–08:00)' : id),
};
const skill = (k: string) => ({ medication: 'läkemedel', double: 'dubbelbemanning' })[k] ?? k;

const outside: Violation = {
  code: 'outside-window', message: `${anna}: visit ${visit} starts 11:30, outside its window 08:00-09:00`,
  params: { staff: anna, visit, start: '11:30', windowStart: '08:00', windowEnd: '09:00' },
};

describe("the checker's violations said from their codes", () => {
  const say = (v: Violation, lng: string) => {
    const w = violationWords(v, names, skill);
    return i18next.t(w.key, { ...w.values, lng, ns: 'board' });
  };
  beforeAll(async () => {
    await i18next.init({ lng: 'sv', resources: { sv: { board: sv }, en: { board: en } }, interpolation: { escapeValue: false } });
  });

  it('says a visit moved outside its window in Swedish and English, with names', () => {
    expect(say(outside, 'sv')).toBe('Besöket hos Gun Öhman (08:00–09:00) börjar kl. 11:30, utanför tidsfönstret 08:00–09:00 (Anna Berg).');
    expect(say(outside, 'en')).toBe('The visit to Gun Öhman (08:00–09:00) starts at 11:30, outside its window 08:00–09:00 (Anna Berg).');
  });

  it('tells travel after another visit from travel after the shift start or a break', () => {
    const after: Violation = {
      code: 'travel-too-short', message: '…',
      params: { staff: anna, visit, start: '08:00', earliest: '08:12', travelMin: 7, after: before, afterKind: 'visit' },
    };
    expect(say(after, 'sv')).toBe('Anna Berg hinner inte till Gun Öhman (08:00–09:00) kl. 08:00 efter besöket hos Bengt Björk (07:00–08:00): tidigast 08:12 (7 min resa).');
    expect(violationWords({ ...after, params: { ...after.params, after: undefined, afterKind: 'shift-start' } }, names).key).toBe('violation.travel-too-short-from-start');
    expect(violationWords({ ...after, params: { ...after.params, after: undefined, afterKind: 'break' } }, names).key).toBe('violation.travel-too-short-after-break');
  });

  it('names missing skills in the user\'s words, double starts with names, and counts missed breaks', () => {
    expect(say({ code: 'missing-skill', message: '…', params: { staff: anna, visit, skills: ['medication', 'double'] } }, 'sv'))
      .toBe('Anna Berg saknar kompetensen läkemedel, dubbelbemanning för besöket hos Gun Öhman (08:00–09:00).');
    expect(say({ code: 'double-starts-differ', message: '…', params: { visit, starts: [{ staff: anna, start: '09:00' }, { staff: bo, start: '09:05' }] } }, 'sv'))
      .toBe('Det dubbelbemannade besöket hos Gun Öhman (08:00–09:00) börjar olika för de två: Anna Berg 09:00, Bo Lind 09:05.');
    expect(say({ code: 'break-not-taken', message: '…', params: { staff: anna, count: 1 } }, 'sv')).toBe('Anna Berg får ingen rast.');
  });

  it('has a Swedish and an English sentence for every code', () => {
    const codes = ['date-mismatch', 'unknown-staff', 'duplicate-route', 'unknown-visit', 'travel-too-short', 'outside-window', 'wrong-duration', 'missing-skill', 'other-team', 'pinned-staff', 'pinned-start', 'extra-break', 'break-overlap', 'break-outside-window', 'break-duration', 'before-shift', 'after-shift', 'unassigned-unknown-visit', 'visit-lost', 'unassigned-without-reason', 'planned-and-unassigned', 'staff-count', 'same-staff-twice', 'double-starts-differ'];
    for (const c of codes) {
      expect(sv.violation, c).toHaveProperty([c]);
      expect(en.violation, c).toHaveProperty([c]);
    }
  });

  it('shows a code it does not know as the checker\'s sentence, with ids replaced by names', () => {
    expect(violationWords({ code: 'something-new', message: `something new about ${anna}`, params: {} }, names)).toEqual({ key: 'violation.other', values: { text: 'something new about Anna Berg' } });
  });

  it('finds the visit a violation is about', () => {
    expect(visitsNamed(outside, new Set([visit]))).toEqual([visit]);
    expect(visitsNamed({ code: 'break-not-taken', message: '…', params: { staff: anna, count: 1 } }, new Set([visit]))).toEqual([]);
  });
});
