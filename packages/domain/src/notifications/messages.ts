// The words of a change notification, in the client's language. Clients and relatives read these
// by SMS or e-mail; keep them short, concrete and free of care details (only who and when).
// Finnish is a national minority language (lag 2009:724); Arabic, Somali and Persian are common
// first languages among clients. Translations other than Swedish and English should be checked by
// native speakers before production use.
import type { ClientChange } from './visit-changes.js';

export const clientLanguages = ['sv', 'en', 'fi', 'ar', 'so', 'fa'] as const;
export type ClientLanguage = (typeof clientLanguages)[number];

/** @returns the client's first language Tillit can write, else Swedish. */
export function messageLanguage(languages: readonly string[]): ClientLanguage {
  for (const l of languages) if ((clientLanguages as readonly string[]).includes(l)) return l as ClientLanguage;
  return 'sv';
}

/**
 * The language to write to a signed-in reader in, as the client's page chooses it: the account's
 * language when set to one other than the default Swedish, else the client's own first language
 * (for the client's own account), else Swedish.
 * @param accountLocale - the account's language
 * @param clientLanguages - the client's languages when the reader is the client; null for a relative
 */
export function readerLanguage(accountLocale: string, clientLanguagesOfReader: readonly string[] | null): ClientLanguage {
  if (accountLocale !== 'sv' && (clientLanguages as readonly string[]).includes(accountLocale)) return accountLocale as ClientLanguage;
  return clientLanguagesOfReader ? messageLanguage(clientLanguagesOfReader) : 'sv';
}

interface Words {
  subject: string;
  intro: string;
  /** @param count - how many people come instead (the verb agrees in en, fi, fa) */
  person: (date: string, before: string, after: string, count: number) => string;
  moved: (date: string, window: string) => string;
  cancelled: (date: string, window: string) => string;
  added: (date: string, window: string) => string;
  outro: (phone: string) => string;
  locale: string;
}

const words: Record<ClientLanguage, Words> = {
  sv: {
    locale: 'sv-SE',
    subject: 'Ändring i dina besök från hemtjänsten',
    intro: 'Hej! Det har blivit ändringar i dina besök:',
    person: (d, b, a) => `${d}: ${a} kommer i stället för ${b}.`,
    moved: (d, w) => `${d}: besöket är flyttat till ${w}.`,
    cancelled: (d, w) => `${d} ${w}: besöket är inställt.`,
    added: (d, w) => `${d}: nytt besök ${w}.`,
    outro: (p) => `Frågor? Ring ditt hemtjänstlag: ${p}.`,
  },
  en: {
    locale: 'en-GB',
    subject: 'A change to your home care visits',
    intro: 'Hello! Your visits have changed:',
    person: (d, b, a, n) => `${d}: ${a} ${n > 1 ? 'come' : 'comes'} instead of ${b}.`,
    moved: (d, w) => `${d}: the visit has moved to ${w}.`,
    cancelled: (d, w) => `${d} ${w}: the visit is cancelled.`,
    added: (d, w) => `${d}: new visit ${w}.`,
    outro: (p) => `Questions? Call your home care team: ${p}.`,
  },
  fi: {
    locale: 'fi-FI',
    subject: 'Muutos kotipalvelukäynteihisi',
    intro: 'Hei! Käynteihisi on tullut muutoksia:',
    person: (d, b, a, n) => `${d}: ${a} ${n > 1 ? 'tulevat' : 'tulee'} ${b}:n sijaan.`,
    moved: (d, w) => `${d}: käynti on siirretty aikaan ${w}.`,
    cancelled: (d, w) => `${d} ${w}: käynti on peruttu.`,
    added: (d, w) => `${d}: uusi käynti ${w}.`,
    outro: (p) => `Kysyttävää? Soita kotipalvelutiimillesi: ${p}.`,
  },
  ar: {
    locale: 'ar',
    subject: 'تغيير في زيارات الرعاية المنزلية',
    intro: 'مرحبًا! طرأ تغيير على زياراتك:',
    person: (d, b, a) => `${d}: ستأتي ${a} بدلًا من ${b}.`,
    moved: (d, w) => `${d}: تم نقل الزيارة إلى ${w}.`,
    cancelled: (d, w) => `${d} ${w}: تم إلغاء الزيارة.`,
    added: (d, w) => `${d}: زيارة جديدة ${w}.`,
    outro: (p) => `لديك أسئلة؟ اتصل بفريق الرعاية المنزلية: ${p}.`,
  },
  so: {
    locale: 'so',
    subject: 'Isbeddel ku yimid booqashooyinkaaga daryeelka guriga',
    intro: 'Salaan! Booqashooyinkaaga waxaa ku yimid isbeddel:',
    person: (d, b, a) => `${d}: ${a} ayaa imanaya halkii ${b}.`,
    moved: (d, w) => `${d}: booqashada waxaa loo wareejiyay ${w}.`,
    cancelled: (d, w) => `${d} ${w}: booqashada waa la joojiyay.`,
    added: (d, w) => `${d}: booqasho cusub ${w}.`,
    outro: (p) => `Su'aalo ma qabtaa? Wac kooxdaada daryeelka guriga: ${p}.`,
  },
  fa: {
    locale: 'fa-IR',
    subject: 'تغییر در ملاقات‌های مراقبت در منزل',
    intro: 'سلام! ملاقات‌های شما تغییر کرده است:',
    person: (d, b, a, n) => `${d}: ${a} به جای ${b} ${n > 1 ? 'می‌آیند' : 'می‌آید'}.`,
    moved: (d, w) => `${d}: ملاقات به ${w} منتقل شد.`,
    cancelled: (d, w) => `${d} ${w}: ملاقات لغو شد.`,
    added: (d, w) => `${d}: ملاقات جدید ${w}.`,
    outro: (p) => `سؤالی دارید؟ با تیم مراقبت در منزل تماس بگیرید: ${p}.`,
  },
};

/** @returns e.g. "torsdag 26 november" in the language, for a date YYYY-MM-DD. */
export function spokenDate(date: string, lang: ClientLanguage): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // Noon UTC keeps the calendar date in every European time zone.
  return new Intl.DateTimeFormat(words[lang].locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC', calendar: 'gregory', numberingSystem: 'latn' })
    .format(new Date(Date.UTC(y, m - 1, d, 12)));
}

/**
 * @param lang - the recipient's language
 * @param changes - the batch of changes to tell, one message for all of them
 * @param teamPhone - the team's phone number
 * @returns subject and text of one message
 */
export function changeMessage(lang: ClientLanguage, changes: readonly ClientChange[], teamPhone: string): { subject: string; text: string } {
  const w = words[lang];
  const lines = changes.map((c) => {
    const date = spokenDate(c.date, lang);
    if (c.kind === 'person') return w.person(date, c.before.join(', '), c.after.join(', '), c.after.length);
    const window = `${c.windowStart}–${c.windowEnd}`;
    return c.kind === 'moved' ? w.moved(date, window) : c.kind === 'cancelled' ? w.cancelled(date, window) : w.added(date, window);
  });
  return { subject: w.subject, text: [w.intro, ...lines, w.outro(teamPhone)].join('\n') };
}

interface CalendarWords {
  visit: string;
  videoVisit: string;
  comes: (names: string, start: string, end: string, count: number) => string;
  between: (start: string, end: string) => string;
  and: string;
}

// The calendar feed carries only when and who (the consent covers no care details).
const calendarWords: Record<ClientLanguage, CalendarWords> = {
  sv: { visit: 'Besök från hemtjänsten', videoVisit: 'Videobesök från hemtjänsten', comes: (n, s, e) => `${n} kommer mellan ${s} och ${e}.`, between: (s, e) => `Mellan ${s} och ${e}.`, and: ' och ' },
  en: { visit: 'Visit from home care', videoVisit: 'Video visit from home care', comes: (n, s, e, c) => `${n} ${c > 1 ? 'come' : 'comes'} between ${s} and ${e}.`, between: (s, e) => `Between ${s} and ${e}.`, and: ' and ' },
  fi: { visit: 'Kotipalvelun käynti', videoVisit: 'Kotipalvelun videokäynti', comes: (n, s, e, c) => `${n} ${c > 1 ? 'tulevat' : 'tulee'} kello ${s}–${e} välillä.`, between: (s, e) => `Kello ${s}–${e} välillä.`, and: ' ja ' },
  ar: { visit: 'زيارة الرعاية المنزلية', videoVisit: 'زيارة بالفيديو من الرعاية المنزلية', comes: (n, s, e) => `سيأتي ${n} بين الساعة ${s} و ${e}.`, between: (s, e) => `بين الساعة ${s} و ${e}.`, and: ' و ' },
  so: { visit: 'Booqashada daryeelka guriga', videoVisit: 'Booqasho muuqaal ah oo daryeelka guriga', comes: (n, s, e) => `${n} ayaa imanaya inta u dhaxaysa ${s} iyo ${e}.`, between: (s, e) => `Inta u dhaxaysa ${s} iyo ${e}.`, and: ' iyo ' },
  fa: { visit: 'ملاقات مراقبت در منزل', videoVisit: 'ملاقات تصویری مراقبت در منزل', comes: (n, s, e, c) => `${n} بین ساعت ${s} و ${e} ${c > 1 ? 'می‌آیند' : 'می‌آید'}.`, between: (s, e) => `بین ساعت ${s} و ${e}.`, and: ' و ' },
};

/**
 * @param lang - the feed reader's language
 * @param visit - whether by video, who comes (first names; empty until the day is published) and the window
 * @returns the calendar event's title and description
 */
export function calendarEventText(lang: ClientLanguage, visit: { video: boolean; names: readonly string[]; windowStart: string; windowEnd: string }): { summary: string; description: string } {
  const w = calendarWords[lang];
  return {
    summary: visit.video ? w.videoVisit : w.visit,
    description: visit.names.length > 0 ? w.comes(visit.names.join(w.and), visit.windowStart, visit.windowEnd, visit.names.length) : w.between(visit.windowStart, visit.windowEnd),
  };
}
