/**
 * Dates and times as Indonesians write them: "Senin, 7 Desember 2026, 08.00–09.00 WIB".
 * Names come from our own tables, not from `Intl`: a server built with small ICU data would
 * otherwise print English or "M12" months, and tickets must read the same everywhere.
 */
import { dateParts, instantOf, isoWeekday, isTimeOfDay, timeIn, todayIn, utcOffsetMinutes, type LocalDate } from '../domain/local-date.js';
import type { Lang } from './lang.js';

// Indexed by ISO weekday − 1 (Monday first) and by month − 1.
const DAY_NAMES: Record<Lang, readonly string[]> = {
  id: ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const SHORT_DAY_NAMES: Record<Lang, readonly string[]> = {
  id: ['Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab', 'Min'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
const MONTH_NAMES: Record<Lang, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
// "Agu" as in CLDR; "Agt" and "Ags" are also seen, but one spelling must win.
const SHORT_MONTH_NAMES: Record<Lang, readonly string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

const INDONESIAN_ZONES: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  // West Kalimantan keeps western time although it lies in the middle of the country.
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

function nameAt(names: readonly string[], index: number): string {
  const name = names[index];
  if (name === undefined) throw new RangeError(`No name at index ${index}`);
  return name;
}

function utcOffsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest === 0 ? '' : `:${String(rest).padStart(2, '0')}`}`;
}

/**
 * WIB, WITA or WIT for Indonesia's zones; elsewhere the UTC offset ("UTC+7", "UTC-3:30") at
 * `at`, or, without it, the zone's standard offset (the lower of January's and July's).
 */
export function zoneAbbreviation(zone: string, at?: Date): string {
  const abbreviation = INDONESIAN_ZONES[zone];
  if (abbreviation !== undefined) return abbreviation;
  if (at) return utcOffsetLabel(utcOffsetMinutes(zone, at));
  // Daylight time adds to the standard offset in both hemispheres, so the lower of a January
  // and a July offset is the standard one. The year is fixed because formatting never reads the
  // clock; fixed-offset zones, the only ones an Indonesian office could sensibly use, ignore it.
  const referenceYear = 2026;
  return utcOffsetLabel(
    Math.min(
      utcOffsetMinutes(zone, new Date(Date.UTC(referenceYear, 0, 15))),
      utcOffsetMinutes(zone, new Date(Date.UTC(referenceYear, 6, 15))),
    ),
  );
}

/** "Senin, 7 Desember 2026" / "Monday, 7 December 2026". */
export function formatDate(d: LocalDate, lang: Lang): string {
  const { year, month, day } = dateParts(d);
  return `${nameAt(DAY_NAMES[lang], isoWeekday(d) - 1)}, ${day} ${nameAt(MONTH_NAMES[lang], month - 1)} ${year}`;
}

/**
 * An instant on an office's clock without the year, as a release is announced: "Senin,
 * 7 Desember, 07.00 WIB" / "Monday, 7 December, 07:00 WIB".
 */
export function formatOpening(at: Date, zone: string, lang: Lang): string {
  const date = todayIn(zone, at);
  const { month, day } = dateParts(date);
  return `${nameAt(DAY_NAMES[lang], isoWeekday(date) - 1)}, ${day} ${nameAt(MONTH_NAMES[lang], month - 1)}, ${formatTime(timeIn(zone, at), lang)} ${zoneAbbreviation(zone, at)}`;
}

/** "Sen, 7 Des" / "Mon, 7 Dec", for compact day pickers. */
export function formatShortDate(d: LocalDate, lang: Lang): string {
  const { month, day } = dateParts(d);
  return `${nameAt(SHORT_DAY_NAMES[lang], isoWeekday(d) - 1)}, ${day} ${nameAt(SHORT_MONTH_NAMES[lang], month - 1)}`;
}

/** "08.00" in Indonesian, which separates hours and minutes with a dot; "08:00" in English. */
export function formatTime(time: string, lang: Lang): string {
  if (!isTimeOfDay(time)) throw new RangeError(`Not a time of day HH:MM: ${JSON.stringify(time)}`);
  return lang === 'id' ? time.replace(':', '.') : time;
}

/** "08.00–09.00 WIB" (en dash): a session's hours with its zone, on its own day's offset. */
export function formatSessionHours(d: LocalDate, start: string, end: string, zone: string, lang: Lang): string {
  // The session's own instant picks the offset, so zones with DST show the one in force that day.
  const zoneLabel = zoneAbbreviation(zone, instantOf(d, start, zone));
  return `${formatTime(start, lang)}–${formatTime(end, lang)} ${zoneLabel}`;
}

/** "Senin, 7 Desember 2026, 08.00–09.00 WIB" (en dash), the way a session is announced. */
export function formatSession(d: LocalDate, start: string, end: string, zone: string, lang: Lang): string {
  return `${formatDate(d, lang)}, ${formatSessionHours(d, start, end, zone, lang)}`;
}

/**
 * Opening hours of a week, runs of weekdays with the same hours joined: "Senin–Jumat 08.00–14.00
 * WIB; Sabtu 08.00–12.00 WIB". Weekdays are ISO (1 Monday … 7 Sunday) and come in order.
 */
export function formatWeekHours(days: readonly { weekday: number; start: string; end: string }[], zone: string, lang: Lang): string {
  const runs: { from: number; to: number; start: string; end: string }[] = [];
  for (const d of days) {
    const last = runs[runs.length - 1];
    if (last && last.to === d.weekday - 1 && last.start === d.start && last.end === d.end) last.to = d.weekday;
    else runs.push({ from: d.weekday, to: d.weekday, start: d.start, end: d.end });
  }
  const names = DAY_NAMES[lang];
  const label = zoneAbbreviation(zone);
  return runs
    .map((r) => {
      const dayNames = r.from === r.to ? nameAt(names, r.from - 1) : `${nameAt(names, r.from - 1)}–${nameAt(names, r.to - 1)}`;
      return `${dayNames} ${formatTime(r.start, lang)}–${formatTime(r.end, lang)} ${label}`;
    })
    .join('; ');
}
