import type { Storage } from '../../db/database.js';
import type { PasswordCost } from '../staff/passwords.js';
import type { UseCaseMeter } from './meter.js';

/** Something that happened at an office that live screens care about. */
export interface OfficeEvent {
  officeId: number;
  type: string;
  payload: Record<string, unknown>;
}

/** Where use cases announce changes and live screens listen; the realtime layer carries them across processes. */
export interface EventPublisher {
  publish(event: OfficeEvent): Promise<void>;
  /** Listens to one office's events; returns the function that stops listening. */
  subscribe(officeId: number, listener: (event: OfficeEvent) => void): () => void;
}

/** Options of a use case about one office and nothing more. */
export interface OfficeOptions {
  /** The office's slug, as in its URLs. */
  officeSlug: string;
}

/** What every use case may use: storage, the time, randomness and the event bus. */
export interface AppContext {
  storage: Storage;
  /** The current instant; tests pass a fixed one. */
  now(): Date;
  /** A uniform cryptographic integer in [0, n). */
  randomInt(n: number): number;
  events: EventPublisher;
  /** Counts bookings made and refused for the metrics; absent, nothing is counted. */
  meter?: UseCaseMeter;
  /** The work of hashing a staff password; absent, the standard cost. */
  passwordCost?: PasswordCost;
}
