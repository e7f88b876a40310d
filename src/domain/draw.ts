/**
 * The draw after a release: everyone who asked within the draw's seconds is an entrant, and
 * being first gains nothing. The entrants are put in a random order drawn from a seed, then
 * placed one by one in the session they chose or the nearest one with places on that day.
 * Everything here is a pure function of the seed, the entrants and the places, so anyone with
 * the recorded draw can replay it to the same placements.
 *
 * The random stream is SHA-256 in counter mode: block k is SHA-256(seed ‖ k as 4 bytes
 * big-endian), read as 32-bit big-endian words. A number below n is drawn by rejection (words
 * at or above the largest multiple of n below 2^32 are skipped), so no entrant is favoured by
 * rounding. The shuffle is Fisher–Yates from the last position down over the entrants sorted
 * by id. The hash is passed in: the domain does no I/O and imports no Node module.
 */
import { minutesOfDay } from './local-date.js';

/** SHA-256 of some bytes: the only primitive the draw needs, given by the caller. */
export type Sha256 = (data: Uint8Array) => Uint8Array;

/** Bytes of a draw's seed. */
export const DRAW_SEED_BYTES = 32;

/** A reader of uniform integers from a seed. */
export interface SeededStream {
  /** A uniform integer in [0, n), n ≥ 1. */
  below(n: number): number;
}

const TWO_32 = 2 ** 32;

/** The SHA-256 counter-mode stream of a seed (see the file's comment). */
export function seededStream(seed: Uint8Array, sha256: Sha256): SeededStream {
  let counter = 0;
  let block: Uint8Array = new Uint8Array(0);
  let offset = 0;
  const nextWord = (): number => {
    if (offset + 4 > block.length) {
      const input = new Uint8Array(seed.length + 4);
      input.set(seed, 0);
      new DataView(input.buffer).setUint32(seed.length, counter++, false);
      block = sha256(input);
      offset = 0;
    }
    const word = new DataView(block.buffer, block.byteOffset, block.byteLength).getUint32(offset, false);
    offset += 4;
    return word;
  };
  return {
    below(n) {
      if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError(`below(${n})`);
      const limit = TWO_32 - (TWO_32 % n);
      for (;;) {
        const word = nextWord();
        if (word < limit) return word % n;
      }
    },
  };
}

/** The entrants' ids in the draw's order: sorted by id, then shuffled by the seed. */
export function drawOrder(entrantIds: readonly string[], seed: Uint8Array, sha256: Sha256): string[] {
  const order = [...entrantIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const stream = seededStream(seed, sha256);
  for (let i = order.length - 1; i > 0; i--) {
    const j = stream.below(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** A session of the drawn day with the places left in it when the draw runs. */
export interface DrawSession {
  id: number;
  /** `HH:MM`: "nearest" is measured between start times. */
  start: string;
  places: number;
}

/** An entrant and the session they asked for. */
export interface DrawEntrant {
  id: string;
  sessionId: number;
}

/** Where each entrant was placed: a session id, or null for no place that day. */
export type Placements = Record<string, number | null>;

/**
 * Places entrants in the given order: each gets the session they chose if it still has a
 * place, else the session nearest in start time with a place (a later one winning a tie, as
 * the booking form offers), else none. A session chosen that the day does not have counts as
 * starting at midnight, so its entrant still gets the earliest place left.
 */
export function placeEntrants(order: readonly string[], entrants: readonly DrawEntrant[], sessions: readonly DrawSession[]): Placements {
  const chosen = new Map(entrants.map((e) => [e.id, e.sessionId]));
  const left = new Map(sessions.map((s) => [s.id, Math.max(0, s.places)]));
  const starts = new Map(sessions.map((s) => [s.id, minutesOfDay(s.start)]));
  const placements: Placements = {};
  for (const id of order) {
    const wanted = chosen.get(id);
    if (wanted === undefined) continue;
    let best: number | null = null;
    if ((left.get(wanted) ?? 0) > 0) best = wanted;
    else {
      const from = starts.get(wanted) ?? 0;
      let bestOffset = 0;
      for (const s of sessions) {
        if ((left.get(s.id) ?? 0) <= 0) continue;
        const offset = (starts.get(s.id) ?? 0) - from;
        if (best === null || Math.abs(offset) < Math.abs(bestOffset) || (Math.abs(offset) === Math.abs(bestOffset) && offset > bestOffset)) {
          best = s.id;
          bestOffset = offset;
        }
      }
    }
    placements[id] = best;
    if (best !== null) left.set(best, left.get(best)! - 1);
  }
  return placements;
}

/** What a draw is replayed from: exactly what the audit log records. */
export interface DrawRecord {
  /** The seed, hex. */
  seed: string;
  entrants: readonly DrawEntrant[];
  sessions: readonly DrawSession[];
}

/** A recorded draw's placements, computed again from its seed, entrants and places. */
export function replayDraw(record: DrawRecord, sha256: Sha256): Placements {
  const seed = hexToBytes(record.seed);
  const order = drawOrder(
    record.entrants.map((e) => e.id),
    seed,
    sha256,
  );
  return placeEntrants(order, record.entrants, record.sessions);
}

/** Bytes of a hex string (a seed as recorded). */
export function hexToBytes(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/i.test(hex)) throw new RangeError('not hex');
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
