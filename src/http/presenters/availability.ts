import type { Closure, DayAvailability } from '../../domain/availability.js';
import type { Lang } from '../../domain/indonesian-format.js';

const KIND_LABEL: Record<Exclude<Closure['kind'], 'weekend' | 'cuti_bersama'>, Record<Lang, string>> = {
  national_holiday: { id: 'Libur Nasional', en: 'National holiday' },
  provisional_holiday: { id: 'Libur Nasional (sementara)', en: 'National holiday (provisional)' },
  office_closure: { id: 'Kantor tutup', en: 'Office closed' },
};

/** Why a day is closed, in words: "Libur Nasional: Hari Kemerdekaan Republik Indonesia". */
export function closureReason(closure: Closure, lang: Lang): string {
  if (closure.kind === 'weekend') return lang === 'en' ? 'Weekend' : 'Akhir pekan';
  // The decree's own names of cuti bersama already start with "Cuti Bersama".
  if (closure.kind === 'cuti_bersama') return closure.name;
  return `${KIND_LABEL[closure.kind][lang]}: ${closure.name}`;
}

/** Days as the availability API shows them; closed days carry a reason and no sessions. */
export function presentDays(days: DayAvailability[], lang: Lang) {
  return days.map((d) => ({
    date: d.date,
    open: d.open,
    reason: d.closure ? closureReason(d.closure, lang) : null,
    closedKind: d.closure?.kind ?? null,
    sessions: d.sessions.map((s) => ({
      id: s.id,
      letter: s.letter,
      start: s.start,
      end: s.end,
      capacity: s.capacity,
      remaining: s.remaining,
      bookable: s.bookable,
    })),
  }));
}
