import { z } from 'zod';
import type { ReleaseDayView } from '../../app/draw/queries/get-releases.js';
import type { Lang } from '../../texts/lang.js';
import { closureReason } from './availability.js';

const DrawSchema = z
  .object({
    drawAt: z.string().describe('When the draw window closed (ISO instant)'),
    status: z.enum(['open', 'running', 'done']).describe('open: taking entries; running: being made; done'),
    entrants: z.number().int().describe('People in the draw (one per NIK; those who already held a booking left out)'),
    places: z.number().int().describe('Places the draw could give: the online places left when it ran'),
    placed: z.number().int(),
    unplaced: z.number().int(),
    seed: z.string().nullable().describe('The 32-byte seed, hex, once the draw is made; with the entrants it fixes the order (see replayDraw in the README)'),
  })
  .meta({ id: 'ReleaseDraw' });

/** One day of the releases answer: counts only, no personal data. */
export const ReleaseDaySchema = z
  .object({
    date: z.string(),
    open: z.boolean(),
    closure: z
      .object({ kind: z.enum(['weekend', 'national_holiday', 'cuti_bersama', 'provisional_holiday', 'office_closure']), reason: z.string() })
      .nullable()
      .describe('Why the office is closed that day; null when it opens'),
    opensAt: z.string().describe("The first release wave (ISO instant), by the office's current release settings"),
    waves: z.array(z.object({ at: z.string(), percent: z.number().int().describe('Share of the online places this wave opens'), draw: DrawSchema.nullable() })),
    places: z.object({
      total: z.number().int().describe('Every place of the day'),
      heldForDesk: z.number().int().describe('Held back from online booking for the desk'),
      releasedOnline: z.number().int().describe('Online places opened by now'),
    }),
    taken: z.object({
      inDraw: z.number().int().describe('Online bookings made by the draws'),
      afterDraw: z.number().int().describe('Other online bookings (first come, first served)'),
      byDesk: z.number().int().describe('Desk and walk-in bookings'),
      cancelled: z.number().int().describe('Of these, cancelled since: each counted as taken, its place freed'),
    }),
    firstFullAt: z.string().nullable().describe('When as many online bookings had been made as online places were opened (ISO instant); null if never'),
  })
  .meta({ id: 'ReleaseDay' });

export type PresentedReleaseDay = z.infer<typeof ReleaseDaySchema>;

/** Days as the releases API shows them. */
export function presentReleaseDays(days: readonly ReleaseDayView[], lang: Lang): PresentedReleaseDay[] {
  return days.map((d) => ({
    date: d.date,
    open: d.open,
    closure: d.closure ? { kind: d.closure.kind, reason: closureReason(d.closure, lang) } : null,
    opensAt: d.opensAt.toISOString(),
    waves: d.waves.map((w) => ({
      at: w.at.toISOString(),
      percent: w.percent,
      draw: w.draw
        ? { drawAt: w.draw.drawAt.toISOString(), status: w.draw.status, entrants: w.draw.entrants, places: w.draw.places, placed: w.draw.placed, unplaced: w.draw.unplaced, seed: w.draw.seed }
        : null,
    })),
    places: { ...d.places },
    taken: { ...d.taken },
    firstFullAt: d.firstFullAt?.toISOString() ?? null,
  }));
}
