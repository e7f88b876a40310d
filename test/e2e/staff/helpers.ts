import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { addUser } from '../../../src/app/staff/commands/add-user.js';
import type { Role } from '../../../src/domain/staff-role.js';
import type { Runtime } from '../../../src/runtime.js';
import { bookingBody, nikFor } from '../../support/factories.js';

/** The screen of an office PC and of the waiting-room TV. */
export const FULL_HD = { width: 1920, height: 1080 };

/** Wednesday 2 December 2026 at a wall-clock time in Kota Bogor (UTC+7). */
export const wednesdayAt = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00+07:00`);
/** Tuesday 1 December 2026, 09:00 WIB: Wednesday is bookable then. */
export const TUESDAY = new Date('2026-12-01T02:00:00Z');

/** A staff account that logs in through the login page. */
export interface StaffAccount {
  username: string;
  password: string;
}

let serial = 0;

/** Creates an account of that role through the add-user use case. */
export async function addStaff(rt: Pick<Runtime, 'ctx'>, role: Role): Promise<StaffAccount> {
  serial += 1;
  const account = { username: `${role}-${process.pid}-${serial}`, password: `kata-sandi-${serial}-${role}` };
  await addUser(rt.ctx, { ...account, role });
  return account;
}

/** A booking as the API returns it, with what the tests look at. */
export interface Booked {
  code: string;
  displayCode: string;
  queueNumber: string;
}

let nikSerial = 7000;

/**
 * Books for Wednesday the way a citizen would, on Tuesday through the API (Wednesday itself
 * is not bookable on the day), then puts the clock back to `then`.
 */
export async function bookForWednesday(rt: Pick<Runtime, 'app'> & { setNow(d: Date): void }, sessionIndex: number, then: Date, over: { service?: string; name?: string } = {}): Promise<Booked> {
  rt.setNow(TUESDAY);
  const avail = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-02&days=1' });
  const sessionId = (avail.json().days[0].sessions as { id: number }[])[sessionIndex]?.id;
  const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ date: '2026-12-02', sessionId, nik: nikFor(nikSerial++), ...over }) });
  expect(res.statusCode, res.body).toBe(201);
  rt.setNow(then);
  return res.json().booking as Booked;
}

/** Logs in through the login page and waits for the page it leads to. */
export async function logIn(page: Page, base: string, who: StaffAccount, path = '/staff/login'): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.getByLabel('Nama pengguna').fill(who.username);
  await page.getByLabel('Kata sandi').fill(who.password);
  await Promise.all([page.waitForURL((u) => u.pathname !== '/staff/login'), page.getByRole('button', { name: 'Masuk' }).click()]);
}

/** What the stubbed speech engine heard: each sentence with when it started and ended. */
export interface Spoken {
  text: string;
  lang: string;
  start: number;
  end: number;
}

/**
 * Replaces Web Speech with a recorder before the page's scripts run: headless Chromium has no
 * voices, and a test must see what would have been said, in which order, and that nothing was
 * cut off. Each sentence "takes" `ms` milliseconds.
 */
export async function recordSpeech(page: Page, ms = 400): Promise<void> {
  await page.addInitScript((duration: number) => {
    const log: { text: string; lang: string; start: number; end: number }[] = [];
    const w = window as unknown as { __spoken: typeof log; __cancelled: number };
    w.__spoken = log;
    w.__cancelled = 0;
    let busyUntil = 0;
    const synth = {
      speak(u: SpeechSynthesisUtterance) {
        if (!u.text.trim()) return;
        // Like the real engine: a sentence spoken while another plays waits its turn.
        const start = Math.max(performance.now(), busyUntil);
        const entry = { text: u.text, lang: u.lang, start, end: start + duration };
        busyUntil = entry.end;
        log.push(entry);
        setTimeout(() => u.onend?.(new Event('end') as SpeechSynthesisEvent), entry.end - performance.now());
      },
      cancel() {
        w.__cancelled += 1;
      },
      getVoices: () => [],
      speaking: false,
      pending: false,
      paused: false,
      addEventListener() {},
      removeEventListener() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  }, ms);
}

/** The sentences the board has spoken so far. */
export function spokenOn(page: Page): Promise<Spoken[]> {
  return page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken);
}
