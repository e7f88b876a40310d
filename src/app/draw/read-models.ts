import type { BookingView } from '../booking/read-models.js';
import type { DayAvailability } from '../../domain/availability.js';

/** What became of an entry, as the citizen sees it. */
export type EntryStatus = 'entered' | 'booked' | 'unplaced';

/** An entry in a release's draw, as use cases hand it to `http`: no personal data. */
export interface Entry {
  id: string;
  status: EntryStatus;
  /** When the draw closes and is made. */
  drawAt: Date;
  officeSlug: string;
  officeTimezone: string;
  date: string;
  sessionId: number;
  serviceId: number;
  /** Why an unplaced entry got nothing: `no_place`, or `already_booked` (the NIK held a booking by then). */
  unplacedReason: string | null;
}

/** An entry with what its state leads to: the booking once booked, the next days with places once unplaced. */
export interface EntryState extends Entry {
  booking?: BookingView;
  nextDays?: DayAvailability[];
  /** Seconds of the draw window, for the waiting page's words. */
  drawSeconds: number;
  officeName: string;
  /** The session and service chosen, for the waiting page. */
  choice: { start: string; end: string; serviceName: string; serviceNameEn: string };
}
