import type { Executor } from './offices.js';

/** People checked in and not called yet at an office on a date, per service code. */
export async function countWaitingByService(db: Executor, officeId: number, date: string): Promise<{ serviceCode: string; count: number }[]> {
  const rows = await db
    .selectFrom('bookings')
    .innerJoin('services', 'services.id', 'bookings.service_id')
    .select(['services.code as serviceCode', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('bookings.office_id', '=', officeId)
    .where('bookings.date', '=', date)
    .where('bookings.status', '=', 'checked_in')
    .groupBy('services.code')
    .execute();
  return rows.map((r) => ({ serviceCode: r.serviceCode, count: Number(r.n) }));
}

/** Messages not sent yet and not given up on (waiting, claimed or being sent), per channel, over every office. */
export async function countOutboxBacklog(db: Executor): Promise<{ channel: string; count: number }[]> {
  const rows = await db
    .selectFrom('outbox_messages')
    .select(['channel', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('status', 'in', ['waiting', 'claimed', 'sending'])
    .groupBy('channel')
    .execute();
  return rows.map((r) => ({ channel: String(r.channel), count: Number(r.n) }));
}
