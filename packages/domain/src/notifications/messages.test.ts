import { describe, expect, it } from 'vitest';
import { calendarEventText, changeMessage, clientLanguages, messageLanguage, readerLanguage, spokenDate } from './messages.js';

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

describe('calendar events and the reader\'s language', () => {
  it('reads the account language when set away from Swedish, else the client\'s own first language, else Swedish', () => {
    expect(readerLanguage('sv', ['ar', 'sv'])).toBe('ar');
    expect(readerLanguage('fa', ['ar'])).toBe('fa');
    expect(readerLanguage('sv', null)).toBe('sv');
    expect(readerLanguage('en', null)).toBe('en');
    // A language the client view does not have falls back to the client's, then Swedish.
    expect(readerLanguage('de', ['ti', 'so'])).toBe('so');
  });

  it('says who comes and when in every language, and only the window before names are known', () => {
    expect(calendarEventText('sv', { video: false, names: ['Anna', 'Leila'], windowStart: '08:00', windowEnd: '09:00' }))
      .toEqual({ summary: 'Besök från hemtjänsten', description: 'Anna och Leila kommer mellan 08:00 och 09:00.' });
    expect(calendarEventText('sv', { video: true, names: [], windowStart: '08:00', windowEnd: '09:00' }))
      .toEqual({ summary: 'Videobesök från hemtjänsten', description: 'Mellan 08:00 och 09:00.' });
    const swedish = calendarEventText('sv', { video: false, names: ['Anna'], windowStart: '08:00', windowEnd: '09:00' });
    for (const lang of clientLanguages) {
      const e = calendarEventText(lang, { video: false, names: ['Anna'], windowStart: '08:00', windowEnd: '09:00' });
      expect(e.description, lang).toContain('Anna');
      expect(e.description, lang).toContain('08:00');
      expect(e.description, lang).toContain('09:00');
      if (lang !== 'sv') expect(e.summary, lang).not.toBe(swedish.summary);
      if (lang !== 'sv') expect(e.description, lang).not.toMatch(/kommer|mellan|och/);
    }
  });
});

describe('the verb agrees with how many come', () => {
  it('says "come" for two people and "comes" for one, in English, Finnish and Persian', () => {
    const two = { video: false, names: ['Anna', 'Leila'], windowStart: '08:00', windowEnd: '09:00' };
    const one = { ...two, names: ['Anna'] };
    expect(calendarEventText('en', two).description).toBe('Anna and Leila come between 08:00 and 09:00.');
    expect(calendarEventText('en', one).description).toBe('Anna comes between 08:00 and 09:00.');
    expect(calendarEventText('fi', two).description).toContain('tulevat');
    expect(calendarEventText('fa', two).description).toContain('می‌آیند');
    expect(calendarEventText('fa', one).description).not.toContain('می‌آیند');
    const m = changeMessage('en', [{ kind: 'person', visitId: 'v', date: '2026-11-26', before: ['Leila'], after: ['Anna', 'Omar'] }], '0923-1');
    expect(m.text).toContain('Anna, Omar come instead of Leila.');
  });
});
