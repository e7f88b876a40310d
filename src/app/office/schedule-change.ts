import { type Executor, findOfficeById } from '../../db/repositories/offices.js';
import {
  countActiveFrom,
  listOfficeSessions,
  lockSessionDaysFrom,
  renameSessionLetter,
  insertSession,
  sessionIdsInUse,
} from '../../db/repositories/schedule.js';
import type { OfficeRow } from '../../db/schema.js';
import type { SessionTemplate } from '../../domain/availability.js';
import type { AppContext } from '../shared/context.js';
import { InvalidInputError } from '../../domain/errors.js';
import { eachDay, type LocalDate } from '../../domain/local-date.js';
import { freeQueueLetter } from '../../domain/schedule.js';
import { loadSessionsByDate, type SessionsByDate } from './queries/sessions-by-date.js';
import { releaseRulesOf } from './release-rules.js';

/** A session whose bookings outnumber its places after a change: every booking is kept and the admin is told. */
export interface PlacesWarning {
  /** OVER_NEW_LIMIT: fewer places than bookings; SESSION_DROPPED: the session no longer opens that date. */
  code: 'OVER_NEW_LIMIT' | 'SESSION_DROPPED';
  date: LocalDate;
  sessionId: number;
  start: string;
  end: string;
  booked: number;
  /** The new places; 0 when the session no longer opens. */
  capacity: number;
}

const FAR = '2100-12-31';

/**
 * Runs a change of an office's sessions or places so that bookings stay exact: the office row
 * is locked (one change at a time), then, after the change is written, every booking lock of
 * the office from today on is taken, so no booking is between its quota check and its commit
 * and every later one reads the new places. Bookings are counted under those locks and each
 * session left with more bookings than places is reported; nobody is removed.
 */
export async function changeSessions<T>(
  trx: Executor,
  office: OfficeRow,
  today: LocalDate,
  write: () => Promise<T>,
): Promise<{ result: T; warnings: PlacesWarning[]; changed: SlotChange[] }> {
  const before = await loadSessionsByDate(trx, office.id, today, FAR);
  const result = await write();
  const after = await loadSessionsByDate(trx, office.id, today, FAR);
  const fresh = (await findOfficeById(trx, office.id)) ?? office;
  // Every slot that can take a booking gets its lock row, so a first booking cannot slip past.
  const span = Math.max(1, Number(fresh.booking_days_ahead) + 1);
  const slots = eachDay(today, span).flatMap((date) => after(date).map((s) => ({ sessionId: s.id, date })));
  await lockSessionDaysFrom(trx, office.id, today, slots);
  const counts = await countActiveFrom(trx, office.id, today);
  // A new desk share or release schedule changes every day's online places.
  const rulesChanged = JSON.stringify(releaseRulesOf(fresh)) !== JSON.stringify(releaseRulesOf(office));
  const changed = eachDay(today, span).flatMap((date) => {
    const was = before(date);
    const now = after(date);
    const first = now[0] ?? was[0];
    return first && (rulesChanged || JSON.stringify(was) !== JSON.stringify(now)) ? [{ date, sessionId: first.id }] : [];
  });
  return { result, warnings: placesWarnings(counts, before, after), changed };
}

/** A date whose places changed, as open booking pages are told (they then read the day again). */
export interface SlotChange {
  date: LocalDate;
  sessionId: number;
}

/** Tells open booking pages, in every process, that places changed; call after the change commits. */
export async function announcePlaces(ctx: AppContext, officeId: number, changed: readonly SlotChange[]): Promise<void> {
  for (const c of changed) await ctx.events.publish({ officeId, type: 'availability', payload: { date: c.date, sessionId: c.sessionId } });
}

function placesWarnings(counts: { date: string; sessionId: number; count: number }[], before: SessionsByDate, after: SessionsByDate): PlacesWarning[] {
  const warnings: PlacesWarning[] = [];
  const find = (list: readonly SessionTemplate[], id: number) => list.find((s) => s.id === id);
  for (const c of counts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.sessionId - b.sessionId))) {
    const was = find(before(c.date), c.sessionId);
    const now = find(after(c.date), c.sessionId);
    if (now && (c.count <= now.capacity || now.capacity === was?.capacity)) continue;
    if (!now && !was) continue;
    const slot = (now ?? was)!;
    warnings.push({ code: now ? 'OVER_NEW_LIMIT' : 'SESSION_DROPPED', date: c.date, sessionId: c.sessionId, start: slot.start, end: slot.end, booked: c.count, capacity: now?.capacity ?? 0 });
  }
  return warnings;
}

/**
 * The slot ids of the given times, making new slots where none has those times. A new slot
 * takes the first free letter; when all 26 are taken, one of a slot nothing uses any more
 * (no schedule, no booking from today on) is handed over and the old slot renamed, so past
 * tickets keep their numbers. Call after removing the rows being replaced.
 */
export async function resolveSlots(
  trx: Executor,
  officeId: number,
  today: LocalDate,
  times: { start: string; end: string; field: string }[],
): Promise<Map<string, number>> {
  const all = await listOfficeSessions(trx, officeId);
  const ids = new Map<string, number>();
  let inUse: Set<number> | undefined;
  for (const t of times) {
    const key = slotKey(t.start, t.end);
    if (ids.has(key)) continue;
    const existing = all.find((s) => s.start_time === t.start && s.end_time === t.end && /^[A-Z]$/.test(s.letter));
    if (existing) {
      ids.set(key, Number(existing.id));
      continue;
    }
    let letter = freeQueueLetter(all.map((s) => s.letter));
    if (!letter) {
      inUse ??= await sessionIdsInUse(trx, officeId, today);
      const taken = new Set([...inUse, ...ids.values()]);
      const retired = all.find((s) => /^[A-Z]$/.test(s.letter) && !taken.has(Number(s.id)));
      if (!retired) throw new InvalidInputError([{ field: t.field, problem: 'TOO_MANY_SESSIONS' }]);
      letter = retired.letter;
      await renameSessionLetter(trx, Number(retired.id), `${retired.letter}${retired.id}`);
      retired.letter = `${retired.letter}${retired.id}`;
    }
    const id = await insertSession(trx, officeId, letter, t.start, t.end, 0);
    all.push({ id, office_id: officeId, letter, start_time: t.start, end_time: t.end, capacity: 0, active: 1 });
    ids.set(key, id);
  }
  return ids;
}

/** The key of a slot's times in `resolveSlots`' answer. */
export function slotKey(start: string, end: string): string {
  return `${start}-${end}`;
}

