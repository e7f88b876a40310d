import { countReleaseBookings, listDrawsBetween, nthOnlineBookingAt } from '../../../db/repositories/release-report.js';
import type { OfficeRow } from '../../../db/schema.js';
import type { Closure } from '../../../domain/availability.js';
import { type LocalDate, daysBetween } from '../../../domain/local-date.js';
import { officeClock } from '../../../domain/office-clock.js';
import { type DayPlaces, dayPlaces, releaseReportRange } from '../../../domain/release-report.js';
import { releasesOf, wavesOf } from '../../../domain/release-schedule.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { planOfficeDays } from '../../office/queries/plan-office-days.js';
import { releaseRulesOf } from '../../office/release-rules.js';
import type { AppContext } from '../../shared/context.js';

export interface GetReleasesOptions {
  officeSlug: string;
  /** First date of service; see `releaseReportRange` for the default. */
  from?: LocalDate | undefined;
  to?: LocalDate | undefined;
}

/** A wave's draw as the public sees it: counts and, once made, its seed. */
export interface ReleaseDrawView {
  drawAt: Date;
  status: 'open' | 'running' | 'done';
  entrants: number;
  places: number;
  placed: number;
  unplaced: number;
  /** Hex; null until the draw is made. */
  seed: string | null;
}

/** One wave of a day's release. */
export interface ReleaseWaveView {
  at: Date;
  /** Percent of the online places this wave opens (its own share, not the running total). */
  percent: number;
  /** Null: the draw is off, or nobody entered. */
  draw: ReleaseDrawView | null;
}

/** How the places of a day went: no personal data, counts only. */
export interface ReleaseDayView {
  date: LocalDate;
  open: boolean;
  closure: Closure | null;
  /** The first wave. */
  opensAt: Date;
  waves: ReleaseWaveView[];
  places: DayPlaces;
  taken: {
    /** Online bookings the draws made. */
    inDraw: number;
    /** Other online bookings of the date. */
    afterDraw: number;
    /** Desk and walk-in bookings. */
    byDesk: number;
    /** Of the three, how many were cancelled since (their places freed for others). */
    cancelled: number;
  };
  /** When as many online bookings had been made as online places were opened; null if never. */
  firstFullAt: Date | null;
}

/**
 * The public account of an office's releases, day by day: places, how they were taken, each
 * wave's draw with its seed once made. Bookings are counted by the date they are for now (one
 * moved from another day counts on its new day) and every booking made counts, cancelled ones
 * too (a place taken, then freed), so `taken` never hides a rush behind later cancellations.
 */
export async function getReleases(ctx: AppContext, opts: GetReleasesOptions): Promise<{ office: OfficeRow; from: LocalDate; to: LocalDate; days: ReleaseDayView[] }> {
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  const now = ctx.now();
  const rules = releaseRulesOf(office);
  const zone = office.timezone;
  const { from, to } = releaseReportRange({ from: opts.from, to: opts.to }, rules, zone, now);
  const [planned, counts, draws] = await Promise.all([
    // The desk's view: every place of each session, whatever online booking may fill.
    planOfficeDays(db, office, officeClock(office, now), from, daysBetween(from, to) + 1, 'desk'),
    countReleaseBookings(db, office.id, from, to),
    listDrawsBetween(db, office.id, from, to),
  ]);
  const percents = wavesOf(rules).map((w) => w.percent);
  const days = planned.map((p): ReleaseDayView => {
    const mine = counts.filter((c) => c.date === p.date);
    const sum = (keep: (c: (typeof mine)[number]) => boolean) => mine.filter(keep).reduce((n, c) => n + c.count, 0);
    const waves = releasesOf(p.date, rules, zone).map((r, i): ReleaseWaveView => {
      const d = draws.find((x) => x.date === p.date && Number(x.wave) === r.wave);
      return {
        at: r.at,
        percent: percents[i] ?? 0,
        draw: d
          ? {
              drawAt: new Date(d.draw_at),
              status: d.status,
              // Before the draw is made, the entries so far (its own count is written when it is made).
              entrants: d.status === 'done' ? Number(d.entrants) : d.entered,
              places: Number(d.places),
              placed: Number(d.placed),
              unplaced: Number(d.unplaced),
              // The seed is stored when the draw is claimed; it is told once the placements are made from it.
              seed: d.status === 'done' ? d.seed : null,
            }
          : null,
      };
    });
    return {
      date: p.date,
      open: p.open,
      closure: p.closure,
      opensAt: waves[0]!.at,
      waves,
      places: p.open ? dayPlaces(p.sessions.map((s) => s.capacity), p.date, rules, zone, now) : { total: 0, heldForDesk: 0, releasedOnline: 0 },
      taken: {
        inDraw: sum((c) => c.channel === 'online' && c.byDraw),
        afterDraw: sum((c) => c.channel === 'online' && !c.byDraw),
        byDesk: sum((c) => c.channel !== 'online'),
        cancelled: sum((c) => c.cancelled),
      },
      firstFullAt: null,
    };
  });
  // One small query per day whose online bookings reached its online places: the moment the last of them was taken.
  for (const day of days) {
    const online = day.taken.inDraw + day.taken.afterDraw;
    const all = day.places.releasedOnline;
    if (all > 0 && online >= all) {
      const at = await nthOnlineBookingAt(db, office.id, day.date, all);
      day.firstFullAt = at ? new Date(at) : null;
    }
  }
  return { office, from, to, days };
}
