import type { OfficeRow } from '../../db/schema.js';
import type { ReleaseRules, ReleaseWave } from '../../domain/release-schedule.js';

type ReleaseFields = Pick<OfficeRow, 'booking_days_ahead' | 'release_time' | 'draw_seconds' | 'desk_share_percent' | 'release_waves'>;

// One rules object per office row object: the row is kept by the read cache until the office
// changes, and release-schedule keeps each day's waves per rules object, so a day's waves are
// worked out once per change instead of on every request. A changed office is a new row.
const RULES = new WeakMap<ReleaseFields, ReleaseRules>();

/** The release settings of an office row. Callers must not change the row or the rules. */
export function releaseRulesOf(o: ReleaseFields): ReleaseRules {
  let rules = RULES.get(o);
  if (!rules) RULES.set(o, (rules = readRules(o)));
  return rules;
}

function readRules(o: ReleaseFields): ReleaseRules {
  return {
    daysAhead: Number(o.booking_days_ahead),
    time: o.release_time,
    drawSeconds: Number(o.draw_seconds),
    deskShare: Number(o.desk_share_percent),
    waves: o.release_waves ? (JSON.parse(o.release_waves) as ReleaseWave[]) : null,
  };
}
