import { type LocalDate, todayIn } from './local-date.js';

/*
 * Rules of the work at one counter (loket): how a visit ended, how long a skip may be taken
 * back, who holds the counter today, and where a transferred person may be called.
 */

/** How a visit at the counter ended, recorded with its finish event. */
export const FINISH_OUTCOMES = ['served', 'documents_incomplete', 'referred'] as const;
export type FinishOutcome = (typeof FINISH_OUTCOMES)[number];

/** Whether a value names an outcome. */
export function isFinishOutcome(value: unknown): value is FinishOutcome {
  return typeof value === 'string' && (FINISH_OUTCOMES as readonly string[]).includes(value);
}

/**
 * How long after a skip the counter may take it back. Long enough for a person who was in the
 * toilet or outside to come to the counter, short enough that the line has not moved on much.
 */
export const UNDO_SKIP_MINUTES = 5;

/** Whether a skip made at `skippedAt` may still be undone at `now`. */
export function mayUndoSkip(skippedAt: Date, now: Date, minutes = UNDO_SKIP_MINUTES): boolean {
  const elapsed = now.getTime() - skippedAt.getTime();
  return elapsed >= 0 && elapsed <= minutes * 60_000;
}

/** Until when a skip made at `skippedAt` may be undone. */
export function undoSkipUntil(skippedAt: Date, minutes = UNDO_SKIP_MINUTES): Date {
  return new Date(skippedAt.getTime() + minutes * 60_000);
}

/** Who holds a counter, as the counter row records it. */
export interface CounterClaim {
  userId: number | null;
  /** When they took it (ISO instant). */
  since: string | null;
}

/**
 * Who holds the counter today, or null when nobody does. A claim lasts for the office day it
 * was made on: the next morning the counter is free, whoever forgot to leave it.
 */
export function currentClerk(claim: CounterClaim, zone: string, now: Date): number | null {
  if (claim.userId === null || claim.since === null) return null;
  const today: LocalDate = todayIn(zone, now);
  return todayIn(zone, new Date(claim.since)) === today ? claim.userId : null;
}

/** What a clerk opening or acting at a counter may do. */
export type ClaimDecision = 'claim' | 'holds' | 'held_by_other';

/** Whether the clerk takes a free counter, already holds it, or finds another clerk there. */
export function claimDecision(claim: CounterClaim, userId: number, zone: string, now: Date): ClaimDecision {
  const holder = currentClerk(claim, zone, now);
  if (holder === null) return 'claim';
  return holder === userId ? 'holds' : 'held_by_other';
}

/** A counter as transfers and calls see it. */
export interface CounterReach {
  number: number;
  /** The services it is limited to; empty: every service. */
  serviceIds: readonly number[];
  paused: boolean;
  /** Whether a clerk holds it today. */
  staffed: boolean;
}

/** Whether a counter calls a service's line. */
export function servesService(counter: Pick<CounterReach, 'serviceIds'>, serviceId: number): boolean {
  return counter.serviceIds.length === 0 || counter.serviceIds.includes(serviceId);
}

/** The counters, other than the sending one, that a person transferred to a service may be called at. */
export function transferTargets(counters: readonly CounterReach[], serviceId: number, fromCounter: number): CounterReach[] {
  return counters.filter((c) => c.number !== fromCounter && servesService(c, serviceId));
}

/**
 * Whether a counter should leave a waiting ticket it transferred itself to another counter: yes
 * while another counter serving that service is staffed and not paused, so the person goes to
 * a new counter; no when nobody else is there to call them, so they are never stranded.
 */
export function leavesTransferredTicket(counters: readonly CounterReach[], ticket: { serviceId: number; transferredFrom: number | null }, counter: number): boolean {
  if (ticket.transferredFrom !== counter) return false;
  return counters.some((c) => c.number !== counter && c.staffed && !c.paused && servesService(c, ticket.serviceId));
}
