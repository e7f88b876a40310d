import { z } from 'zod';
import type { AddClosureResult } from '../../app/office/commands/add-closure.js';
import type { ClosedDay } from '../../app/office/read-models.js';

const CLOSED_DAY_KINDS = ['national_holiday', 'cuti_bersama', 'provisional_holiday', 'office_closure'] as const;

/** A dated closed day as the API shows it. */
export const ClosureSchema = z
  .object({
    date: z.string().describe('YYYY-MM-DD in the office\'s zone'),
    reason: z.string().describe('The holiday\'s name, or the reason the admin gave'),
    kind: z.enum(CLOSED_DAY_KINDS),
    removable: z.boolean().describe('Only the office\'s own closures can be removed (DELETE …/closures/:date)'),
    createdAt: z.string().nullable().describe('When an admin recorded it; null for holidays'),
  })
  .meta({ id: 'Closure' });

const Place = z.object({ date: z.string(), sessionId: z.number().int() });

/** The answer to closing a day: the closure, and every booking of the day moved or cancelled, in queue order. */
export const ClosureResultSchema = z
  .object({
    closure: ClosureSchema,
    moved: z.array(z.object({ code: z.string(), from: Place, to: Place })).describe('Moved to the nearest open day with room, same session or the nearest later one'),
    cancelled: z.array(z.object({ code: z.string() })).describe('No day in the booking window had room'),
  })
  .meta({ id: 'ClosureResult' });

/** A closed day as it leaves the server; who recorded it stays in the audit log. */
export function presentClosure(row: ClosedDay): z.infer<typeof ClosureSchema> {
  return { date: row.date, reason: row.reason, kind: row.kind, removable: row.kind === 'office_closure', createdAt: row.created_at };
}

/** What closing a day did, with only the places named (queue numbers stay with each ticket). */
export function presentClosureResult(r: AddClosureResult): z.infer<typeof ClosureResultSchema> {
  return {
    closure: presentClosure(r.closure),
    moved: r.moved.map((m) => ({ code: m.code, from: { date: m.from.date, sessionId: m.from.sessionId }, to: { date: m.to.date, sessionId: m.to.sessionId } })),
    cancelled: r.cancelled.map((c) => ({ code: c.code })),
  };
}
