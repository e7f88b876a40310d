import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomInt } from 'node:crypto';
import { ensureDefaultOffice } from '../../src/app/office/commands/ensure-default-office.js';
import { openStorage, type Storage } from '../../src/db/database.js';
import { migrateUpTo } from '../../src/db/migrate.js';
import { findBookingByCode } from '../../src/db/repositories/bookings.js';
import { findMessageFacts, findOutboxMessagesByDedupeKey } from '../../src/db/repositories/outbox.js';
import { InProcessBus } from '../../src/realtime/in-process-bus.js';
import { rotateDataKey } from '../../src/db/rotate-key.js';
import { DataCipher, generateDataKey } from '../../src/privacy/data-cipher.js';
import { TEST_DATA_KEY } from '../support/data-key.js';
import { DIALECTS, type TestDialect } from '../support/dialects.js';
import { bookingBody, nikFor } from '../support/factories.js';
import { logInStaff } from '../support/staff.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const NIK = nikFor(4242);
const PHONE = '0812-3456-7890';
const EMAIL = 'siti.rahmawati@example.com';

/** Every way a NIK or a phone number might be written down. */
function spellings(nik: string, phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  const national = digits.slice(1); // 812…
  return [
    nik,
    `${nik.slice(0, 6)} ${nik.slice(6, 12)} ${nik.slice(12)}`,
    `${nik.slice(0, 6)}-${nik.slice(6, 12)}-${nik.slice(12)}`,
    `${nik.slice(0, 4)} ${nik.slice(4, 8)} ${nik.slice(8, 12)} ${nik.slice(12)}`,
    `${nik.slice(0, 4)}.${nik.slice(4, 8)}.${nik.slice(8, 12)}.${nik.slice(12)}`,
    digits,
    `62${national}`,
    `+62${national}`,
    national,
    phone,
    phone.replace(/-/g, ' '),
  ];
}

/** Every text value stored in every table (on SQLite from sqlite_master, on PostgreSQL every text-like column). */
async function everyStoredText(storage: Storage): Promise<string[]> {
  const out: string[] = [];
  const tables = await storage.db.introspection.getTables();
  for (const table of tables) {
    const rows = await storage.db.selectFrom(table.name as never).selectAll().execute();
    for (const row of rows as Record<string, unknown>[]) {
      for (const value of Object.values(row)) if (value !== null && value !== undefined) out.push(typeof value === 'string' ? value : JSON.stringify(value));
    }
  }
  return out;
}

/** The SQLite file and its journals, byte for byte. */
function sqliteBytes(url: string): Buffer {
  const path = url.slice('file:'.length);
  return Buffer.concat([path, `${path}-wal`, `${path}-shm`, `${path}-journal`].filter((p) => existsSync(p)).map((p) => readFileSync(p)));
}

/** What the database holds, to see that a refused start changed nothing. */
async function snapshot(dialect: TestDialect, url: string): Promise<string> {
  if (dialect.name === 'sqlite') return createHash('sha256').update(sqliteBytes(url)).digest('hex');
  const storage = openStorage(url);
  try {
    return createHash('sha256').update(JSON.stringify(await everyStoredText(storage))).digest('hex');
  } finally {
    await storage.close();
  }
}

/** Expects neither the NIK nor the phone, in any spelling, nor the email, anywhere in the database. */
async function expectNoClearData(dialect: TestDialect, url: string, storage: Storage, nik: string, phone: string, email: string): Promise<void> {
  const forms = [...spellings(nik, phone), email];
  const values = await everyStoredText(storage);
  expect(values.length).toBeGreaterThan(0);
  for (const value of values) {
    for (const form of forms) expect(value).not.toContain(form);
    expect(value.replace(/\D/g, '')).not.toContain(nik);
    expect(value.replace(/\D/g, '')).not.toContain(phone.replace(/\D/g, '').slice(1));
  }
  if (dialect.name === 'sqlite') {
    const bytes = sqliteBytes(url);
    expect(bytes.length).toBeGreaterThan(0);
    for (const form of forms) {
      expect(bytes.includes(Buffer.from(form, 'latin1')), `${form} in the SQLite file`).toBe(false);
      expect(bytes.includes(Buffer.from(form, 'utf16le')), `${form} (UTF-16) in the SQLite file`).toBe(false);
    }
  }
}

for (const dialect of DIALECTS) {
  describe(`personal data at rest on '${dialect.name}'`, () => {
    let database: { url: string; drop(): Promise<void> };
    let rt: TestRuntime;
    beforeAll(async () => {
      database = await dialect.freshDatabase({ crossProcess: true });
      rt = await startTestRuntime(dialect, { database });
    });
    afterAll(async () => {
      await rt.close();
      await database.drop();
    });

    it('keeps no NIK, phone or email in clear anywhere in the database, its file or its journal, and every lookup still works', async () => {
      const booked = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: { ...bookingBody({ nik: NIK, phone: PHONE }), email: EMAIL } });
      expect(booked.statusCode, booked.body).toBe(201);
      const code = booked.json().booking.code as string;
      // The booked message is queued with the change: its recipient is sealed too.
      expect(await rt.storage.db.selectFrom('outbox_messages').select('recipient').execute()).not.toHaveLength(0);

      await expectNoClearData(dialect, database.url, rt.storage, NIK, PHONE, EMAIL);

      // One active booking per NIK.
      const again = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: NIK, phone: '0813-1111-2222', date: '2026-12-03' }) });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('ALREADY_BOOKED');
      // The owner check: the right NIK sees the booking whole, a wrong one does not.
      const wrong = await rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${code}/reschedule`, payload: { nik: nikFor(4243), date: '2026-12-03', sessionId: 1 } });
      expect(wrong.statusCode).toBe(404);
      // Lost code: recovered by NIK and phone, in another spelling of the number.
      const recovered = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings/recover', payload: { nik: NIK, phone: '+62 812 3456 7890' } });
      expect(recovered.statusCode, recovered.body).toBe(200);
      expect(recovered.json().bookings.map((b: { code: string }) => b.code)).toEqual([code]);
      const otherPhone = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings/recover', payload: { nik: NIK, phone: '0813-1111-2222' } });
      expect(otherPhone.statusCode).toBe(404);
      // The desk finds it by NIK.
      const desk = await logInStaff(rt, 'desk');
      const found = await rt.app.inject({ url: `/api/v1/offices/kota-bogor/bookings?q=${NIK}`, headers: { cookie: desk.cookie } });
      expect(found.statusCode).toBe(200);
      expect(found.json().bookings.map((b: { code: string }) => b.code)).toEqual([code]);
      // The repositories hand the values out opened.
      expect(await findBookingByCode(rt.storage.db, code)).toMatchObject({ nik: NIK, phone: '6281234567890', email: EMAIL });
      // Cancelled by its owner: the NIK may book again.
      const cancelled = await rt.app.inject({ method: 'POST', url: `/api/v1/bookings/${code}/cancel`, payload: { nik: NIK } });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      const rebooked = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: NIK, phone: PHONE, date: '2026-12-03' }) });
      expect(rebooked.statusCode, rebooked.body).toBe(201);
      await expectNoClearData(dialect, database.url, rt.storage, NIK, PHONE, EMAIL);
    });
  });

  describe(`the data key on '${dialect.name}'`, () => {
    it('refuses to start with another key, and with no key at all, and changes nothing', async () => {
      const database = await dialect.freshDatabase({ crossProcess: true });
      try {
        const first = await startTestRuntime(dialect, { database });
        const booked = await first.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(4300) }) });
        expect(booked.statusCode).toBe(201);
        await first.close();
        const before = await snapshot(dialect, database.url);

        const otherKey = generateDataKey();
        await expect(startTestRuntime(dialect, { database, dataKey: otherKey })).rejects.toThrow(/encrypted with data key [0-9a-f]{8}.*Nothing was changed/s);
        if (dialect.name === 'sqlite') {
          // No ANTREAN_DATA_KEY and no key file: no new key is made for a database that has one.
          await expect(startTestRuntime(dialect, { database, dataKey: null })).rejects.toThrow(/key file .* is missing/);
          expect(existsSync(`${database.url.slice('file:'.length)}.key`)).toBe(false);
        } else {
          await expect(startTestRuntime(dialect, { database, dataKey: null })).rejects.toThrow(/ANTREAN_DATA_KEY is required/);
        }
        expect(await snapshot(dialect, database.url)).toBe(before);

        const again = await startTestRuntime(dialect, { database });
        const code = booked.json().booking.code as string;
        expect(await findBookingByCode(again.storage.db, code)).toMatchObject({ nik: nikFor(4300) });
        await again.close();
      } finally {
        await database.drop();
      }
    });

    it('re-encrypts everything under a new key with rotate-key, stopped halfway and run again', async () => {
      const database = await dialect.freshDatabase({ crossProcess: true });
      try {
        const first = await startTestRuntime(dialect, { database });
        const codes: string[] = [];
        for (let i = 0; i < 5; i++) {
          const res = await first.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: { ...bookingBody({ nik: nikFor(4400 + i) }), email: `orang${i}@example.com` } });
          expect(res.statusCode, res.body).toBe(201);
          codes.push(res.json().booking.code as string);
        }
        // One booking's personal data erased the way a purge erases it: empty values stay empty through a rotation.
        await first.storage.db.updateTable('bookings').set({ nik: '', phone: '', email: null, nik_hmac: null }).where('code', '=', codes[4]!).execute();
        await first.close();

        const newKey = generateDataKey();
        const current = new DataCipher(Buffer.from(TEST_DATA_KEY, 'base64'));
        const next = new DataCipher(Buffer.from(newKey, 'base64'));
        const storage = openStorage(database.url);
        let rows = 0;
        try {
          await expect(
            rotateDataKey(storage, {
              current,
              next,
              at: '2026-12-01T02:00:00.000Z',
              onRow: () => {
                if (++rows === 3) throw new Error('stopped halfway');
              },
            }),
          ).rejects.toThrow('stopped halfway');
        } finally {
          await storage.close();
        }
        // Halfway, neither key starts the server: the rotation must be finished first.
        await expect(startTestRuntime(dialect, { database })).rejects.toThrow(/stopped halfway.*rotate-key/s);
        await expect(startTestRuntime(dialect, { database, dataKey: newKey })).rejects.toThrow(/stopped halfway/);
        // Another new key cannot take over a rotation begun with this one.
        const other = openStorage(database.url);
        try {
          await expect(rotateDataKey(other, { current, next: new DataCipher(Buffer.from(generateDataKey(), 'base64')), at: '2026-12-01T02:00:00.000Z' })).rejects.toThrow(/finish it with that key/);
          const finished = await rotateDataKey(other, { current, next, at: '2026-12-01T02:00:00.000Z' });
          expect(finished).toMatchObject({ fromKeyId: current.keyId, toKeyId: next.keyId, alreadyDone: false });
          expect(finished.resealed.bookings).toBeGreaterThan(0);
        } finally {
          await other.close();
        }

        await expect(startTestRuntime(dialect, { database })).rejects.toThrow(/encrypted with data key/);
        const rotated = await startTestRuntime(dialect, { database, dataKey: newKey });
        try {
          for (const [i, code] of codes.slice(0, 4).entries()) {
            expect(await findBookingByCode(rotated.storage.db, code)).toMatchObject({ nik: nikFor(4400 + i), phone: '6281234567890', email: `orang${i}@example.com` });
          }
          expect(await findBookingByCode(rotated.storage.db, codes[4]!)).toMatchObject({ nik: '', phone: '', email: null, nik_hmac: null });
          const keys = await rotated.storage.db.selectFrom('bookings').select('key_id').distinct().execute();
          expect(keys).toEqual([{ key_id: next.keyId }]);
          // The keyed hashes were recomputed: one active booking per NIK still holds, and the owner check works.
          const again = await rotated.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik: nikFor(4400), date: '2026-12-03' }) });
          expect(again.json().error.code).toBe('ALREADY_BOOKED');
          const cancelled = await rotated.app.inject({ method: 'POST', url: `/api/v1/bookings/${codes[1]}/cancel`, payload: { nik: nikFor(4401) } });
          expect(cancelled.statusCode, cancelled.body).toBe(200);
          await expectNoClearData(dialect, database.url, rotated.storage, nikFor(4402), '0812-3456-7890', 'orang2@example.com');
        } finally {
          await rotated.close();
        }
      } finally {
        await database.drop();
      }
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`a database from before encryption on '${dialect.name}'`, () => {
    it('is encrypted in place at the first start, with no clear bytes left in the file or its journal', async () => {
      const database = await dialect.freshDatabase({ crossProcess: true, empty: true });
      const nik = nikFor(4600);
      const phone = '6281398765432';
      const email = 'lama@example.com';
      const old = openStorage(database.url);
      try {
        await migrateUpTo(old, '0016-counter-day');
        await ensureDefaultOffice({ storage: old, now: () => new Date('2026-11-30T02:00:00Z'), randomInt, events: new InProcessBus() });
        const office = await old.db.selectFrom('offices').select('id').executeTakeFirstOrThrow();
        const service = await old.db.selectFrom('services').select('id').where('office_id', '=', office.id).executeTakeFirstOrThrow();
        const session = await old.db.selectFrom('sessions').select('id').where('office_id', '=', office.id).executeTakeFirstOrThrow();
        const at = '2026-11-30T02:00:00.000Z';
        const booking = await old.db
          .insertInto('bookings')
          .values({
            code: 'KAMAR3467', office_id: office.id, service_id: service.id, session_id: session.id, date: '2026-12-02', queue_number: 'A-001', status: 'booked',
            nik, name: 'Warga Lama', phone, email, channel: 'online', priority: null, checked_in_at: null, created_at: at, updated_at: at,
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        await old.db
          .insertInto('outbox_messages')
          .values({
            office_id: office.id, booking_id: booking.id, kind: 'booked', channel: 'whatsapp', recipient: phone, subject: '', body: 'Nomor antrean A-001',
            dedupe_key: 'booked:lama', status: 'sent', next_attempt_at: at, claimed_by: null, lease_until: null, created_at: at, sent_at: at, failure_reason: null, last_detail: null,
          } as never)
          .execute();
        await old.db.insertInto('whatsapp_unreachable').values({ phone, marked_at: at, detail: 'not registered' } as never).execute();
      } finally {
        await old.close();
      }

      const rt = await startTestRuntime(dialect, { database });
      try {
        expect(await findBookingByCode(rt.storage.db, 'KAMAR3467')).toMatchObject({ nik, phone, email, name: 'Warga Lama' });
        expect((await findOutboxMessagesByDedupeKey(rt.storage.db, 'booked:lama')).map((m) => m.recipient)).toEqual([phone]);
        expect((await findMessageFacts(rt.storage.db, { officeId: 1, kind: 'booked', lang: 'id', phone })).unreachable).toBe(true);
        const again = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: bookingBody({ nik, date: '2026-12-03' }) });
        expect(again.json().error.code).toBe('ALREADY_BOOKED');
        const cancelled = await rt.app.inject({ method: 'POST', url: '/api/v1/bookings/KAMAR3467/cancel', payload: { nik } });
        expect(cancelled.statusCode, cancelled.body).toBe(200);
        await expectNoClearData(dialect, database.url, rt.storage, nik, `0${phone.slice(2)}`, email);
      } finally {
        await rt.close();
      }
      if (dialect.name === 'sqlite') {
        const storage = openStorage(database.url);
        try {
          await expectNoClearData(dialect, database.url, storage, nik, `0${phone.slice(2)}`, email);
        } finally {
          await storage.close();
        }
      }
      await database.drop();
    });
  });
}

describe('the key file of an SQLite database', () => {
  it('is made once, mode 0600, beside the database, and announced once on stdout', async () => {
    const dialect = DIALECTS.find((d) => d.name === 'sqlite')!;
    const database = await dialect.freshDatabase({ crossProcess: true });
    try {
      const first = await startTestRuntime(dialect, { database, dataKey: null });
      const keyFile = `${database.url.slice('file:'.length)}.key`;
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(first.announcements.filter((l) => l.includes(keyFile))).toHaveLength(1);
      expect(first.announcements.join('\n')).toContain('Back it up together with the database');
      await first.close();
      const second = await startTestRuntime(dialect, { database, dataKey: null });
      expect(second.announcements.filter((l) => l.includes(keyFile))).toHaveLength(0);
      await second.close();
    } finally {
      await database.drop();
    }
  });
});
