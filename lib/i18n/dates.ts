// Dates in the interface: Bikram Sambat with Nepali digits and month names in the Nepali
// interface (the conversion comes from nepali-date-converter, which keeps the calendar's
// tables), Gregorian in the English one. Both read the date in the time zone they are given
// (the reader's own on the client), so call them in the browser after mount: the server does
// not know the reader's zone, and formatting there would not match (a hydration mismatch).
import NepaliDateModule from 'nepali-date-converter';
import { toDevanagariDigits } from './strings';

type NepaliDateLike = {
  format(pattern: string, language?: 'np' | 'en'): string;
  getBS(): { year: number; month: number; date: number };
};
type NepaliDateClass = new (date: Date) => NepaliDateLike;
// The package's CommonJS build puts the class under `default` when Node loads it directly.
const NepaliDate = ((NepaliDateModule as unknown as { default?: NepaliDateClass }).default ??
  NepaliDateModule) as unknown as NepaliDateClass;

/** The Bikram Sambat date of `date` in the time zone `timeZone` (default: this runtime's own). */
export function bikramSambat(date: Date, timeZone?: string): { year: number; month: number; day: number } {
  const bs = new NepaliDate(wallClock(date, timeZone)).getBS();
  return { year: bs.year, month: bs.month + 1, day: bs.date };
}

/** "१६ मंसिर २०८३, १८:३०": day, month name and year in Bikram Sambat, then the time, in Nepali digits. */
export function formatBikramSambat(date: Date, timeZone?: string): string {
  const local = wallClock(date, timeZone);
  const day = new NepaliDate(local).format('DD MMMM YYYY', 'np');
  const time = `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
  return `${day}, ${toDevanagariDigits(time)}`;
}

/** "2 Dec 2026, 18:30". */
export function formatGregorian(date: Date, timeZone?: string): string {
  return date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
}

export function formatDate(date: Date, lang: 'ne' | 'en', timeZone?: string): string {
  return lang === 'en' ? formatGregorian(date, timeZone) : formatBikramSambat(date, timeZone);
}

/** A Date whose local fields show the wall-clock time of `date` in `timeZone` (the converter reads local fields). */
function wallClock(date: Date, timeZone?: string): Date {
  if (!timeZone) return date;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return new Date(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
}
