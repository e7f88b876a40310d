/**
 * A booking with the office, service and session facts every presentation needs: what use
 * cases hand to `http`, so pages and presenters never reach for the storage layer. It is the
 * repository's row type, named here so that a second copy of its fields cannot drift.
 */
export type { BookingView } from '../../db/repositories/bookings.js';
