import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

describe('what request logs keep of NIKs and booking codes', () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime(DIALECTS[0]!);
  });
  afterAll(async () => {
    await rt.close();
  });

  const logs = () => rt.logLines.join('\n');

  it('masks a NIK in a query string whatever its percent-encoded separators', async () => {
    const spellings = ['3271%2001%2045%2001%2090%200031', '3271%2D0145%2D0190%2D0032', '3271%2d0145%2E0190%090033', '3271%252D0145%252D0190%252D0034', '327101%5F450190%5F0035'];
    for (const s of spellings) await rt.app.inject({ url: `/api/v1/offices/kota-bogor/bookings?q=${s}` });
    await rt.app.inject({ url: `/staff/desk/kota-bogor?q=${spellings[1]}` });
    const text = decodeURIComponent(decodeURIComponent(logs().replace(/%(?![0-9a-fA-F]{2})/g, '%25')));
    expect(logs()).toContain('/api/v1/offices/kota-bogor/bookings');
    for (const tail of ['0031', '0032', '0033', '0034', '0035']) {
      expect(text.replace(/[^0-9]/g, '')).not.toContain(`3271014501900${tail.slice(1)}`);
      expect(logs()).not.toMatch(new RegExp(`0190\\D{0,9}${tail}`));
    }
  });

  it('keeps booking codes out of logged addresses, however they are spelt', async () => {
    const booked = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(9000) }) });
    const code = booked.json().booking.code as string;
    const lower = code.toLowerCase();
    const urls = [
      `/t/${code}`,
      `/t/${code}/calendar.ics`,
      `/t/${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}`,
      `/t?code=${lower}`,
      `/api/v1/bookings/${code}`,
      `/api/v1/%62ookings/${code}`,
      `/api/v1/offices/kota-bogor/bookings/${code}/requeue`,
      `/staff/desk/kota-bogor/receipt/${code}`,
    ];
    for (const url of urls) await rt.app.inject({ url });
    await rt.app.inject({ method: 'POST', url: `/t/${code}/cancel`, payload: { nik: nikFor(9001) } });
    const text = logs().toUpperCase().replace(/[^A-Z0-9]/g, '');
    expect(logs()).toContain('/t/');
    expect(text).not.toContain(code);
  });
});
