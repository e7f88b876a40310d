import type { Closure, DayAvailability, SessionAvailability } from '../../domain/availability.js';
import { bookablePlaces } from '../../domain/next-open-day.js';
import { z } from 'zod';
import { formatOpening } from '../../texts/indonesian-format.js';
import { t, textsFor } from '../../texts/texts.js';
import type { Lang } from '../../texts/lang.js';

/** One date of the availability answer; closed dates carry a reason and no sessions. */
export const DaySchema = z
  .object({
    date: z.string(),
    open: z.boolean(),
    reason: z.string().nullable().describe('Why the office is closed that day, in words'),
    places: z.number().int().describe('Places a citizen can still book that day'),
    label: z.string().nullable().describe('What the booking page says of an open day\'s places'),
    closedKind: z.enum(['weekend', 'national_holiday', 'cuti_bersama', 'provisional_holiday', 'office_closure']).nullable(),
    opensAt: z.string().nullable().describe('When an open day first opens to online booking (ISO instant, its first release wave); null once it has opened'),
    sessions: z.array(
      z.object({
        id: z.number().int(),
        letter: z.string(),
        start: z.string(),
        end: z.string(),
        capacity: z.number().int(),
        remaining: z.number().int(),
        bookable: z.boolean().describe('Open for booking now: inside the booking window and with places left'),
        label: z.string().describe('What the booking page says of its places, e.g. "Sisa 3 tempat" or "Dibuka Senin, 7 Desember, 07.00 WIB"'),
        opensAt: z.string().nullable().describe('When more of its online places open (ISO instant, the next release wave); null once all are open'),
      }),
    ),
  })
  .meta({ id: 'Day' });

/** Why a day is closed, in words: "Libur Nasional: Hari Kemerdekaan Republik Indonesia". */
export function closureReason(closure: Closure, lang: Lang): string {
  if (closure.kind === 'weekend') return t(lang, 'closure.weekend');
  // The decree's own names of cuti bersama already start with "Cuti Bersama".
  if (closure.kind === 'cuti_bersama') return closure.name;
  return t(lang, `closure.${closure.kind}`, { name: closure.name });
}

/**
 * What a session's button says of its places: "Sisa 3 tempat", "Penuh" or "Tidak tersedia";
 * before its release "Dibuka Senin, 7 Desember, 07.00 WIB", and, when its open share is taken
 * but a later wave opens more, that it is full until then.
 */
export function sessionPlacesLabel(s: SessionAvailability, lang: Lang, zone: string): string {
  const text = textsFor(lang);
  if (s.bookable) return text('citizen.placesLeft', { n: s.remaining });
  if (s.opensAt) return text(s.openPlaces ? 'citizen.moreOpenOn' : 'citizen.opensOn', { when: formatOpening(s.opensAt, zone, lang) });
  return s.remaining === 0 ? text('citizen.full') : text('citizen.unavailable');
}

/** What an open day's heading says: the places of its bookable sessions, "Penuh" when every one is full, or when it opens. */
export function dayPlacesLabel(day: DayAvailability, lang: Lang, zone: string): string {
  const text = textsFor(lang);
  if (day.opensAt) return text('citizen.opensOn', { when: formatOpening(day.opensAt, zone, lang) });
  const places = bookablePlaces(day);
  if (places) return text('citizen.placesLeft', { n: places });
  return day.sessions.every((s) => s.remaining === 0) ? text('citizen.full') : text('citizen.unavailable');
}

/**
 * Days as the availability API shows them; closed days carry a reason and no sessions. The
 * labels are the booking page's own words, so its script refreshes them without a copy of the rules.
 */
export function presentDays(days: DayAvailability[], lang: Lang, zone: string): z.infer<typeof DaySchema>[] {
  return days.map((d) => ({
    date: d.date,
    open: d.open,
    reason: d.closure ? closureReason(d.closure, lang) : null,
    /** Places a citizen can still book that day. */
    places: bookablePlaces(d),
    label: d.open ? dayPlacesLabel(d, lang, zone) : null,
    closedKind: d.closure?.kind ?? null,
    opensAt: d.opensAt?.toISOString() ?? null,
    sessions: d.sessions.map((s) => ({
      id: s.id,
      letter: s.letter,
      start: s.start,
      end: s.end,
      capacity: s.capacity,
      remaining: s.remaining,
      bookable: s.bookable,
      label: sessionPlacesLabel(s, lang, zone),
      opensAt: s.opensAt?.toISOString() ?? null,
    })),
  }));
}
