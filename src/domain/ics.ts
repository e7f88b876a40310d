/**
 * An appointment as an iCalendar file (RFC 5545) that a phone's calendar app can import.
 * Times are written in the office's own zone with a VTIMEZONE, so the event shows at 08.00 in
 * Bogor whatever zone the phone is set to.
 */
import { dateParts, instantOf, type LocalDate, utcOffsetMinutes } from './local-date.js';

/** One session at an office, as a calendar event. */
export interface CalendarEvent {
  /** Globally unique and stable across reschedules, so a re-import updates the same event. */
  uid: string;
  /** When this version of the event was made (the booking's last change). */
  stamp: Date;
  date: LocalDate;
  /** `HH:MM` in the office's zone. */
  start: string;
  end: string;
  /** IANA zone of the office, such as `Asia/Jakarta`. */
  zone: string;
  /** The zone's name for people at the event (`WIB`); words are presentation, so the caller brings them. */
  zoneName: string;
  summary: string;
  location: string;
  description: string;
  url?: string;
  /** Minutes before the start at which the phone reminds; none when absent. */
  alarmMinutesBefore?: number;
}

/** RFC 5545 caps lines at 75 octets, excluding the line break. */
const MAX_LINE_OCTETS = 75;
const CRLF = '\r\n';
const utf8 = new TextEncoder();

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeIcsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line into lines of at most 75 octets, each continuation starting with a
 * space (RFC 5545 §3.1). Splits fall between characters, never inside a UTF-8 sequence.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8.encode(ch).length;
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      // The leading space of a continuation counts towards its 75 octets.
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

function pad(n: number, width: number): string {
  return String(Math.abs(n)).padStart(width, '0');
}

/** `20261207T080000`: a local date-time, its zone given by TZID. */
function localDateTime(date: LocalDate, time: string): string {
  const { year, month, day } = dateParts(date);
  return `${pad(year, 4)}${pad(month, 2)}${pad(day, 2)}T${time.replace(':', '')}00`;
}

/** `20261201T020000Z`: an instant in UTC. */
function utcDateTime(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** `+0700`, `-0330`. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60), 2)}${pad(Math.abs(minutes) % 60, 2)}`;
}

/**
 * The whole `.ics` file for one event, CRLF line ends and folded lines. The VTIMEZONE states
 * one fixed offset, the one in force at the event: right for Indonesia's WIB, WITA and WIT,
 * which keep no daylight saving time.
 */
export function calendarFile(event: CalendarEvent, productId = '-//Antrean//Antrean//ID'): string {
  const startsAt = instantOf(event.date, event.start, event.zone);
  const offset = offsetText(utcOffsetMinutes(event.zone, startsAt));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${productId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VTIMEZONE',
    `TZID:${event.zone}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    `TZNAME:${event.zoneName}`,
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utcDateTime(event.stamp)}`,
    `DTSTART;TZID=${event.zone}:${localDateTime(event.date, event.start)}`,
    `DTEND;TZID=${event.zone}:${localDateTime(event.date, event.end)}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    `LOCATION:${escapeIcsText(event.location)}`,
    `DESCRIPTION:${escapeIcsText(event.description)}`,
    ...(event.url ? [`URL:${event.url}`] : []),
    ...(event.alarmMinutesBefore !== undefined
      ? ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeIcsText(event.summary)}`, `TRIGGER:-PT${event.alarmMinutesBefore}M`, 'END:VALARM']
      : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}
