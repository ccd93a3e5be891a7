// The words of a change, as the client reads them: who comes instead of whom, where a visit
// moved, cancelled and added, in Swedish and Arabic (times kept in reading order).
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeText } from './changes.js';
import { clientT } from './i18n/index.js';

const visit = { windowStart: '10:00', windowEnd: '11:00' };

beforeAll(async () => {
  await i18next.init({ lng: 'sv', fallbackLng: 'sv', resources: {}, interpolation: { escapeValue: false } });
});

describe('changes since the client last looked', () => {
  it('says who comes instead of whom, naming both when two come', () => {
    const t = clientT('sv');
    expect(changeText({ kind: 'person', before: ['Leila'], after: ['Anna'] }, visit, t)).toBe('Anna kommer i stället för Leila');
    expect(changeText({ kind: 'person', before: ['Leila'], after: ['Anna', 'Ali'] }, visit, t)).toBe('Anna och Ali kommer i stället för Leila');
    // The verb agrees with two people where the language says so.
    expect(changeText({ kind: 'person', before: ['Leila'], after: ['Anna', 'Ali'] }, visit, clientT('en'))).toBe('Anna and Ali come instead of Leila');
    expect(changeText({ kind: 'person', before: ['Leila'], after: ['Anna'] }, visit, clientT('en'))).toBe('Anna comes instead of Leila');
    expect(changeText({ kind: 'person', before: ['Leila'], after: ['Anna', 'Ali'] }, visit, clientT('fa'))).toContain('می‌آیند');
  });

  it('says where a visit moved, and that it is cancelled or new', () => {
    const t = clientT('sv');
    expect(changeText({ kind: 'moved' }, visit, t).replace(/[\u2066-\u2069]/g, '')).toBe('Flyttat till 10:00–11:00');
    expect(changeText({ kind: 'cancelled' }, visit, t)).toBe('Inställt');
    expect(changeText({ kind: 'added' }, visit, t)).toBe('Nytt besök');
  });

  it('keeps the moved-to time range left to right inside Arabic text', () => {
    const text = changeText({ kind: 'moved' }, visit, clientT('ar'));
    expect(text).toBe('نُقلت إلى \u206610:00–11:00\u2069');
  });
});
