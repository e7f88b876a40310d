import { type Executor } from './offices.js';
import type { DrawEntryRow, DrawRow } from '../schema.js';
import { dataCipher } from '../../privacy/data-cipher.js';
import { ACTIVE_STATUSES } from '../../domain/ticket-status.js';
import { preparedQuery } from '../prepared-query.js';
import type { EngineCapabilities } from '../engine.js';

export const UNIQUE_ENTRY_NIK = { name: 'draw_entries_one_per_nik', sqliteColumns: 'draw_entries.draw_id, draw_entries.nik_hmac' };

/** An entry with its person opened, and its draw's facts. */
/** An entry as its waiting page shows it: its draw's facts and its choice, never its person. */
export interface EntryView {
  id: string;
  office_id: number;
  session_id: number;
  service_id: number;
  status: DrawEntryRow['status'];
  unplaced_reason: string | null;
  booking_id: number | null;
  draw_at: string;
  date: string;
  office_slug: string;
  office_name: string;
  office_timezone: string;
  session_start: string;
  session_end: string;
  service_name: string;
  service_name_en: string;
}

/** The person of an entry, in clear. */
export interface EntryPerson {
  nik: string;
  name: string;
  phone: string;
  email: string | null;
}

function openEntry<T extends { nik: string; name: string; phone: string; email: string | null; key_id: string | null }>(row: T): T {
  if (row.key_id === null) return row;
  const cipher = dataCipher();
  const open = (value: string) => (value === '' ? '' : cipher.open(value));
  return { ...row, nik: open(row.nik), name: open(row.name), phone: open(row.phone), email: row.email === null ? null : open(row.email) };
}

function sealPerson(person: EntryPerson) {
  const cipher = dataCipher();
  const seal = (value: string) => (value === '' ? '' : cipher.seal(value));
  return {
    nik: seal(person.nik),
    nik_hmac: cipher.lookupHash(person.nik),
    name: seal(person.name),
    phone: seal(person.phone),
    email: person.email == null ? null : seal(person.email),
    key_id: cipher.keyId,
  };
}

/** The draw of a date's wave, made open on first use; returns it as it stands. */
export async function ensureDraw(db: Executor, draw: { officeId: number; date: string; wave: number; releaseAt: string; drawAt: string }): Promise<DrawRow> {
  await db
    .insertInto('draws')
    .values({ office_id: draw.officeId, date: draw.date, wave: draw.wave, release_at: draw.releaseAt, draw_at: draw.drawAt, status: 'open', seed: null, run_at: null, claimed_by: null, lease_until: null, sessions_json: null, finished_at: null })
    .onConflict((oc) => oc.columns(['office_id', 'date', 'wave']).doNothing())
    .execute();
  return db.selectFrom('draws').selectAll().where('office_id', '=', draw.officeId).where('date', '=', draw.date).where('wave', '=', draw.wave).executeTakeFirstOrThrow();
}

/** The office's draws not run yet, of any date, with when their windows close: few at any time. */
export function listUnfinishedDraws(db: Executor, officeId: number) {
  return db.selectFrom('draws').select(['id', 'date', 'draw_at']).where('office_id', '=', officeId).where('status', '!=', 'done').execute();
}

/** The entry of a NIK in a draw, opened. */
export async function findEntryByNik(db: Executor, drawId: number, nik: string): Promise<DrawEntryRow | undefined> {
  const row = await db.selectFrom('draw_entries').selectAll().where('draw_id', '=', drawId).where('nik_hmac', '=', dataCipher().lookupHash(nik)).executeTakeFirst();
  return row && openEntry(row);
}

/** Adds an entry, its person sealed with the data key. Fails on a NIK already entered in the draw (UNIQUE_ENTRY_NIK). */
export async function insertEntry(
  db: Executor,
  entry: { id: string; drawId: number; officeId: number; person: EntryPerson; serviceId: number; sessionId: number; lang: string | null; at: string },
): Promise<void> {
  await db
    .insertInto('draw_entries')
    .values({
      id: entry.id,
      draw_id: entry.drawId,
      office_id: entry.officeId,
      ...sealPerson(entry.person),
      service_id: entry.serviceId,
      session_id: entry.sessionId,
      lang: entry.lang,
      entered_at: entry.at,
      updated_at: entry.at,
      status: 'entered',
      unplaced_reason: null,
      booking_id: null,
      personal_data_erased_at: null,
    })
    .execute();
}

/** Changes an entry's choice (and the person's name, email and language) while its draw is still taking entries. */
export async function updateEntryChoice(
  db: Executor,
  id: string,
  change: { person: EntryPerson; serviceId: number; sessionId: number; lang: string | null; at: string },
): Promise<void> {
  await db
    .updateTable('draw_entries')
    .set({ ...sealPerson(change.person), service_id: change.serviceId, session_id: change.sessionId, lang: change.lang, updated_at: change.at })
    .where('id', '=', id)
    .where('status', '=', 'entered')
    .execute();
}

// Built once: at a release every entrant's waiting page asks for its entry every few seconds.
const entryById = preparedQuery((db, v: { id: string }) =>
  db
    .selectFrom('draw_entries as e')
    .innerJoin('draws as d', 'd.id', 'e.draw_id')
    .innerJoin('offices as o', 'o.id', 'e.office_id')
    .innerJoin('sessions as s', 's.id', 'e.session_id')
    .innerJoin('services as v', 'v.id', 'e.service_id')
    .select([
      'e.id',
      'e.office_id',
      'e.session_id',
      'e.service_id',
      'e.status',
      'e.unplaced_reason',
      'e.booking_id',
      'd.draw_at',
      'd.date',
      'o.slug as office_slug',
      'o.name as office_name',
      'o.timezone as office_timezone',
      's.start_time as session_start',
      's.end_time as session_end',
      'v.name as service_name',
      'v.name_en as service_name_en',
    ])
    .where('e.id', '=', v.id),
);

/**
 * An entry by its id with its draw's facts and its choice. The person is neither read nor
 * opened: the waiting page never shows it, and it is asked for every few seconds.
 */
export async function findEntryById(db: Executor, id: string): Promise<EntryView | undefined> {
  const [row] = (await entryById(db, { id })).rows;
  return row;
}

/** Draws whose window has closed and that nobody has run, or whose runner's lease ran out. */
export async function listDueDraws(db: Executor, now: string): Promise<DrawRow[]> {
  return db
    .selectFrom('draws')
    .selectAll()
    .where((eb) => eb.or([eb.and([eb('status', '=', 'open'), eb('draw_at', '<=', now)]), eb.and([eb('status', '=', 'running'), eb('lease_until', '<=', now)])]))
    .orderBy('draw_at')
    .limit(20)
    .execute();
}

/**
 * Claims a due draw for one runner, in one conditional statement (after locking the row and
 * skipping it if another process holds it, where the engine can): of several processes only
 * one gets it. A first claim stores the seed and the time it ran; a takeover of an expired
 * claim keeps them. Returns the draw as claimed, or undefined when another got it.
 */
export async function claimDraw(
  db: Executor,
  engine: EngineCapabilities,
  draw: DrawRow,
  claim: { workerId: string; now: string; leaseUntil: string; seed: string },
): Promise<DrawRow | undefined> {
  let pick = db.selectFrom('draws').select('id').where('id', '=', draw.id).where('status', '=', draw.status);
  if (engine.skipLockedClaims) pick = pick.forUpdate().skipLocked();
  if (!(await pick.executeTakeFirst())) return undefined;
  let q = db
    .updateTable('draws')
    .set(draw.status === 'open' ? { status: 'running', seed: claim.seed, run_at: claim.now, claimed_by: claim.workerId, lease_until: claim.leaseUntil } : { claimed_by: claim.workerId, lease_until: claim.leaseUntil })
    .where('id', '=', draw.id)
    .where('status', '=', draw.status);
  if (draw.status === 'open') q = q.where('draw_at', '<=', claim.now);
  else q = q.where('lease_until', '<=', claim.now).where('claimed_by', draw.claimed_by === null ? 'is' : '=', draw.claimed_by);
  return q.returningAll().executeTakeFirst();
}

/** Keeps the entries of a NIK that holds an active booking at the office out of the draw. Returns how many. */
export async function leaveOutBookedEntrants(db: Executor, drawId: number, officeId: number, at: string): Promise<number> {
  const result = await db
    .updateTable('draw_entries')
    .set({ in_draw: 0, status: 'unplaced', unplaced_reason: 'already_booked', updated_at: at, ...erased(at) })
    .where('draw_id', '=', drawId)
    .where('status', '=', 'entered')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('bookings')
          .select('bookings.id')
          .where('bookings.office_id', '=', officeId)
          .whereRef('bookings.nik_hmac', '=', 'draw_entries.nik_hmac')
          .where('bookings.status', 'in', ACTIVE_STATUSES),
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Stores the places left per session when the draw first ran, so a takeover places the same. */
export async function saveDrawSessions(db: Executor, drawId: number, sessionsJson: string, places: number): Promise<void> {
  await db.updateTable('draws').set({ sessions_json: sessionsJson, places }).where('id', '=', drawId).where('sessions_json', 'is', null).execute();
}

/** Every entry in the draw: id, choice and status, in id order. */
export function listDrawEntrants(db: Executor, drawId: number) {
  return db
    .selectFrom('draw_entries')
    .select(['id', 'session_id', 'status', 'booking_id', 'in_draw'])
    .where('draw_id', '=', drawId)
    .orderBy('id')
    .execute();
}

/** One entry with its person opened and its service's code, for booking it. */
export async function findEntryPerson(db: Executor, id: string): Promise<(DrawEntryRow & { service_code: string }) | undefined> {
  const row = await db
    .selectFrom('draw_entries as e')
    .innerJoin('services as s', 's.id', 'e.service_id')
    .selectAll('e')
    .select('s.code as service_code')
    .where('e.id', '=', id)
    .executeTakeFirst();
  return row && openEntry(row);
}

/** The erased form of an entry's person: the booking holds it now, or nobody needs it. */
function erased(at: string) {
  return { nik: '', nik_hmac: null, name: '', phone: '', email: null, personal_data_erased_at: at };
}

/** Records that an entry got its booking, and erases its person from the entry (the booking holds it). Only from `entered`. */
export async function markEntryBooked(db: Executor, id: string, bookingId: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('draw_entries')
    .set({ status: 'booked', booking_id: bookingId, updated_at: at, ...erased(at) })
    .where('id', '=', id)
    .where('status', '=', 'entered')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records that an entry got no place, with why, and erases its person. Only from `entered`. */
export async function markEntryUnplaced(db: Executor, id: string, reason: string, at: string): Promise<void> {
  await db
    .updateTable('draw_entries')
    .set({ status: 'unplaced', unplaced_reason: reason, updated_at: at, ...erased(at) })
    .where('id', '=', id)
    .where('status', '=', 'entered')
    .execute();
}

/** Every entry of the draw still waiting becomes unplaced (no place was left for it); returns how many. */
export async function markRestUnplaced(db: Executor, drawId: number, at: string): Promise<number> {
  const result = await db
    .updateTable('draw_entries')
    .set({ status: 'unplaced', unplaced_reason: 'no_place', updated_at: at, ...erased(at) })
    .where('draw_id', '=', drawId)
    .where('status', '=', 'entered')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Erases the person of entries not yet erased that nobody needs any more: settled ones (a run
 * stopped between placing and erasing), and any of an office whose drawn date is before
 * `beforeDate` (a draw never made). Returns how many.
 */
export async function eraseFinishedEntries(db: Executor, opts: { officeId: number; beforeDate: string; at: string }): Promise<number> {
  const result = await db
    .updateTable('draw_entries')
    .set(erased(opts.at))
    .where('office_id', '=', opts.officeId)
    .where('personal_data_erased_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('status', '!=', 'entered'),
        eb('draw_id', 'in', eb.selectFrom('draws').select('draws.id').where('draws.office_id', '=', opts.officeId).where('draws.date', '<', opts.beforeDate)),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Marks a draw done with its counts; only by the runner holding it. */
export async function finishDraw(db: Executor, drawId: number, workerId: string, counts: { entrants: number; placed: number; unplaced: number }, at: string): Promise<boolean> {
  const result = await db
    .updateTable('draws')
    .set({ status: 'done', entrants: counts.entrants, placed: counts.placed, unplaced: counts.unplaced, finished_at: at, lease_until: null })
    .where('id', '=', drawId)
    .where('status', '=', 'running')
    .where('claimed_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A draw by id. */
export function findDrawById(db: Executor, id: number) {
  return db.selectFrom('draws').selectAll().where('id', '=', id).executeTakeFirst();
}
