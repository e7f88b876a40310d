import type { OfficeRow } from '../../db/schema.js';
import type { ReleaseRules, ReleaseWave } from '../../domain/release-schedule.js';

/** The release settings of an office row. */
export function releaseRulesOf(
  o: Pick<OfficeRow, 'booking_days_ahead' | 'release_time' | 'draw_seconds' | 'desk_share_percent' | 'release_waves'>,
): ReleaseRules {
  return {
    daysAhead: Number(o.booking_days_ahead),
    time: o.release_time,
    drawSeconds: Number(o.draw_seconds),
    deskShare: Number(o.desk_share_percent),
    waves: o.release_waves ? (JSON.parse(o.release_waves) as ReleaseWave[]) : null,
  };
}
