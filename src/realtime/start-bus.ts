import type { Storage } from '../db/database.js';
import { sendNotification } from '../db/repositories/notifications.js';
import { type EventBus, InProcessBus } from './in-process-bus.js';
import { PostgresBus } from './postgres-bus.js';

/** The event bus the engine supports: across processes on PostgreSQL, in-process on SQLite. */
export async function startBus(storage: Storage, onError: (error: unknown) => void): Promise<EventBus> {
  if (!storage.engine.crossProcessEvents) return new InProcessBus();
  return PostgresBus.start(storage.url, (channel, payload) => sendNotification(storage.db, channel, payload), onError);
}
