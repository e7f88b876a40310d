import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { bookingBody } from '../../support/factories.js';
import type { TestRuntime } from '../../support/test-runtime.js';

/** A booking made through the API, as a test's starting point. */
export interface ApiBooking {
  code: string;
  displayCode: string;
  queueNumber: string;
  date: string;
  session: { id: number; start: string; end: string };
}

/** The session ids of the default office on a date, in the order of the day. */
export async function sessionIds(rt: TestRuntime, date: string): Promise<number[]> {
  const res = await rt.app.inject({ method: 'GET', url: `/api/v1/offices/kota-bogor/availability?from=${date}&days=1` });
  return (res.json().days[0].sessions as { id: number }[]).map((s) => s.id);
}

/** Books through the API and returns the booking. */
export async function bookViaApi(rt: TestRuntime, over: Parameters<typeof bookingBody>[0]): Promise<ApiBooking> {
  const res = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody(over) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().booking as ApiBooking;
}

/** Fills a session to its quota with bookings of distinct NIKs from `nikFrom` on. */
export async function fillSession(rt: TestRuntime, date: string, sessionId: number, nikFrom: number, nikFor: (i: number) => string): Promise<void> {
  for (let i = 0; i < 40; i++) await bookViaApi(rt, { date, sessionId, nik: nikFor(nikFrom + i) });
}

/** Types the identity and picks the service on the booking form. */
export async function fillBookingForm(page: Page, v: { nik: string; name?: string; phone?: string; service?: string }): Promise<void> {
  await page.fill('#nik', v.nik);
  await page.fill('#name', v.name ?? 'Siti Rahmawati');
  await page.fill('#phone', v.phone ?? '0812 3456 7890');
  await page.selectOption('#service', v.service ?? 'KTP-BARU');
}

/** The session button of a date and session. */
export function slotButton(page: Page, date: string, sessionId: number) {
  return page.locator(`button[data-slot="${date}|${sessionId}"]`);
}

/** Opens a day's panel on the booking or move form, as a thumb would. */
export async function openDay(page: Page, date: string): Promise<void> {
  const day = page.locator(`details[data-day="${date}"]`);
  if ((await day.getAttribute('open')) === null) await day.locator('summary').click();
}

/** The booking code in a ticket URL. */
export function codeFromUrl(url: string): string {
  const m = /\/t\/([A-Z0-9]{9})(?:[?#]|$)/.exec(url);
  if (!m?.[1]) throw new Error(`not a ticket URL: ${url}`);
  return m[1];
}

/** On "Periksa lagi", presses "Ambil nomor" (or its English words) and waits for the ticket. */
export async function confirmReview(page: Page, button = 'Ambil nomor'): Promise<void> {
  await page.getByRole('heading', { level: 1 }).waitFor();
  await Promise.all([page.waitForURL(/\/t\/[A-Z0-9]{9}$/), page.getByRole('button', { name: button }).click()]);
}
