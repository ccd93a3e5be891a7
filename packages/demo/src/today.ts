// The demo's "today" is the date in Sweden, not in UTC: at 00:30 Swedish time it is already tomorrow.

const stockholmDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * @param now - the current instant; the caller reads the clock, the generator never does
 * @returns the calendar date in Europe/Stockholm as YYYY-MM-DD
 */
export function todayInStockholm(now: Date): string {
  const parts = stockholmDate.formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
