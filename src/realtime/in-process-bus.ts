import { EventEmitter } from 'node:events';
import type { EventPublisher, OfficeEvent } from '../app/shared/context.js';

/** Receives office events, whichever process they were published in. */
export type OfficeEventListener = (event: OfficeEvent) => void;

/** Publishes events and lets live streams subscribe to one office's events. */
export interface EventBus extends EventPublisher {
  close(): Promise<void>;
}

/** Events within one process: enough for SQLite, where there is one server process. */
export class InProcessBus implements EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every open display or booking page is a listener; the default warning at 10 is noise here.
    this.emitter.setMaxListeners(0);
  }

  async publish(event: OfficeEvent): Promise<void> {
    this.deliver(event);
  }

  /** Hands an event to this process's listeners; a listener that throws never reaches the publisher. */
  deliver(event: OfficeEvent): void {
    for (const listener of this.emitter.listeners(`office:${event.officeId}`) as OfficeEventListener[]) {
      try {
        listener(event);
      } catch {
        // A broken stream must not break a booking.
      }
    }
  }

  subscribe(officeId: number, listener: OfficeEventListener): () => void {
    const name = `office:${officeId}`;
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
