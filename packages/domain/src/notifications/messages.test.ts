import { describe, expect, it } from 'vitest';
import { changeMessage, clientLanguages, messageLanguage, spokenDate } from './messages.js';

describe('change messages', () => {
  it('writes one Swedish message for a batch of changes', () => {
    const m = changeMessage('sv', [
      { kind: 'person', visitId: 'v1', date: '2026-11-26', before: ['Leila'], after: ['Anna'] },
      { kind: 'moved', visitId: 'v2', date: '2026-11-27', windowStart: '10:00', windowEnd: '11:00' },
    ], '0923-100 01');
    expect(m.subject).toBe('Ändring i dina besök från hemtjänsten');
    expect(m.text).toContain('torsdag 26 november: Anna kommer i stället för Leila.');
    expect(m.text).toContain('fredag 27 november: besöket är flyttat till 10:00–11:00.');
    expect(m.text).toContain('0923-100 01');
  });
  it('writes every supported language with the names and times in it', () => {
    for (const lang of clientLanguages) {
      const m = changeMessage(lang, [{ kind: 'cancelled', visitId: 'v', date: '2026-11-26', windowStart: '08:00', windowEnd: '09:00' }], '0923-1');
      expect(m.text, lang).toContain('08:00–09:00');
      expect(m.subject.length, lang).toBeGreaterThan(5);
    }
    expect(changeMessage('ar', [{ kind: 'person', visitId: 'v', date: '2026-11-26', before: ['Leila'], after: ['Anna'] }], '1').text).toMatch(/ستأتي Anna بدلًا من Leila/);
  });
  it('picks the first language Tillit writes, else Swedish', () => {
    expect(messageLanguage(['fi', 'sv'])).toBe('fi');
    expect(messageLanguage(['ti', 'ar'])).toBe('ar');
    expect(messageLanguage(['ti'])).toBe('sv');
  });
  it('says dates in the language with western digits', () => {
    expect(spokenDate('2026-11-26', 'en')).toBe('Thursday 26 November');
    expect(spokenDate('2026-11-26', 'fi')).toMatch(/torstai/);
    expect(spokenDate('2026-11-26', 'ar')).toMatch(/26/);
  });
});
