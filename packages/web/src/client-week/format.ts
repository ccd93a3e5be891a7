// Dates and times of the client view in the reader's language. Digits stay Latin (0–9) in every
// language, as on the printed letter and in the team's phone number.
import type { ClientLanguage } from './i18n/index.js';
import { languageOf } from './i18n/index.js';

const noon = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
};

/** @returns e.g. "onsdag 25 november". */
export function spokenDay(date: string, lang: ClientLanguage): string {
  return new Intl.DateTimeFormat(languageOf(lang).locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC', numberingSystem: 'latn' }).format(noon(date));
}

/** @returns "08:00" from "08:00" or "8:00". */
export const hhmm = (t: string) => t.padStart(5, '0');

/** @returns the date of an ISO instant in the reader's language, e.g. "25 november". */
export function shortDate(iso: string, lang: ClientLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(languageOf(lang).locale, { day: 'numeric', month: 'long', timeZone, numberingSystem: 'latn' }).format(new Date(iso));
}

/** @returns the text with its first letter in upper case, as a heading starts. */
export const capitalised = (s: string, lang: ClientLanguage) => s.charAt(0).toLocaleUpperCase(languageOf(lang).locale) + s.slice(1);
