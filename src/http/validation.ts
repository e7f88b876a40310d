import { z } from 'zod';
import { isLocalDate, isServedDate } from '../domain/local-date.js';
import { parseNik } from '../domain/nik.js';
import { personNameProblem } from '../domain/person-name.js';
import { normalizeMobilePhone } from '../domain/phone.js';
import { normalizeEmail } from '../domain/email.js';
import { normalizeBookingCode } from '../domain/booking-code.js';
import { type FieldProblem, InvalidInputError } from '../domain/errors.js';

/*
 * Field schemas whose issue messages are problem codes (REQUIRED, NIK_FORMAT, …): the error
 * handler turns them into words in the asker's language.
 */
const problem = (code: string) => ({ error: (iss: { input?: unknown }) => (iss.input === undefined || iss.input === '' ? 'REQUIRED' : code) });

/** A short trimmed string. */
export const textField = (max = 100) => z.string(problem('INVALID')).trim().min(1, 'REQUIRED').max(max, 'TOO_LONG');

/** A NIK in any spacing; the domain says what is wrong with it. */
export const nikField = z
  .string(problem('NIK_FORMAT'))
  .max(40, 'NIK_FORMAT')
  .superRefine((v, ctx) => {
    if (v.trim() === '') return void ctx.addIssue({ code: 'custom', message: 'REQUIRED' });
    const r = parseNik(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.problem });
  });

export const nameField = z
  .string(problem('NAME_INVALID'))
  .max(400, 'NAME_INVALID')
  .refine((v) => v.trim() !== '', 'REQUIRED')
  .superRefine((v, ctx) => {
    // Says why: a digit (a number typed in the wrong box), another character, or the length.
    const problem = v.trim() === '' ? null : personNameProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const phoneField = z
  .string(problem('PHONE_INVALID'))
  .max(40, 'PHONE_INVALID')
  .refine((v) => v.trim() !== '', 'REQUIRED')
  .refine((v) => v.trim() === '' || normalizeMobilePhone(v) !== null, 'PHONE_INVALID');

/** The same, for the desk: a person without a phone is booked with none (empty or absent). */
export const optionalPhoneField = z
  .string(problem('PHONE_INVALID'))
  .max(40, 'PHONE_INVALID')
  .nullish()
  .transform((v) => v ?? '')
  .refine((v) => v.trim() === '' || normalizeMobilePhone(v) !== null, 'PHONE_INVALID');

/** A calendar date within the years served (2000–2100): `9999-12-31` plus a few days is no date. */
export const dateField = z
  .string(problem('DATE_INVALID'))
  .refine(isLocalDate, 'DATE_INVALID')
  .refine((v) => !isLocalDate(v) || isServedDate(v), 'DATE_OUT_OF_RANGE');

/** A positive id, as a JSON number or the digits of a form field. */
export const idField = (code = 'NUMBER_INVALID') =>
  z.union([z.number(), z.string().regex(/^\d{1,9}$/)], problem(code)).transform(Number).pipe(z.number().int().positive(code));

export const bookingCodeField = z.string(problem('CODE_INVALID')).max(40, 'CODE_INVALID').refine((v) => normalizeBookingCode(v) !== null, 'CODE_INVALID');

/** Parses input against a schema, or throws InvalidInputError naming the first problem of each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields: FieldProblem[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.length ? issue.path.map(String).join('.') : 'body';
    if (fields.some((f) => f.field === field)) continue;
    fields.push({ field, problem: /^[A-Z_]+$/.test(issue.message) ? issue.message : 'INVALID' });
  }
  throw new InvalidInputError(fields);
}

/**
 * The person a booking is for, as every booking entry takes it (citizen API and page, desk
 * API and pages): one schema, so the four cannot drift apart.
 */
/** An optional email address for messages besides WhatsApp; empty means none. */
export const emailField = z
  .string(problem('EMAIL_INVALID'))
  .max(254, 'EMAIL_INVALID')
  .refine((v) => v.trim() === '' || normalizeEmail(v) !== null, 'EMAIL_INVALID')
  .optional()
  .describe('Optional: messages go by email too (WhatsApp stays the main channel)');

export const PersonFields = z.object({ nik: nikField, name: nameField, phone: phoneField, email: emailField, service: textField(32) });

/** The person as the desk takes them (desk bookings and walk-ins): the phone may be left out. */
export const DeskPersonFields = PersonFields.extend({ phone: optionalPhoneField.describe('Optional: empty or absent for someone without a phone') });

/** The person's fields as the booking use cases name them. */
export function personOf(fields: z.output<typeof PersonFields> | z.output<typeof DeskPersonFields>): { nik: string; name: string; phone: string; email: string | null; serviceCode: string } {
  const email = fields.email?.trim() ? fields.email : null;
  return { nik: fields.nik, name: fields.name, phone: fields.phone, email, serviceCode: fields.service };
}
