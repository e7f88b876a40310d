import type { FieldProblem } from './errors.js';

/** A service's code: what clients book by, shown to staff; upper-case letters, digits and dashes. */
const SERVICE_CODE = /^[A-Z0-9][A-Z0-9-]{0,31}$/;
/** Longest name of a service, in either language. */
export const MAX_SERVICE_NAME = 120;
/** Most documents one service may list; a ticket is read on a phone. */
export const MAX_DOCUMENTS = 20;
/** Longest line of the documents list. */
export const MAX_DOCUMENT_LENGTH = 200;

/** A service code as stored: trimmed and upper-case, so `kk` and `KK` are one service. */
export function normalizeServiceCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/** The settings of a service an admin writes; absent fields are not being changed. */
export interface ServiceSettings {
  code?: string | undefined;
  nameId?: string | undefined;
  nameEn?: string | undefined;
  documentsId?: readonly string[] | undefined;
  documentsEn?: readonly string[] | undefined;
  /** Who may use the service (a condition, not a document), in Indonesian; empty for none. */
  eligibilityId?: string | undefined;
  eligibilityEn?: string | undefined;
}

/** Longest eligibility note: one or two sentences. */
export const MAX_ELIGIBILITY_LENGTH = 300;

function eligibilityProblem(note: string | undefined, field: string): FieldProblem | null {
  return note !== undefined && note.trim().length > MAX_ELIGIBILITY_LENGTH ? { field, problem: 'TOO_LONG' } : null;
}

/** A documents list as stored: lines trimmed, empty lines dropped. */
export function cleanDocuments(lines: readonly string[]): string[] {
  return lines.map((l) => l.trim()).filter((l) => l !== '');
}

function documentsProblem(lines: readonly string[] | undefined, field: string): FieldProblem | null {
  if (lines === undefined) return null;
  const clean = cleanDocuments(lines);
  if (clean.length > MAX_DOCUMENTS) return { field, problem: 'DOCUMENTS_TOO_MANY' };
  if (clean.some((l) => l.length > MAX_DOCUMENT_LENGTH)) return { field, problem: 'DOCUMENT_TOO_LONG' };
  return null;
}

function nameProblem(name: string | undefined, field: string): FieldProblem | null {
  if (name === undefined) return null;
  if (name.trim() === '') return { field, problem: 'REQUIRED' };
  if (name.trim().length > MAX_SERVICE_NAME) return { field, problem: 'TOO_LONG' };
  return null;
}

/** Every problem with a service's settings at once; empty when all is well. */
export function serviceProblems(s: ServiceSettings): FieldProblem[] {
  const problems: (FieldProblem | null)[] = [
    s.code === undefined ? null : normalizeServiceCode(s.code) === '' ? { field: 'code', problem: 'REQUIRED' } : SERVICE_CODE.test(normalizeServiceCode(s.code)) ? null : { field: 'code', problem: 'SERVICE_CODE_INVALID' },
    nameProblem(s.nameId, 'nameId'),
    nameProblem(s.nameEn, 'nameEn'),
    documentsProblem(s.documentsId, 'documentsId'),
    documentsProblem(s.documentsEn, 'documentsEn'),
    eligibilityProblem(s.eligibilityId, 'eligibilityId'),
    eligibilityProblem(s.eligibilityEn, 'eligibilityEn'),
  ];
  return problems.filter((p): p is FieldProblem => p !== null);
}

/**
 * The order after moving one code a place up or down; the list unchanged at either end or for
 * a code it does not hold.
 */
export function moveInOrder(codes: readonly string[], code: string, direction: 'up' | 'down'): string[] {
  const out = [...codes];
  const i = out.indexOf(code);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}
