// Appointment times as the visitor reads them: grouped by day on the visitor's clock, with the
// business's clock alongside where the two differ.
import type { Language } from './config';
import type { Slot } from './api';

export interface DayGroup {
  /** The day on the visitor's clock, yyyy-mm-dd. */
  key: string;
  /** The day as a heading, e.g. "Tuesday, 1 December". */
  label: string;
  slots: { slot: Slot; time: string }[];
}

/** The visitor's IANA time zone, as the browser knows it. */
export function visitorZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const locale = (language: Language): string => (language === 'de' ? 'de-DE' : 'en-GB');

function format(language: Language, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale(language), { ...options, timeZone: zone });
  } catch {
    // An unknown zone name: fall back to the browser's own.
    return new Intl.DateTimeFormat(locale(language), options);
  }
}

const DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** The slots by day on the visitor's clock, earliest first, keeping the server's order within a day. */
export function groupByDay(slots: readonly Slot[], zone: string, language: Language): DayGroup[] {
  const keyFormat = format('en', zone, { year: 'numeric', month: '2-digit', day: '2-digit' });
  const dayFormat = format(language, zone, DAY);
  const timeFormat = format(language, zone, TIME);
  const groups = new Map<string, DayGroup>();
  for (const slot of slots) {
    const at = new Date(slot.start);
    if (Number.isNaN(at.getTime())) continue;
    const parts = Object.fromEntries(keyFormat.formatToParts(at).map((part) => [part.type, part.value]));
    const key = `${parts.year}-${parts.month}-${parts.day}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, label: dayFormat.format(at), slots: [] };
      groups.set(key, group);
    }
    group.slots.push({ slot, time: timeFormat.format(at) });
  }
  return [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A start instant as day and time on the given clock, e.g. "Tuesday, 1 December, 10:00". */
export function dayAndTime(start: string, zone: string, language: Language): string {
  return format(language, zone, { ...DAY, ...TIME }).format(new Date(start));
}

/** The time only, e.g. "10:00". */
export function timeOnly(start: string, zone: string, language: Language): string {
  return format(language, zone, TIME).format(new Date(start));
}
