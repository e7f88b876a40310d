import { z } from 'zod';
import type { OwnData } from '../../app/privacy/queries/get-own-data.js';
import { formatBookingCode } from '../../domain/booking-code.js';
import { formatDate, formatSession } from '../../texts/indonesian-format.js';
import type { Lang } from '../../texts/lang.js';

/**
 * Everything kept about one booking, for the person who proved it is theirs with the NIK. Their
 * own copy (the right of access): NIK, phone and email whole, as they were kept, since a
 * masked copy is no copy; it goes only to the NIK's holder, over a POST, never cached.
 */
export const OwnDataSchema = z
  .object({
    booking: z.object({
      code: z.string(),
      displayCode: z.string(),
      queueNumber: z.string(),
      office: z.string(),
      officeName: z.string(),
      timezone: z.string(),
      service: z.string(),
      serviceName: z.string(),
      date: z.string().describe("YYYY-MM-DD in the office's zone"),
      when: z.string(),
      status: z.string(),
      channel: z.string().describe('online, desk or walk_in'),
      priority: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
      checkedInAt: z.string().nullable(),
      calledAt: z.string().nullable(),
      counter: z.number().int().nullable(),
      lang: z.string().nullable().describe('The language of the page it was booked on'),
    }),
    person: z.object({
      nik: z.string(),
      name: z.string(),
      phone: z.string().describe('628…; empty when booked at the desk without a phone'),
      email: z.string().nullable(),
    }),
    history: z.array(z.object({ at: z.string(), type: z.string(), from: z.string().nullable(), to: z.string(), counter: z.number().int().nullable() })),
    messages: z.array(
      z.object({
        kind: z.string(),
        channel: z.string(),
        recipient: z.string(),
        subject: z.string(),
        body: z.string(),
        status: z.string(),
        createdAt: z.string(),
        sentAt: z.string().nullable(),
      }),
    ),
    staffReads: z
      .array(z.object({ at: z.string(), action: z.string().describe('desk_search, booking_lookup, desk_booking, desk_receipt, counter_ticket'), role: z.string() }))
      .describe('When staff opened this personal data, for what, and their role; not who by name'),
    retention: z.object({
      days: z.number().int().describe("The office's setting: days after the appointment date the data is kept"),
      erasedBy: z.string().describe('YYYY-MM-DD: the day the data is erased at the latest'),
      erasedByText: z.string(),
    }),
    controller: z.object({ name: z.string(), address: z.string(), contactPhone: z.string(), contactEmail: z.string() }).describe('Who is responsible for the data, and how to reach them'),
  })
  .meta({ id: 'OwnData' });

export type PresentedOwnData = z.infer<typeof OwnDataSchema>;

/** A booking's kept data as its owner's copy. */
export function presentOwnData(d: OwnData, lang: Lang): PresentedOwnData {
  const b = d.booking;
  return {
    booking: {
      code: b.code,
      displayCode: formatBookingCode(b.code),
      queueNumber: b.queue_number,
      office: b.office_slug,
      officeName: b.office_name,
      timezone: b.office_timezone,
      service: b.service_code,
      serviceName: lang === 'en' ? b.service_name_en : b.service_name,
      date: b.date,
      when: formatSession(b.date, b.session_start, b.session_end, b.office_timezone, lang),
      status: b.status,
      channel: b.channel,
      priority: b.priority,
      createdAt: b.created_at,
      updatedAt: b.updated_at,
      checkedInAt: b.checked_in_at,
      calledAt: b.called_at ?? null,
      counter: b.counter_number === null || b.counter_number === undefined ? null : Number(b.counter_number),
      lang: b.lang ?? null,
    },
    person: { nik: b.nik, name: b.name, phone: b.phone, email: b.email ?? null },
    history: d.history.map((h) => ({ at: h.at, type: h.type, from: h.from_status, to: h.to_status, counter: h.counter_number === null ? null : Number(h.counter_number) })),
    messages: d.messages.map((m) => ({ kind: m.kind, channel: m.channel, recipient: m.recipient, subject: m.subject, body: m.body, status: m.status, createdAt: m.created_at, sentAt: m.sent_at })),
    staffReads: d.staffReads,
    retention: { days: Number(d.office.retention_days), erasedBy: d.erasedBy, erasedByText: formatDate(d.erasedBy, lang) },
    controller: { name: d.office.name, address: d.office.address, contactPhone: d.office.contact_phone, contactEmail: d.office.contact_email },
  };
}
