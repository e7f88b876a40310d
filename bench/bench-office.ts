/**
 * What the bench scenarios share: the citizens they book as, the Antrean server they start (from
 * dist/, as `npm start` runs it, with the limits a load would trip lifted) and the office they
 * make of it, so a limit or a capacity set for one scenario of `bench/run.ts` holds for all.
 */
import { type ServerProcess, startServerProcess } from '../test/support/server-process.js';

export const ADMIN_PASSWORD = 'bench-admin-password-1234';
export const OFFICE = 'kota-bogor';
/** The places of each of the two rush dates' one session. */
export const RUSH_PLACES = 200;

export interface Slot {
  date: string;
  id: number;
}

/** A WhatsApp number of its own for each i below 100 million: distinct citizens, as the office's monthly limit per number sees them. */
export function phoneFor(i: number): string {
  return `0813${String(i).padStart(8, '0')}`;
}

/** A valid NIK of its own for each i below 300 million: region 3271 01, a birth date, a serial. */
export function nikFor(i: number): string {
  const serial = (i % 9999) + 1;
  let rest = Math.floor(i / 9999);
  const day = 1 + (rest % 28);
  rest = Math.floor(rest / 28);
  const month = 1 + (rest % 12);
  rest = Math.floor(rest / 12);
  const year = 50 + (rest % 50);
  const woman = Math.floor(rest / 50) % 2 === 1;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `327101${pad(day + (woman ? 40 : 0))}${pad(month)}${pad(year)}${pad(serial, 4)}`;
}

export const SERVER_ENV = {
  BOOKING_RATE_LIMIT_PER_MINUTE: '100000000',
  API_RATE_LIMIT_PER_MINUTE: '100000000',
  LOOKUP_RATE_LIMIT_PER_MINUTE: '100000000',
  LOOKUP_MISS_LIMIT_PER_MINUTE: '100000000',
  LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  // The booking route's proof of work is for browsers; the bench measures the booking itself.
  POW_DIFFICULTY: '0',
  ANTREAN_ADMIN_PASSWORD: ADMIN_PASSWORD,
  LOG_LEVEL: 'warn',
};

export function startAntrean(databaseUrl: string, extra: Record<string, string> = {}): Promise<ServerProcess> {
  const profiling: Record<string, string> = process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {};
  // From dist/, as `npm start` and production run it (startServerProcess always does).
  return startServerProcess({ ...SERVER_ENV, ...profiling, DATABASE_URL: databaseUrl, ...extra });
}

export interface Admin {
  url: string;
  headers: Record<string, string>;
}

export async function logInAdmin(url: string): Promise<Admin> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  if (!res.ok) throw new Error(`admin login failed: ${res.status} ${await res.text()}`);
  const cookie = /antrean_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { url, headers: { cookie: `antrean_session=${cookie}`, 'x-csrf-token': csrfToken, 'content-type': 'application/json' } };
}

export async function adminCall(admin: Admin, method: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${admin.url}/api/v1${path}`, { method, headers: admin.headers, body: JSON.stringify(body) });
}

export async function mustAdmin(admin: Admin, method: string, path: string, body: unknown): Promise<void> {
  const res = await adminCall(admin, method, path, body);
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
}

/**
 * Makes the office a bench office: every day of the week open with eight sessions of 10,000
 * places (room for every booking of a run), all of them online, and today's release passed
 * (so every day of the window is open to booking now). Two dates are kept for the rush, each
 * with one session of exactly RUSH_PLACES places.
 */
export async function configureOffice(url: string): Promise<{ rushDates: string[] }> {
  const admin = await logInAdmin(url);
  // Every bench day open now, first come first served (no draw). The monthly limits per NIK and
  // per number as a new office has them (set again: the kept growth database may hold others),
  // so every booking is counted against them as in production.
  await mustAdmin(admin, 'PATCH', `/offices/${OFFICE}`, {
    sameDayBooking: false,
    release: { daysAhead: 14, time: '00:00', drawSeconds: 0, deskShare: 0, waves: null },
    bookingLimits: { perPhonePerMonth: 4, perNikPerMonth: 4 },
  });
  const sessions = Array.from({ length: 8 }, (_, h) => ({ start: `${String(8 + h).padStart(2, '0')}:00`, end: `${String(9 + h).padStart(2, '0')}:00`, capacity: 10_000 }));
  await mustAdmin(admin, 'PUT', `/offices/${OFFICE}/schedule`, { weekdays: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, sessions })) });
  const days = await availableDays(url);
  const rushDates = days.slice(-2).map((d) => d.date);
  for (const date of rushDates) await mustAdmin(admin, 'PUT', `/offices/${OFFICE}/days/${date}`, { sessions: [{ start: '08:00', end: '09:00', capacity: RUSH_PLACES }] });
  return { rushDates };
}

export type Day = { date: string; sessions: { id: number; bookable: boolean; remaining?: number }[] };

export async function availableDays(url: string): Promise<Day[]> {
  const res = await fetch(`${url}/api/v1/offices/${OFFICE}/availability?days=30`);
  const body = (await res.json()) as { days: Day[] };
  return body.days.filter((d) => d.sessions.some((s) => s.bookable));
}

export async function bookableSlots(url: string, except: string[]): Promise<Slot[]> {
  return (await availableDays(url)).filter((d) => !except.includes(d.date)).flatMap((d) => d.sessions.filter((s) => s.bookable).map((s) => ({ date: d.date, id: s.id })));
}
