import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { loadConfig } from '../../src/config.js';

/** The ticket's share link and calendar file, as fetched with that Host header. */
async function linksOf(rt: TestRuntime, nik: string, host: string) {
  const booked = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik }) });
  const code = booked.json().booking.code as string;
  const page = await rt.app.inject({ url: `/t/${code}`, headers: { host } });
  const ics = await rt.app.inject({ url: `/t/${code}/calendar.ics`, headers: { host } });
  return { code, page: page.body, ics: ics.body };
}

describe('links to a ticket with PUBLIC_URL set', () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime(DIALECTS[0]!, { http: { publicUrl: 'https://antrean.example.go.id' } });
  });
  afterAll(async () => {
    await rt.close();
  });

  it('uses the configured address, never the Host header', async () => {
    const { code, page, ics } = await linksOf(rt, nikFor(9100), 'evil.example');
    expect(page).not.toContain('evil.example');
    expect(ics).not.toContain('evil.example');
    expect(page).toContain(encodeURIComponent(`https://antrean.example.go.id/t/${code}`));
    expect(ics).toContain(`URL:https://antrean.example.go.id/t/${code}`);
  });
});

describe('links to a ticket without PUBLIC_URL', () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime(DIALECTS[0]!);
  });
  afterAll(async () => {
    await rt.close();
  });

  it('never echoes an unknown Host header into the share link or the calendar file', async () => {
    const { code, page, ics } = await linksOf(rt, nikFor(9101), 'evil.example');
    expect(page).not.toContain('evil.example');
    expect(ics).not.toContain('evil.example');
    expect(page).toContain(encodeURIComponent(`/t/${code}`));
    expect(ics).not.toMatch(/^URL:/m);
  });

  it('keeps absolute links on this machine for trying it out', async () => {
    const { code, page } = await linksOf(rt, nikFor(9102), 'localhost:3000');
    expect(page).toContain(encodeURIComponent(`http://localhost:3000/t/${code}`));
  });
});

describe('the PUBLIC_URL setting', () => {
  it('takes an http or https address without a trailing slash, and refuses anything else', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://antrean.example.go.id/' }).publicUrl).toBe('https://antrean.example.go.id');
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(() => loadConfig({ PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'antrean.example.go.id' })).toThrow(/PUBLIC_URL/);
  });
});
