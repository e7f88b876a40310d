import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { book } from '../../src/app/booking/commands/book.js';
import { composeMessage } from '../../src/app/notify/compose-message.js';
import { setMessagePublicUrl } from '../../src/app/notify/ticket-link.js';
import { upsertMessageTemplate } from '../../src/db/repositories/message-templates.js';
import { DIALECTS } from '../support/dialects.js';
import { nikFor } from '../support/factories.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

describe.each(DIALECTS)('composing a message on $name', (dialect) => {
  let rt: TestRuntime;
  let bookingId: number;
  let code: string;
  let officeId: number;

  beforeEach(async () => {
    rt = await startTestRuntime(dialect);
    const avail = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-07&days=1' });
    const sessionId = avail.json().days[0].sessions[0].id as number;
    const { booking } = await book(rt.ctx, {
      officeSlug: 'kota-bogor', date: '2026-12-07', sessionId, serviceCode: 'KTP-BARU', nik: nikFor(1), name: 'Siti Rahmawati', phone: '081234567890', channel: 'online',
    });
    bookingId = booking.id;
    code = booking.code;
    officeId = booking.office_id;
  });
  afterEach(async () => {
    setMessagePublicUrl(undefined);
    await rt.close();
  });

  it('tells the code, the day and hour in WIB, the documents and the ticket link', async () => {
    setMessagePublicUrl('https://antrean.example.go.id');
    const m = await composeMessage(rt.storage.db, { bookingId, kind: 'booked' });
    expect(m.subject).toBe(`Pendaftaran antrean berhasil: ${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}`);
    expect(m.text).toContain(`${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}`);
    expect(m.text).toContain('Senin, 7 Desember 2026, 08.00–09.00 WIB');
    expect(m.text).toContain('- Kartu Keluarga (KK)');
    expect(m.text).toContain(`https://antrean.example.go.id/t/${code}`);
  });

  it('gives the ticket path alone when PUBLIC_URL is not set', async () => {
    const m = await composeMessage(rt.storage.db, { bookingId, kind: 'reminder_evening' });
    expect(m.text).toMatch(new RegExp(`: /t/${code}$`, 'm'));
  });

  it('writes the hour in WITA for an office in Makassar', async () => {
    await rt.storage.db.updateTable('offices').set({ timezone: 'Asia/Makassar' }).where('id', '=', officeId).execute();
    const m = await composeMessage(rt.storage.db, { bookingId, kind: 'booked' });
    expect(m.text).toContain('08.00–09.00 WITA');
  });

  it('sends the office’s edited words when it has them', async () => {
    await upsertMessageTemplate(rt.storage.db, { officeId, kind: 'booked', lang: 'id', body: 'Kode {kode} pada {hari} jam {jam}', at: '2026-12-01T00:00:00Z', userId: null });
    const m = await composeMessage(rt.storage.db, { bookingId, kind: 'booked' });
    expect(m.text).toBe(`Kode ${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)} pada Senin, 7 Desember 2026 jam 08.00–09.00 WIB`);
  });

  it('writes in English to someone who booked in English, and a retry in another language is the same booking', async () => {
    const avail = await rt.app.inject({ url: '/api/v1/offices/kota-bogor/availability?from=2026-12-08&days=1' });
    const payload = { office: 'kota-bogor', date: '2026-12-08', sessionId: avail.json().days[0].sessions[1].id, service: 'KTP-BARU', nik: nikFor(2), name: 'Made Wirawan', phone: '081234567891' };
    const first = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload, headers: { 'accept-language': 'en', 'idempotency-key': 'lang-retry-1' } });
    expect(first.statusCode, first.body).toBe(201);
    const again = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload, headers: { 'accept-language': 'id', 'idempotency-key': 'lang-retry-1' } });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().booking.code).toBe(first.json().booking.code);

    const row = await rt.storage.db.selectFrom('bookings').select('id').where('code', '=', first.json().booking.code).executeTakeFirstOrThrow();
    const m = await composeMessage(rt.storage.db, { bookingId: row.id, kind: 'booked' });
    expect(m.subject).toMatch(/^Your booking is confirmed: /);
    expect(m.text).toContain('Tuesday, 8 December 2026, 09:00–10:00 WIB');
    expect(m.text).toContain('- Family card (Kartu Keluarga, KK)');
  });

  it('names the counter when the turn has come', async () => {
    const near = await composeMessage(rt.storage.db, { bookingId, kind: 'turn_near' });
    expect(near.text).toContain('Giliran Anda sebentar lagi');
    expect(near.text).not.toContain('Loket');
    const called = await composeMessage(rt.storage.db, { bookingId, kind: 'turn_near', counterNumber: 3 });
    expect(called.text).toContain('Loket 3');
  });
});
