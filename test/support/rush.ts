import { sql } from 'kysely';
import { openStorage } from '../../src/db/database.js';
import { bookingBody, nikFor, phoneFor } from './factories.js';

/** A session open for booking, by the server's own clock. */
export interface BookableSession {
  date: string;
  id: number;
  capacity: number;
}

/** The first `count` sessions a citizen could book right now at the default office. */
export async function bookableSessions(baseUrl: string, count: number): Promise<BookableSession[]> {
  const res = await fetch(`${baseUrl}/api/v1/offices/kota-bogor/availability?days=30`);
  const { days } = (await res.json()) as { days: { date: string; sessions: { id: number; capacity: number; bookable: boolean }[] }[] };
  const found: BookableSession[] = [];
  for (const day of days) {
    for (const s of day.sessions) if (s.bookable && found.length < count) found.push({ date: day.date, id: s.id, capacity: s.capacity });
  }
  if (found.length < count) throw new Error(`only ${found.length} bookable sessions in the next 30 days`);
  return found;
}

/** One attempt's outcome: the HTTP status (or `no answer`), the error code, and the code of a booking made. */
export interface Attempt {
  status: number | 'no answer';
  code?: string;
  bookingCode?: string;
  /** The Retry-After header, when there was one. */
  retryAfter?: string;
}

export interface RushOptions {
  /** Where each attempt goes (it may change during the rush, as a server is restarted). */
  baseUrl: () => string;
  sessions: BookableSession[];
  attempts: number;
  /** Attempts in flight at once. */
  concurrency: number;
  /** Distinct citizens: attempt `i` books as `nikFor(firstCitizen + i)`. */
  firstCitizen?: number;
  /** Called after every answer, with all attempts so far. */
  onAnswer?: (done: Attempt[]) => void;
  /** Ends the rush early (attempts in flight still finish) once this holds. */
  stopWhen?: (done: Attempt[]) => boolean;
}

/** Distinct citizens booking at once, spread over the sessions; every outcome is kept, none thrown. */
export async function rush(opts: RushOptions): Promise<Attempt[]> {
  const done: Attempt[] = [];
  let next = 0;
  const worker = async () => {
    while (next < opts.attempts && !opts.stopWhen?.(done)) {
      const i = next++;
      const session = opts.sessions[i % opts.sessions.length]!;
      let attempt: Attempt;
      try {
        const res = await fetch(`${opts.baseUrl()}/api/v1/bookings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(bookingBody({ date: session.date, sessionId: session.id, nik: nikFor((opts.firstCitizen ?? 0) + i), phone: phoneFor((opts.firstCitizen ?? 0) + i) })),
        });
        const text = await res.text();
        let body: { booking?: { code: string }; error?: { code: string } } = {};
        try {
          body = JSON.parse(text) as typeof body;
        } catch {
          // not JSON: counted by its status alone
        }
        attempt = {
          status: res.status,
          code: body.error?.code,
          bookingCode: res.status === 201 ? body.booking?.code : undefined,
          retryAfter: res.headers.get('retry-after') ?? undefined,
        };
      } catch {
        attempt = { status: 'no answer' };
      }
      done.push(attempt);
      opts.onAnswer?.(done);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return done;
}

/** How many attempts ended each way, e.g. `{ "201": 40, "409 SESSION_FULL": 460 }`: a failure message. */
export function outcomes(attempts: Attempt[]): string {
  const counts: Record<string, number> = {};
  for (const a of attempts) {
    const key = a.code ? `${a.status} ${a.code}` : String(a.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return JSON.stringify(counts);
}

/** What the database holds for the sessions: bookings per session and day, and queue numbers given twice. */
export async function bookingsInDatabase(databaseUrl: string): Promise<{
  codes: Set<string>;
  perSession: Map<string, number>;
  repeatedNumbers: { session_id: number; date: string; queue_number: string; n: number }[];
}> {
  const storage = openStorage(databaseUrl);
  try {
    const rows = await storage.db.selectFrom('bookings').select(['code', 'session_id', 'date']).execute();
    const perSession = new Map<string, number>();
    for (const r of rows) perSession.set(`${r.date}/${r.session_id}`, (perSession.get(`${r.date}/${r.session_id}`) ?? 0) + 1);
    const repeated = await sql<{ session_id: number; date: string; queue_number: string; n: number }>`
      select session_id, date, queue_number, count(*) as n from bookings
      group by session_id, date, queue_number having count(*) > 1`.execute(storage.db);
    return { codes: new Set(rows.map((r) => r.code)), perSession, repeatedNumbers: repeated.rows };
  } finally {
    await storage.close();
  }
}
