import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

describe.each(DIALECTS)('what a booking code alone shows, on $name', (dialect) => {
  let rt: TestRuntime;
  let n = 8000;
  const freshNik = () => nikFor(n++);

  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
  });
  afterAll(async () => {
    await rt.close();
  });

  async function bookAs(nik: string) {
    const res = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      payload: bookingBody({ nik, name: 'Siti Rahmawati', phone: '0812-3456-7890' }),
    });
    expect(res.statusCode).toBe(201);
    return res.json().booking as { code: string; name: string; queueNumber: string };
  }

  it('answers the booker with the name they gave', async () => {
    const b = await bookAs(freshNik());
    expect(b.name).toBe('Siti Rahmawati');
  });

  it('shows the name as initials and no phone to whoever asks the API by code', async () => {
    const nik = freshNik();
    const b = await bookAs(nik);
    const res = await rt.app.inject({ url: `/api/v1/bookings/${b.code}` });
    expect(res.statusCode).toBe(200);
    const seen = res.json().booking;
    expect(seen.name).toBe('S. R.');
    expect(seen.phoneMasked).toBeNull();
    expect(seen.nikMasked).toBe(`************${nik.slice(12)}`);
    expect(res.body).not.toContain('Rahmawati');
    expect(res.body).not.toContain('7890');
  });

  it('keeps the ticket page useful without the name or phone', async () => {
    const b = await bookAs(freshNik());
    const page = await rt.app.inject({ url: `/t/${b.code}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(b.queueNumber);
    expect(page.body).toContain('S. R.');
    expect(page.body).toContain('data-qr');
    expect(page.body).not.toContain('Rahmawati');
    expect(page.body).not.toContain('7890');
    for (const url of [`/t/${b.code}/cancel`, `/t/${b.code}/move`, `/t/${b.code}/calendar.ics`]) {
      const res = await rt.app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('Rahmawati');
    }
  });

  it('shows the full name and the masked phone to whoever gives the NIK', async () => {
    const nik = freshNik();
    const b = await bookAs(nik);
    const wrong = await rt.app.inject({ method: 'POST', url: `/t/${b.code}/details`, payload: { nik: freshNik() } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).not.toContain('Rahmawati');
    const right = await rt.app.inject({ method: 'POST', url: `/t/${b.code}/details`, payload: { nik } });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain('Siti Rahmawati');
    expect(right.body).toMatch(/6281\*+890/);
    expect(right.body).not.toContain('3456');
  });
});
