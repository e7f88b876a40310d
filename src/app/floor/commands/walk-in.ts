import { DomainError } from '../../../domain/errors.js';
import { addDays, daysBetween } from '../../../domain/local-date.js';
import { walkInSlot } from '../../../domain/walk-in-slot.js';
import { book, type BookResult } from '../../booking/commands/book.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from '../../office/queries/find-office.js';
import { officeClock } from '../../../domain/office-clock.js';
import { planOfficeDays } from '../../office/queries/plan-office-days.js';
import type { Actor } from '../../shared/ticket-lifecycle.js';

export interface WalkInOptions {
  officeSlug: string;
  nik: string;
  name: string;
  phone: string;
  /** Optional address for messages besides WhatsApp. */
  email?: string | null;
  serviceCode: string;
  actor: Actor;
}

/** A session can fill between reading availability and booking; try the next one a few times. */
const ATTEMPTS = 5;

/**
 * Books someone who came without a booking into the next open day's earliest session with
 * places, as the seed office does, through the same rules as any booking.
 */
export async function walkIn(ctx: AppContext, opts: WalkInOptions): Promise<BookResult> {
  const db = ctx.storage.db;
  const office = await requireOffice(db, opts.officeSlug);
  for (let attempt = 1; ; attempt++) {
    const clock = officeClock(office, ctx.now());
    const span = daysBetween(clock.today, clock.window.last);
    const days = span > 0 ? await planOfficeDays(db, office, clock, addDays(clock.today, 1), span, 'walk_in') : [];
    const slot = walkInSlot(days, clock.today);
    if (!slot) throw new DomainError('NO_OPEN_DAY');
    try {
      return await book(ctx, {
        officeSlug: office.slug,
        date: slot.date,
        sessionId: slot.session.id,
        serviceCode: opts.serviceCode,
        nik: opts.nik,
        name: opts.name,
        phone: opts.phone,
        email: opts.email ?? null,
        channel: 'walk_in',
        actorUserId: opts.actor.userId,
      });
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'SESSION_FULL') || attempt >= ATTEMPTS) throw error;
    }
  }
}
