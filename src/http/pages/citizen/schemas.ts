import { z } from 'zod';
import { isServedDate } from '../../../domain/local-date.js';
import { nikField } from '../../validation.js';
import type { SlotRef } from '../../views/citizen/slot-picker.js';

/** A pressed session button, `DATE|SESSIONID`, as date and session id. */
export const slotField = z
  .string({ error: () => 'SESSION_INVALID' })
  .regex(/^\d{4}-\d{2}-\d{2}\|\d{1,9}$/, 'SESSION_INVALID')
  .refine((v) => isServedDate(v.slice(0, 10)), 'SESSION_INVALID')
  .transform((v): SlotRef => ({ date: v.slice(0, 10), sessionId: Number(v.slice(11)) }));

/** The slot pressed, when it can be read, to reopen its day on a re-render. */
export function chosenSlot(body: Record<string, unknown>): SlotRef | undefined {
  const parsed = slotField.safeParse(body.slot);
  return parsed.success ? parsed.data : undefined;
}

/** A form field as typed, for putting back into its input; anything odd becomes empty. */
export function typed(body: Record<string, unknown>, name: string, max = 200): string {
  const v = body[name];
  return typeof v === 'string' ? v.slice(0, max) : '';
}

/** The owner's NIK, the only field of the cancel form. */
export const OwnerForm = z.object({ nik: nikField });

/** The move form: the owner's NIK and the new session. */
export const MoveForm = z.object({ nik: nikField, slot: slotField });
