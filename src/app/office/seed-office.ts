import { insertServices } from '../../db/repositories/catalogue.js';
import { insertCounters } from '../../db/repositories/counters.js';
import type { Executor } from '../../db/repositories/offices.js';
import { insertSession, replaceWeeklySessions } from '../../db/repositories/schedule.js';
import { DEFAULT_OFFICE } from './default-office.js';

/**
 * Gives a new office what the seed office starts with, so it is bookable at once: the five
 * sessions of 40 on each open weekday, the seed services and counters.
 */
export async function seedOffice(trx: Executor, officeId: number): Promise<void> {
  const o = DEFAULT_OFFICE;
  const weekly = [];
  for (const s of o.sessions) {
    const sessionId = await insertSession(trx, officeId, s.letter, s.start, s.end, s.capacity);
    for (const weekday of o.openWeekdays) weekly.push({ office_id: officeId, weekday, session_id: sessionId, capacity: s.capacity });
  }
  await replaceWeeklySessions(trx, officeId, weekly);
  await insertServices(
    trx,
    o.services.map((s, i) => ({
      office_id: officeId,
      code: s.code,
      name: s.name,
      name_en: s.nameEn,
      documents: JSON.stringify(s.documents),
      documents_en: JSON.stringify(s.documentsEn),
      eligibility: 'eligibility' in s ? s.eligibility : '',
      eligibility_en: 'eligibilityEn' in s ? s.eligibilityEn : '',
      needs_presence: s.needsPresence ? 1 : 0,
      sort_order: i,
      active: 1,
    })),
  );
  await insertCounters(trx, officeId, o.counters);
}
