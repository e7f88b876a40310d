import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '../../../db/repositories/audit.js';
import { findBookingById } from '../../../db/repositories/bookings.js';
import {
  claimDraw,
  findDrawById,
  findEntryPerson,
  finishDraw,
  leaveOutBookedEntrants,
  listDrawEntrants,
  listDueDraws,
  markEntryBooked,
  markEntryUnplaced,
  markRestUnplaced,
  saveDrawSessions,
} from '../../../db/repositories/draws.js';
import { findOfficeById } from '../../../db/repositories/offices.js';
import type { DrawRow, OfficeRow } from '../../../db/schema.js';
import { DRAW_SEED_BYTES, type DrawEntrant, type DrawSession, drawOrder, hexToBytes, placeEntrants, type Placements, type Sha256 } from '../../../domain/draw.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { minutesOfDay } from '../../../domain/local-date.js';
import { officeClock } from '../../../domain/office-clock.js';
import { book } from '../../booking/commands/book.js';
import { planOfficeDays } from '../../office/queries/plan-office-days.js';
import type { AppContext } from '../../shared/context.js';
import { nextTurn } from '../../shared/next-turn.js';

/** SHA-256 for the draw's seeded stream (the domain takes it as an argument). */
export const sha256: Sha256 = (data) => createHash('sha256').update(data).digest();

/** A runner that dies mid-draw holds it this long before another process takes it over. */
const DEFAULT_LEASE_MS = 5 * 60 * 1000;

export interface RunDueDrawsOptions {
  /** This process's name in claims. */
  workerId: string;
  leaseMs?: number;
  /** The seed to use instead of a random one: only tests that need a fixed draw pass it. */
  seed?: Uint8Array;
}

/** What the audit log keeps of a draw: enough to replay it (`replayDraw`) and to check its outcome. */
export interface DrawAuditRecord {
  drawId: number;
  date: string;
  wave: number;
  releaseAt: string;
  drawAt: string;
  /** 32 bytes, hex. */
  seed: string;
  /** The entrants (entry ids, never a NIK) with the session each chose, in id order. */
  entrants: DrawEntrant[];
  /** Entries left out because their NIK held an active booking when the draw ran. */
  leftOut: string[];
  /** Places left per session when the draw ran. */
  sessions: DrawSession[];
  /** The placements the seed gives: what `replayDraw` computes again. */
  placements: Placements;
  /** What each entrant got in the end: the session of its booking, or null. */
  outcome: Placements;
  counts: { entrants: number; places: number; placed: number; unplaced: number };
}

/**
 * Makes every draw whose window has closed, each exactly once however many processes run
 * this: a draw is claimed by one conditional update (rows another process holds are skipped on
 * PostgreSQL), its seed drawn then from the system's random source and stored with the claim.
 * Returns how many draws this call made.
 */
export async function runDueDraws(ctx: AppContext, opts: RunDueDrawsOptions): Promise<number> {
  const db = ctx.storage.db;
  let ran = 0;
  for (const due of await listDueDraws(db, ctx.now().toISOString())) {
    const now = ctx.now();
    const claimed = await db.transaction().execute((trx) =>
      claimDraw(trx, ctx.storage.engine, due, {
        workerId: opts.workerId,
        now: now.toISOString(),
        leaseUntil: new Date(now.getTime() + (opts.leaseMs ?? DEFAULT_LEASE_MS)).toISOString(),
        seed: Buffer.from(opts.seed ?? randomBytes(DRAW_SEED_BYTES)).toString('hex'),
      }),
    );
    if (!claimed) continue;
    if (await runDraw(ctx, claimed, opts.workerId)) ran++;
  }
  return ran;
}

/**
 * Makes one claimed draw. The first run leaves out NIKs that hold a booking by now and fixes
 * the places left per session; the order and placements follow from the seed, so a runner
 * taking over after a crash places the same. Each placement is booked through `book` itself
 * (its checks, the session's lock and quota, the confirmation message), with an idempotency
 * key of the entry, so a booking made just before a crash is found again instead of doubled.
 */
async function runDraw(ctx: AppContext, draw: DrawRow, workerId: string): Promise<boolean> {
  const db = ctx.storage.db;
  const office = await findOfficeById(db, draw.office_id);
  if (!office) return false;
  const at = () => ctx.now().toISOString();

  if (draw.sessions_json === null) {
    await db.transaction().execute(async (trx) => {
      await leaveOutBookedEntrants(trx, draw.id, office.id, at());
      const [day] = await planOfficeDays(trx, office, officeClock(office, ctx.now()), draw.date, 1, 'online');
      const sessions: DrawSession[] = (day?.open ? day.sessions : []).map((s) => ({ id: s.id, start: s.start, places: s.bookable ? s.remaining : 0 }));
      await saveDrawSessions(trx, draw.id, JSON.stringify(sessions), sessions.reduce((n, s) => n + s.places, 0));
    });
  }
  const fixed = await findDrawById(db, draw.id);
  if (!fixed?.sessions_json || !fixed.seed) return false;
  const sessions = JSON.parse(fixed.sessions_json) as DrawSession[];
  const all = await listDrawEntrants(db, draw.id);
  const entrants: DrawEntrant[] = all.filter((e) => Number(e.in_draw) === 1).map((e) => ({ id: e.id, sessionId: Number(e.session_id) }));
  const order = drawOrder(
    entrants.map((e) => e.id),
    hexToBytes(fixed.seed),
    sha256,
  );
  const placements = placeEntrants(order, entrants, sessions);
  const waiting = new Set(all.filter((e) => e.status === 'entered').map((e) => e.id));

  let placing = 0;
  for (const id of order) {
    const sessionId = placements[id];
    if (!waiting.has(id) || sessionId === null || sessionId === undefined) continue;
    // A draw books a day's places one after another, while every entrant polls for the result:
    // on SQLite's one thread they would all wait for the last booking.
    if (placing++ > 0) await nextTurn();
    await placeEntry(ctx, office, fixed, id, sessionId, sessions);
  }
  await markRestUnplaced(db, draw.id, at());

  const final = await listDrawEntrants(db, draw.id);
  const booked = final.filter((e) => e.status === 'booked' && e.booking_id !== null);
  const outcome: Placements = {};
  const sessionOfBooking = new Map<number, number>();
  if (booked.length) {
    const rows = await Promise.all(booked.map((e) => findBookingSession(ctx, Number(e.booking_id))));
    booked.forEach((e, i) => sessionOfBooking.set(Number(e.booking_id), rows[i]!));
  }
  for (const e of entrants) {
    const row = final.find((f) => f.id === e.id);
    outcome[e.id] = row?.status === 'booked' && row.booking_id !== null ? (sessionOfBooking.get(Number(row.booking_id)) ?? null) : null;
  }
  const placed = entrants.filter((e) => outcome[e.id] !== null).length;
  const counts = { entrants: entrants.length, places: Number(fixed.places), placed, unplaced: entrants.length - placed };
  const record: DrawAuditRecord = {
    drawId: draw.id,
    date: draw.date,
    wave: Number(draw.wave),
    releaseAt: draw.release_at,
    drawAt: draw.draw_at,
    seed: fixed.seed,
    entrants,
    leftOut: final.filter((e) => Number(e.in_draw) === 0).map((e) => e.id),
    sessions,
    placements,
    outcome,
    counts,
  };
  return db.transaction().execute(async (trx) => {
    const finished = await finishDraw(trx, draw.id, workerId, counts, at());
    if (!finished) return false;
    await recordAudit(trx, { at: at(), officeId: office.id, userId: null, username: null, action: 'release.draw', subject: draw.date, before: null, after: record });
    return true;
  });
}

async function findBookingSession(ctx: AppContext, bookingId: number): Promise<number> {
  const b = await findBookingById(ctx.storage.db, bookingId);
  return b ? Number(b.session_id) : -1;
}

/**
 * Books one placed entrant. Should its session have filled after all (a desk booking under the
 * same quota), the nearest other session of the day is tried; a NIK that got a booking
 * meanwhile, or a day closed meanwhile, leaves the entrant unplaced.
 */
async function placeEntry(ctx: AppContext, office: OfficeRow, draw: DrawRow, id: string, sessionId: number, sessions: DrawSession[]): Promise<void> {
  const db = ctx.storage.db;
  const entry = await findEntryPerson(db, id);
  if (!entry || entry.status !== 'entered') return;
  const from = minutesOfDay(sessions.find((s) => s.id === sessionId)?.start ?? '00:00');
  const others = sessions
    .filter((s) => s.id !== sessionId)
    .map((s) => ({ id: s.id, offset: minutesOfDay(s.start) - from }))
    .sort((a, b) => Math.abs(a.offset) - Math.abs(b.offset) || b.offset - a.offset)
    .map((s) => s.id);
  for (const tried of [sessionId, ...others]) {
    try {
      const { booking } = await book(ctx, {
        officeSlug: office.slug,
        date: draw.date,
        sessionId: tried,
        serviceCode: entry.service_code,
        nik: entry.nik,
        name: entry.name,
        phone: entry.phone,
        email: entry.email,
        channel: 'online',
        idempotencyKey: `draw:${id}:${tried}`,
        lang: entry.lang === 'en' ? 'en' : entry.lang === 'id' ? 'id' : undefined,
      });
      await markEntryBooked(db, id, booking.id, ctx.now().toISOString());
      return;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'SESSION_FULL') continue;
      if (error instanceof DomainError && error.code === 'ALREADY_BOOKED') {
        await markEntryUnplaced(db, id, 'already_booked', ctx.now().toISOString());
        return;
      }
      if (error instanceof DomainError || error instanceof InvalidInputError) {
        await markEntryUnplaced(db, id, 'not_bookable', ctx.now().toISOString());
        return;
      }
      throw error;
    }
  }
  await markEntryUnplaced(db, id, 'no_place', ctx.now().toISOString());
}
