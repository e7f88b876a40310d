import type { Kysely } from 'kysely';
import type { EngineCapabilities } from '../engine.js';

/**
 * Outbound messages. A booking may carry an email besides its WhatsApp number. Every message
 * is a row of `outbox_messages`, written in the transaction of the change that causes it, one
 * row per channel; `dedupe_key` with the channel is unique, so a message (a reminder) is never
 * queued twice. Each try to send it is a row of `outbox_attempts`, written before the gateway
 * is called and completed with its answer. `whatsapp_unreachable` holds the numbers a gateway
 * said are not on WhatsApp.
 */
export async function up(db: Kysely<unknown>, engine: EngineCapabilities): Promise<void> {
  await db.schema.alterTable('bookings').addColumn('email', 'text').execute();

  await db.schema
    .createTable('outbox_messages')
    .addColumn('id', engine.autoIdType, (c) => c.primaryKey())
    .addColumn('office_id', 'integer', (c) => c.notNull())
    .addColumn('booking_id', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('tries', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('failure_reason', 'text')
    .addColumn('last_detail', 'text')
    .execute();
  await db.schema.createIndex('outbox_messages_dedupe').unique().on('outbox_messages').columns(['dedupe_key', 'channel']).execute();
  await db.schema.createIndex('outbox_messages_due').on('outbox_messages').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbox_messages_office').on('outbox_messages').columns(['office_id', 'created_at']).execute();
  await db.schema.createIndex('outbox_messages_booking').on('outbox_messages').columns(['booking_id']).execute();

  await db.schema
    .createTable('outbox_attempts')
    .addColumn('id', engine.autoIdType, (c) => c.primaryKey())
    .addColumn('message_id', 'integer', (c) => c.notNull().references('outbox_messages.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('worker', 'text', (c) => c.notNull())
    .addColumn('transport', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('outbox_attempts_message').on('outbox_attempts').columns(['message_id', 'number']).execute();

  await db.schema
    .createTable('whatsapp_unreachable')
    .addColumn('phone', 'text', (c) => c.primaryKey())
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute();
}
