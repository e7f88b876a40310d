import { describe, expect, it } from 'vitest';
import { DRAW_CLOSE_MARGIN_MS, drawsReadStillHold, nextOpeningAt, onlinePlacesAt, openDraw, opensAt, releaseAt, releasedPlaces, releaseProblems, releasesBetween, releasesOf, type ReleaseRules } from './release-schedule.js';

const rules: ReleaseRules = { daysAhead: 14, time: '07:00', drawSeconds: 60, deskShare: 10 };
const waved: ReleaseRules = { ...rules, waves: [{ time: '07:00', percent: 50 }, { time: '19:00', percent: 50 }] };

describe('release schedule', () => {
  it('opens a day daysAhead days before it at the release time on the office clock', () => {
    expect(opensAt('2026-12-15', rules, 'Asia/Jakarta').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(opensAt('2026-12-15', rules, 'Asia/Jayapura').toISOString()).toBe('2026-11-30T22:00:00.000Z');
  });

  it('releases waves on the release day with their cumulative share', () => {
    const r = releasesOf('2026-12-15', waved, 'Asia/Jakarta');
    expect(r.map((x) => [x.at.toISOString(), x.drawAt.toISOString(), x.cumulativePercent])).toEqual([
      ['2026-12-01T00:00:00.000Z', '2026-12-01T00:01:00.000Z', 50],
      ['2026-12-01T12:00:00.000Z', '2026-12-01T12:01:00.000Z', 100],
    ]);
  });

  it('knows the latest wave and whether its draw is still open', () => {
    const at = (iso: string) => new Date(iso);
    expect(releaseAt('2026-12-15', waved, 'Asia/Jakarta', at('2026-11-30T23:59:59.999Z'))).toBeNull();
    expect(openDraw('2026-12-15', waved, 'Asia/Jakarta', at('2026-12-01T00:00:00.000Z'))?.wave).toBe(0);
    expect(openDraw('2026-12-15', waved, 'Asia/Jakarta', at('2026-12-01T00:00:59.999Z'))?.wave).toBe(0);
    expect(openDraw('2026-12-15', waved, 'Asia/Jakarta', at('2026-12-01T00:01:00.000Z'))).toBeNull();
    expect(releaseAt('2026-12-15', waved, 'Asia/Jakarta', at('2026-12-01T12:00:30.000Z'))?.wave).toBe(1);
    expect(openDraw('2026-12-15', { ...rules, drawSeconds: 0 }, 'Asia/Jakarta', at('2026-12-01T00:00:00.000Z'))).toBeNull();
  });

  it('rounds a wave share down and opens every place at the last wave', () => {
    const [first, last] = releasesOf('2026-12-15', { ...rules, waves: [{ time: '07:00', percent: 33 }, { time: '08:00', percent: 67 }] }, 'Asia/Jakarta');
    expect(releasedPlaces(37, null)).toBe(0);
    expect(releasedPlaces(37, first!)).toBe(12);
    expect(releasedPlaces(37, last!)).toBe(37);
  });

  it('names each wrong release setting', () => {
    expect(releaseProblems(waved)).toEqual([]);
    expect(releaseProblems({ daysAhead: 0, drawSeconds: -1, deskShare: 101, time: '25:00' }).map((p) => p.field)).toEqual([
      'release.daysAhead',
      'release.drawSeconds',
      'release.deskShare',
      'release.time',
    ]);
    expect(releaseProblems({ waves: [{ time: '19:00', percent: 50 }, { time: '07:00', percent: 50 }] })[0]?.problem).toBe('RELEASE_WAVES_INVALID');
    expect(releaseProblems({ waves: [{ time: '07:00', percent: 60 }, { time: '19:00', percent: 50 }] })[0]?.problem).toBe('RELEASE_WAVES_INVALID');
    expect(releaseProblems({ time: '08:00', waves: [{ time: '07:00', percent: 100 }] })[0]?.problem).toBe('RELEASE_TIME_NOT_FIRST_WAVE');
  });
});

describe('places a release opens', () => {
  it('opens the released share of the places left after the desk, and says when more come', () => {
    const at = (iso: string) => new Date(iso);
    expect(onlinePlacesAt(40, '2026-12-15', waved, 'Asia/Jakarta', at('2026-11-30T23:59:59Z'))).toBe(0);
    expect(onlinePlacesAt(40, '2026-12-15', waved, 'Asia/Jakarta', at('2026-12-01T00:00:00Z'))).toBe(18);
    expect(onlinePlacesAt(40, '2026-12-15', waved, 'Asia/Jakarta', at('2026-12-01T12:00:00Z'))).toBe(36);
    expect(nextOpeningAt(40, '2026-12-15', waved, 'Asia/Jakarta', at('2026-12-01T00:00:00Z'))?.toISOString()).toBe('2026-12-01T12:00:00.000Z');
    expect(nextOpeningAt(40, '2026-12-15', waved, 'Asia/Jakarta', at('2026-12-01T12:00:00Z'))).toBeNull();
    // One online place: the first half rounds to none, so it opens at the second wave.
    expect(nextOpeningAt(1, '2026-12-15', { ...waved, deskShare: 0 }, 'Asia/Jakarta', at('2026-11-30T00:00:00Z'))?.toISOString()).toBe('2026-12-01T12:00:00.000Z');
  });

  it('finds the waves between two instants with the day each releases', () => {
    const found = (after: string, upTo: string) => releasesBetween(waved, 'Asia/Jakarta', new Date(after), new Date(upTo)).map((r) => [r.date, r.release.wave]);
    expect(found('2026-11-30T23:59:00Z', '2026-12-01T00:00:00Z')).toEqual([['2026-12-15', 0]]);
    expect(found('2026-12-01T00:00:00Z', '2026-12-01T11:59:59Z')).toEqual([]);
    expect(found('2026-11-30T00:00:00Z', '2026-12-01T12:00:00Z')).toEqual([
      ['2026-12-14', 1],
      ['2026-12-15', 0],
      ['2026-12-15', 1],
    ]);
  });
});

describe('a read of unfinished draws kept by a process', () => {
  const at = (iso: string) => new Date(iso);
  const holds = (readAt: string, now: string) => drawsReadStillHold('2026-12-15', waved, 'Asia/Jakarta', at(readAt), at(now));

  it('holds while no window of the date has closed since a margin before the read', () => {
    // Read before the first release, asked before its window closes: nothing can be pending yet.
    expect(holds('2026-11-30T23:59:00Z', '2026-12-01T00:00:59.999Z')).toBe(true);
    // Read well after the first window closed, asked before the second one closes.
    expect(holds('2026-12-01T00:01:05Z', '2026-12-01T12:00:59Z')).toBe(true);
    // Read well after the last window closed: holds for ever after.
    expect(holds('2026-12-01T12:01:05Z', '2026-12-02T00:00:00Z')).toBe(true);
  });

  it('no longer holds once a window that was open at the read, or just closed, has closed', () => {
    // Read while the draw was taking entries: a first entry after the read made a draw it lacks.
    expect(holds('2026-12-01T00:00:30Z', '2026-12-01T00:01:00Z')).toBe(false);
    expect(holds('2026-11-30T12:00:00Z', '2026-12-01T00:01:00.001Z')).toBe(false);
    // Read within the margin after the close: an entry begun before the close may still be committing.
    const closed = at('2026-12-01T00:01:00Z').getTime();
    expect(drawsReadStillHold('2026-12-15', waved, 'Asia/Jakarta', new Date(closed + DRAW_CLOSE_MARGIN_MS - 1), at('2026-12-01T00:02:00Z'))).toBe(false);
    expect(drawsReadStillHold('2026-12-15', waved, 'Asia/Jakarta', new Date(closed + DRAW_CLOSE_MARGIN_MS), at('2026-12-01T00:02:00Z'))).toBe(true);
    // The second wave's window closing counts as much as the first.
    expect(holds('2026-12-01T00:01:05Z', '2026-12-01T12:01:00Z')).toBe(false);
  });

  it('does not hold when the clock has gone back before the read', () => {
    expect(holds('2026-12-01T00:01:05Z', '2026-12-01T00:01:04Z')).toBe(false);
  });
});
