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

  it('names the counter when the turn has come', async () => {
    const near = await composeMessage(rt.storage.db, { bookingId, kind: 'turn_near' });
    expect(near.text).toContain('Giliran Anda sebentar lagi');
    expect(near.text).not.toContain('Loket');
    const called = await composeMessage(rt.storage.db, { bookingId, kind: 'turn_near', counterNumber: 3 });
    expect(called.text).toContain('Loket 3');
  });
});
