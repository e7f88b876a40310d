import type { DomainErrorCode } from '../../domain/errors.js';

/** How a booking was made; the same three channels as `BookOptions.channel`. */
export type MeteredChannel = 'online' | 'desk' | 'walk_in';

/**
 * Where use cases count what they did, for the operator's monitoring. The HTTP layer's
 * Prometheus metrics implement it; absent (the CLI, some tests), nothing is counted.
 */
export interface UseCaseMeter {
  /** A booking was made (a replay of an earlier request with the same idempotency key is not). */
  bookingMade(channel: MeteredChannel): void;
  /** A booking was refused by a rule; the reason is the DomainError code the client is answered with. */
  bookingRefused(channel: MeteredChannel, reason: DomainErrorCode): void;
}
