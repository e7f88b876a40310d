import pg from 'pg';
import type { OfficeEvent } from '../app/shared/context.js';
import { type EventBus, InProcessBus, type OfficeEventListener } from './in-process-bus.js';

const CHANNEL = 'antrean_events';

/** Sends one notification on a channel (a NOTIFY through the storage's pool). */
export type SendNotification = (channel: string, payload: string) => Promise<void>;

/**
 * Events across every server process sharing one PostgreSQL database. Publishing sends a
 * NOTIFY through the storage's own pool (a pool of its own cost every process, and every test
 * runtime, a connection more: about 20 ms of PostgreSQL's CPU each here); each process LISTENs
 * on its own connection and hands what arrives, its own events included, to its local
 * listeners. A lost listening connection is reopened.
 */
export class PostgresBus implements EventBus {
  private readonly local = new InProcessBus();
  private listener: pg.Client | undefined;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly url: string,
    private readonly send: SendNotification,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Opens the listening connection before returning, so no event published after start is missed. */
  static async start(url: string, send: SendNotification, onError: (error: unknown) => void): Promise<PostgresBus> {
    const bus = new PostgresBus(url, send, onError);
    await bus.listen();
    return bus;
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      try {
        this.local.deliver(JSON.parse(msg.payload) as OfficeEvent);
      } catch (error) {
        this.onError(error);
      }
    });
    client.on('error', (error) => {
      this.onError(error);
      this.scheduleReconnect();
    });
    client.on('end', () => this.scheduleReconnect());
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    this.listener = undefined;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.listen().catch((error) => {
        this.onError(error);
        this.scheduleReconnect();
      });
    }, 1000);
  }

  async publish(event: OfficeEvent): Promise<void> {
    try {
      await this.send(CHANNEL, JSON.stringify(event));
    } catch (error) {
      // A screen missing one update is better than a booking failing after it was committed.
      this.onError(error);
    }
  }

  subscribe(officeId: number, listener: OfficeEventListener): () => void {
    return this.local.subscribe(officeId, listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    await this.local.close();
    await this.listener?.end().catch(() => undefined);
  }
}
