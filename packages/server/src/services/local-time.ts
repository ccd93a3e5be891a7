// The municipality's wall clock: the domain speaks local dates and minutes; the database stores instants.
import type { LocalNow } from '@tillit/domain';

function parts(instant: Date, timeZone: string): Record<string, number> {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  return Object.fromEntries(f.formatToParts(instant).filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
}

/** @returns the local date and minute of day of an instant. */
export function localNow(instant: Date, timeZone: string): LocalNow {
  const p = parts(instant, timeZone);
  const date = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  return { date, minute: (p.hour ?? 0) * 60 + (p.minute ?? 0) };
}

/** @returns the instant of a local date and time `HH:MM` in the time zone (the earlier one in the autumn's repeated hour). */
export function localInstant(date: string, hhmm: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  const wanted = Date.UTC(y, mo - 1, d, h, mi);
  let guess = wanted;
  // Two rounds settle the offset, also across a daylight-saving change.
  for (let i = 0; i < 2; i++) {
    const p = parts(new Date(guess), timeZone);
    const shown = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!);
    guess += wanted - shown;
  }
  return new Date(guess);
}
