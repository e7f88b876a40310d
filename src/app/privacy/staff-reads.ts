import { type PersonalDataAction, recordPersonalDataAccess } from '../../db/repositories/personal-data.js';
import type { AppContext } from '../shared/context.js';

export type { PersonalDataAction };

/** The staff member reading personal data, as the record names them. */
export interface StaffReader {
  userId: number;
  username: string;
  role: string;
}

/**
 * Records that a staff member saw these bookings' personal data, for what. Written outside the
 * read's own transaction, on the database: a read is a read even when the page then fails.
 */
export async function recordStaffReads(
  ctx: AppContext,
  reader: StaffReader | undefined,
  bookings: readonly { id: number; office_id: number; personal_data_erased_at?: string | null }[],
  action: PersonalDataAction,
): Promise<void> {
  if (!reader) return;
  // An erased booking shows nothing personal: no read to record.
  const read = bookings.filter((b) => !b.personal_data_erased_at);
  const byOffice = new Map<number, number[]>();
  for (const b of read) byOffice.set(b.office_id, [...(byOffice.get(b.office_id) ?? []), Number(b.id)]);
  const at = ctx.now().toISOString();
  for (const [officeId, bookingIds] of byOffice) {
    await recordPersonalDataAccess(ctx.storage.db, { at, officeId, bookingIds, userId: reader.userId, username: reader.username, role: reader.role, action });
  }
}
