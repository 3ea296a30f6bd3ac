/**
 * Dates as the guide shows them. Platforms give a moment in UTC; the guide
 * shows its day in UTC too, so that a page reads the same wherever it is built.
 */
const day = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
const moment = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

/** "1 May 2024" style, for a date or a date and time. */
export function formatDay(timestamp: string): string {
  return day.format(new Date(timestamp));
}

/** The full moment, for a tooltip: "May 1, 2024 at 12:30 PM UTC"; a bare date stays a date. */
export function formatMoment(timestamp: string): string {
  return /T/.test(timestamp) ? `${moment.format(new Date(timestamp))} UTC` : formatDay(timestamp);
}
