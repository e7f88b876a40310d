import { listServices } from '../../../db/repositories/catalogue.js';
import { listOffices } from '../../../db/repositories/offices.js';
import { listWeeklySessions } from '../../../db/repositories/schedule.js';
import type { OfficeRow, ServiceRow } from '../../../db/schema.js';
import type { AppContext } from '../../shared/context.js';

/** The hours of one weekday: from the first session's start to the last one's end. */
export interface WeekdayHours {
  /** ISO weekday, 1 Monday … 7 Sunday. */
  weekday: number;
  start: string;
  end: string;
}

/** What the home page tells a first-time visitor about an office: its rules, hours, contact and services. */
export interface OfficeGuide {
  office: OfficeRow;
  /** Open weekdays in order; a weekday without sessions is closed and absent. */
  hours: WeekdayHours[];
  /** The services one can book, in their order, with what to bring. */
  services: ServiceRow[];
}

/** Every office with what its home page says; dated exceptions (holidays, a date's own sessions) are on the booking form. */
export async function getOfficeGuides(ctx: AppContext): Promise<OfficeGuide[]> {
  const db = ctx.storage.db;
  const offices = await listOffices(db);
  return Promise.all(
    offices.map(async (office) => {
      const [weekly, services] = await Promise.all([listWeeklySessions(db, office.id), listServices(db, office.id)]);
      const hours: WeekdayHours[] = [];
      for (const s of weekly) {
        const day = hours.find((h) => h.weekday === s.weekday);
        if (!day) hours.push({ weekday: s.weekday, start: s.start_time, end: s.end_time });
        else {
          if (s.start_time < day.start) day.start = s.start_time;
          if (s.end_time > day.end) day.end = s.end_time;
        }
      }
      return { office, hours: hours.sort((a, b) => a.weekday - b.weekday), services };
    }),
  );
}
