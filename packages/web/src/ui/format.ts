// Display formats in the interface language: time windows, hours, dates and names.
import { useTranslation } from 'react-i18next';

export interface Formats {
  /** A visit's time window, "08:00–09:30": the time is a window, never a minute. */
  window(start: string, end: string): string;
  /** Minutes as hours with one decimal, "12,5 h". */
  hours(minutes: number): string;
  /** A calendar date (YYYY-MM-DD) as "onsdag 25 november". */
  day(date: string): string;
  /** A date with a short weekday, "ons 25 nov". */
  shortDay(date: string): string;
  /** A month (YYYY-MM) as "november 2026". */
  month(month: string): string;
  /** An instant as "25 nov 2026 09:14" in the municipality's time zone. */
  dateTime(iso: string): string;
  /** An instant's clock time, "09:42", in the municipality's time zone. */
  time(iso: string): string;
  number(n: number): string;
  /** A language code ("fi") as its name in the interface language ("finska"). */
  languageName(code: string): string;
}

const tz = 'Europe/Stockholm';
const hhmm = (t: string) => t.slice(0, 5);
const noon = (date: string) => new Date(`${date}T12:00:00Z`);

export function useFormats(): Formats {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  let languageNames: Intl.DisplayNames | null = null;
  try {
    languageNames = new Intl.DisplayNames([locale], { type: 'language' });
  } catch {
    languageNames = null;
  }
  return {
    window: (start, end) => `${hhmm(start)}–${hhmm(end)}`,
    hours: (minutes) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(minutes / 60)} h`,
    day: (date) => new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(noon(date)),
    shortDay: (date) => new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(noon(date)),
    month: (month) => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(noon(`${month}-15`)),
    dateTime: (iso) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: tz }).format(new Date(iso)),
    time: (iso) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: tz }).format(new Date(iso)),
    number: (n) => new Intl.NumberFormat(locale).format(n),
    languageName: (code) => languageNames?.of(code) ?? code,
  };
}

export const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;
