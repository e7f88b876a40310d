import type { Storage } from '../db/database.js';
import { type EventBus, InProcessBus } from './in-process-bus.js';
import { PostgresBus } from './postgres-bus.js';

/** The event bus the engine supports: across processes on PostgreSQL, in-process on SQLite. */
export async function startBus(storage: Storage, onError: (error: unknown) => void): Promise<EventBus> {
  return storage.engine.crossProcessEvents ? PostgresBus.start(storage.url, onError) : new InProcessBus();
}
