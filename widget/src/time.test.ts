import { describe, expect, it } from 'vitest';
import { dayAndTime, groupByDay, timeOnly } from './time';

const slot = (start: string) => ({ start, end: start, localStart: '' });

describe('groupByDay', () => {
  const slots = [slot('2026-12-01T08:00:00Z'), slot('2026-12-01T23:30:00Z'), slot('2026-12-02T09:00:00Z')];

  it("groups by the visitor's day, not the UTC day", () => {
    // 23:30 UTC is already 2 December in Berlin.
    const berlin = groupByDay(slots, 'Europe/Berlin', 'en');
    expect(berlin.map((day) => [day.key, day.slots.map((entry) => entry.time)])).toEqual([
      ['2026-12-01', ['09:00']],
      ['2026-12-02', ['00:30', '10:00']],
    ]);
    const newYork = groupByDay(slots, 'America/New_York', 'en');
    expect(newYork.map((day) => [day.key, day.slots.map((entry) => entry.time)])).toEqual([
      ['2026-12-01', ['03:00', '18:30']],
      ['2026-12-02', ['04:00']],
    ]);
  });

  it('labels days in the widget language and keeps the server instant on each slot', () => {
    const [first] = groupByDay(slots, 'Europe/Berlin', 'de');
    expect(first?.label).toBe('Dienstag, 1. Dezember');
    expect(first?.slots[0]?.slot.start).toBe('2026-12-01T08:00:00Z');
    expect(groupByDay(slots, 'Europe/Berlin', 'en')[0]?.label).toBe('Tuesday 1 December');
  });

  it('skips slots it cannot read', () => {
    expect(groupByDay([slot('not a time')], 'UTC', 'en')).toEqual([]);
  });
});

describe('dayAndTime and timeOnly', () => {
  it('formats on the given clock', () => {
    expect(dayAndTime('2026-12-01T09:00:00Z', 'Europe/Berlin', 'en')).toMatch(/1 December.*10:00/);
    expect(timeOnly('2026-12-01T09:00:00Z', 'Asia/Tokyo', 'en')).toBe('18:00');
  });

  it("falls back to the browser's zone for an unknown zone name", () => {
    expect(() => timeOnly('2026-12-01T09:00:00Z', 'Mars/Olympus', 'en')).not.toThrow();
  });
});
