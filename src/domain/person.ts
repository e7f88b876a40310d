import { type FieldProblem, InvalidInputError } from './errors.js';
import { parseNik } from './nik.js';
import { normalizePersonName } from './person-name.js';
import { normalizeMobilePhone } from './phone.js';
import { normalizeEmail } from './email.js';

/** Who a booking is for, as stored: NIK digits only, a tidy name, a `628…` phone (empty: none), an email or null. */
export interface Person {
  nik: string;
  name: string;
  /** `628…`, or empty for someone the desk booked who has no phone. */
  phone: string;
  email: string | null;
}

/** The identity fields as typed; `email` is optional and empty means none. */
export interface PersonInput {
  nik: string;
  name: string;
  phone: string;
  email?: string | null | undefined;
}

/** How strict the phone is: a citizen booking for themselves needs one; the desk may book someone without. */
export interface PersonRules {
  phoneOptional?: boolean;
}

/** The phone in stored form: `628…`, empty when none was given and none is needed, or null when wrong. */
function storedPhone(input: string, rules: PersonRules): string | null {
  if (rules.phoneOptional && input.trim() === '') return '';
  return normalizeMobilePhone(input);
}

/** Every problem with the identity fields at once, so a form can mark them all. */
export function personProblems(input: PersonInput, rules: PersonRules = {}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const nik = parseNik(input.nik);
  if (!nik.ok) problems.push({ field: 'nik', problem: nik.problem });
  if (normalizePersonName(input.name) === null) problems.push({ field: 'name', problem: 'NAME_INVALID' });
  if (storedPhone(input.phone, rules) === null) problems.push({ field: 'phone', problem: 'PHONE_INVALID' });
  if (input.email?.trim() && normalizeEmail(input.email) === null) problems.push({ field: 'email', problem: 'EMAIL_INVALID' });
  return problems;
}

/** The person in stored form, or InvalidInputError naming each bad field. */
export function parsePerson(input: PersonInput, rules: PersonRules = {}): Person {
  const nik = parseNik(input.nik);
  const name = normalizePersonName(input.name);
  const phone = storedPhone(input.phone, rules);
  const email = input.email?.trim() ? normalizeEmail(input.email) : null;
  const emailBad = Boolean(input.email?.trim()) && email === null;
  if (!nik.ok || name === null || phone === null || emailBad) throw new InvalidInputError(personProblems(input, rules));
  return { nik: nik.value.nik, name, phone, email };
}
