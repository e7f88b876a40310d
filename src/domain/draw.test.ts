import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { drawOrder, hexToBytes, placeEntrants, replayDraw, seededStream, type Sha256 } from './draw.js';

const sha256: Sha256 = (data) => createHash('sha256').update(data).digest();
const seed = (byte: number) => new Uint8Array(32).fill(byte);

describe('seededStream', () => {
  it('gives the same numbers for the same seed and others for another', () => {
    const a = seededStream(seed(1), sha256);
    const b = seededStream(seed(1), sha256);
    const c = seededStream(seed(2), sha256);
    const xs = Array.from({ length: 20 }, () => a.below(1000));
    expect(Array.from({ length: 20 }, () => b.below(1000))).toEqual(xs);
    expect(Array.from({ length: 20 }, () => c.below(1000))).not.toEqual(xs);
  });

  it('starts with the first word of SHA-256(seed ‖ 0), as the documented stream says', () => {
    const input = new Uint8Array(36);
    input.set(seed(7));
    const first = new DataView(sha256(input).buffer).getUint32(0, false);
    // 2^32 is a multiple of 2^16: no word is rejected.
    expect(seededStream(seed(7), sha256).below(65536)).toBe(first % 65536);
  });

  it('draws every value below n about equally often', () => {
    const s = seededStream(seed(3), sha256);
    const counts = [0, 0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 70_000; i++) counts[s.below(7)]!++;
    for (const n of counts) expect(Math.abs(n - 10_000)).toBeLessThan(500);
  });
});

describe('drawOrder', () => {
  it('is a permutation that does not depend on the order entrants came in', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `e${i}`);
    const order = drawOrder(ids, seed(9), sha256);
    expect([...order].sort()).toEqual([...ids].sort());
    expect(drawOrder([...ids].reverse(), seed(9), sha256)).toEqual(order);
    expect(order).not.toEqual([...ids].sort());
  });

  it('puts each entrant first about equally often over many seeds', () => {
    const firsts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) {
      const s = new Uint8Array(32);
      new DataView(s.buffer).setUint32(0, i);
      const first = drawOrder(['a', 'b', 'c', 'd'], s, sha256)[0]!;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    // 1000 expected each; 4σ ≈ 110.
    for (const id of ['a', 'b', 'c', 'd']) expect(Math.abs((firsts.get(id) ?? 0) - 1000)).toBeLessThan(110);
  });
});

describe('placeEntrants', () => {
  const sessions = [
    { id: 1, start: '08:00', places: 1 },
    { id: 2, start: '09:00', places: 1 },
    { id: 3, start: '10:00', places: 0 },
    { id: 4, start: '11:00', places: 1 },
  ];

  it('gives each the session chosen, else the nearest with places, else none', () => {
    const entrants = [
      { id: 'x', sessionId: 1 },
      { id: 'y', sessionId: 1 },
      { id: 'z', sessionId: 3 },
      { id: 'w', sessionId: 2 },
      { id: 'v', sessionId: 4 },
    ];
    // x takes 1; y wants 1 (full): 2 is nearest; z wants 3 (none): 2 and 4 are equally near, 2 is gone, so 4; w and v find nothing.
    expect(placeEntrants(['x', 'y', 'z', 'w', 'v'], entrants, sessions)).toEqual({ x: 1, y: 2, z: 4, w: null, v: null });
  });

  it('breaks a tie of distance for the later session', () => {
    const two = [
      { id: 1, start: '08:00', places: 1 },
      { id: 2, start: '09:00', places: 0 },
      { id: 3, start: '10:00', places: 1 },
    ];
    expect(placeEntrants(['a'], [{ id: 'a', sessionId: 2 }], two)).toEqual({ a: 3 });
  });

  it('never places more than a session has', () => {
    const entrants = Array.from({ length: 50 }, (_, i) => ({ id: `e${i}`, sessionId: 1 + (i % 4) }));
    const placements = placeEntrants(
      entrants.map((e) => e.id),
      entrants,
      sessions,
    );
    const per = new Map<number, number>();
    for (const s of Object.values(placements)) if (s !== null) per.set(s, (per.get(s) ?? 0) + 1);
    for (const s of sessions) expect(per.get(s.id) ?? 0).toBeLessThanOrEqual(s.places);
    expect([...per.values()].reduce((a, b) => a + b, 0)).toBe(3);
  });
});

describe('replayDraw', () => {
  it('gives the same placements from the recorded seed, entrants and places', () => {
    const entrants = Array.from({ length: 30 }, (_, i) => ({ id: `id${i}`, sessionId: 1 + (i % 3) }));
    const sessions = [
      { id: 1, start: '08:00', places: 4 },
      { id: 2, start: '09:00', places: 4 },
      { id: 3, start: '10:00', places: 4 },
    ];
    const hex = 'ab'.repeat(32);
    const direct = placeEntrants(drawOrder(entrants.map((e) => e.id), hexToBytes(hex), sha256), entrants, sessions);
    expect(replayDraw({ seed: hex, entrants, sessions }, sha256)).toEqual(direct);
    expect(Object.values(direct).filter((s) => s !== null)).toHaveLength(12);
  });
});
