// Interface dates: Bikram Sambat (from nepali-date-converter) in Nepali digits for the Nepali
// interface, Gregorian for the English one, read in the time zone given.
import { describe, it, expect } from 'vitest';
import { bikramSambat, formatBikramSambat, formatDate, formatGregorian } from '@/lib/i18n/dates';

const KATHMANDU = 'Asia/Kathmandu'; // UTC+5:45

describe('Bikram Sambat dates', () => {
  it('converts known new years (1 Baisakh 2080 and 2081)', () => {
    expect(bikramSambat(new Date('2023-04-14T06:00:00Z'), KATHMANDU)).toEqual({ year: 2080, month: 1, day: 1 });
    expect(bikramSambat(new Date('2024-04-13T06:00:00Z'), KATHMANDU)).toEqual({ year: 2081, month: 1, day: 1 });
    const eve = bikramSambat(new Date('2024-04-12T06:00:00Z'), KATHMANDU);
    expect([eve.year, eve.month]).toEqual([2080, 12]);
  });

  it('reads the day in the given time zone', () => {
    // 20:00 UTC on 12 April is already 01:45 on 13 April (the new year) in Kathmandu.
    const instant = new Date('2024-04-12T20:00:00Z');
    expect(bikramSambat(instant, KATHMANDU)).toEqual({ year: 2081, month: 1, day: 1 });
    expect(bikramSambat(instant, 'UTC').year).toBe(2080);
  });

  it('formats with Nepali digits and the Nepali month name, time included', () => {
    const text = formatBikramSambat(new Date('2024-04-13T06:15:00Z'), KATHMANDU);
    expect(text).toMatch(/^०१ बैशाख २०८१, १२:००$/);
    expect(text).not.toMatch(/[0-9]/);
    expect(formatDate(new Date('2024-04-13T06:15:00Z'), 'ne', KATHMANDU)).toBe(text);
  });

  it('the English interface gets Gregorian dates', () => {
    const text = formatGregorian(new Date('2024-04-13T06:15:00Z'), KATHMANDU);
    expect(text).toMatch(/13 Apr 2024/);
    expect(text).toMatch(/12:00/);
    expect(formatDate(new Date('2024-04-13T06:15:00Z'), 'en', KATHMANDU)).toBe(text);
  });
});
