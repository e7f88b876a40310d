import type { Executor } from './offices.js';

/**
 * Takes one owner-check attempt of a booking, before the NIK is compared: true when it was
 * still below `max` failures. Conditional in one statement, so parallel guesses from several
 * processes cannot all slip under the limit.
 */
export async function takeOwnerCheckAttempt(db: Executor, bookingId: number, max: number): Promise<boolean> {
  const result = await db
    .updateTable('bookings')
    .set((eb) => ({ owner_check_failures: eb('owner_check_failures', '+', 1) }))
    .where('id', '=', bookingId)
    .where('owner_check_failures', '<', max)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Gives back an attempt taken by a check that passed: only wrong NIKs count. */
export async function returnOwnerCheckAttempt(db: Executor, bookingId: number): Promise<void> {
  await db
    .updateTable('bookings')
    .set((eb) => ({ owner_check_failures: eb('owner_check_failures', '-', 1) }))
    .where('id', '=', bookingId)
    .where('owner_check_failures', '>', 0)
    .execute();
}
