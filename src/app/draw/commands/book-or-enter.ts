import { DomainError } from '../../../domain/errors.js';
import { isLocalDate } from '../../../domain/local-date.js';
import { openDraw } from '../../../domain/release-schedule.js';
import { book, type BookOptions, type BookResult } from '../../booking/commands/book.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { releaseRulesOf } from '../../office/release-rules.js';
import type { AppContext } from '../../shared/context.js';
import { DRAW_RETRY_AFTER_SECONDS, isDrawPending } from '../queries/pending-draw.js';
import type { Entry } from '../read-models.js';
import { enterDraw } from './enter-draw.js';

/** A booking made at once, or an entry in the date's draw. */
export type BookOrEnterResult = ({ kind: 'booked' } & BookResult) | { kind: 'entered'; entry: Entry };

/**
 * What a citizen's online booking request does: within the first `drawSeconds` after a wave
 * releases the date, it enters them in the draw instead of booking; from the window's close
 * until that draw has been made it is refused for a few seconds (DRAW_IN_PROGRESS), so nobody
 * overtakes the entrants; after that it books, first come, first served. Desk and walk-in
 * bookings never enter a draw.
 */
export async function bookOrEnter(ctx: AppContext, opts: BookOptions): Promise<BookOrEnterResult> {
  if (opts.channel === 'online' && isLocalDate(opts.date)) {
    const office = await requireOffice(ctx.storage.db, opts.officeSlug);
    const now = ctx.now();
    const release = openDraw(opts.date, releaseRulesOf(office), office.timezone, now);
    if (release) {
      const entry = await enterDraw(ctx, {
        office,
        release,
        date: opts.date,
        sessionId: opts.sessionId,
        serviceCode: opts.serviceCode,
        nik: opts.nik,
        name: opts.name,
        phone: opts.phone,
        email: opts.email ?? null,
        lang: opts.lang,
      });
      return { kind: 'entered', entry };
    }
    if (await isDrawPending(ctx, office, opts.date, now)) {
      throw new DomainError('DRAW_IN_PROGRESS', { retryAfterSeconds: DRAW_RETRY_AFTER_SECONDS });
    }
  }
  return { kind: 'booked', ...(await book(ctx, opts)) };
}
