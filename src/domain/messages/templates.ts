import { DomainError, type FieldProblem, InvalidInputError } from '../errors.js';

/**
 * The placeholders a message template may use, each filled from the booking. Indonesian names,
 * since the admins who edit the templates read Indonesian; English templates use the same ones.
 */
export const PLACEHOLDERS = ['nama', 'kode', 'nomor', 'kantor', 'alamat', 'layanan', 'hari', 'jam', 'waktu', 'dokumen', 'tautan', 'loket'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** The values of every placeholder for one message. */
export type MessageValues = Record<Placeholder, string>;

/** Longest template an admin may save: a WhatsApp message stays readable on a small phone. */
export const TEMPLATE_MAX_LENGTH = 2000;

const PLACEHOLDER = /\{([^{}\s]*)\}/g;

function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

/**
 * What is wrong with an edited template, or an empty list: empty, too long, or naming a
 * placeholder that does not exist (a typo such as `{kodee}` would otherwise reach citizens
 * as an empty gap). The field is `body`; unknown names are listed in the problem's order.
 */
export function templateProblems(body: string): FieldProblem[] {
  if (body.trim() === '') return [{ field: 'body', problem: 'TEMPLATE_EMPTY' }];
  if (body.length > TEMPLATE_MAX_LENGTH) return [{ field: 'body', problem: 'TEMPLATE_TOO_LONG' }];
  if (unknownPlaceholders(body).length > 0) return [{ field: 'body', problem: 'TEMPLATE_UNKNOWN_PLACEHOLDER' }];
  return [];
}

/**
 * Refuses a template an admin may not save: an empty or too long one as a bad `body` field,
 * one naming an unknown placeholder as TEMPLATE_UNKNOWN_PLACEHOLDER with the first such name
 * and the list of those allowed, so the admin sees at once which word to fix.
 */
export function assertValidTemplate(body: string): void {
  const problems = templateProblems(body);
  if (!problems.length) return;
  if (problems[0]?.problem === 'TEMPLATE_UNKNOWN_PLACEHOLDER') {
    throw new DomainError('TEMPLATE_UNKNOWN_PLACEHOLDER', { placeholder: `{${unknownPlaceholders(body)[0] ?? ''}}`, allowed: PLACEHOLDERS.map((p) => `{${p}}`).join(' ') });
  }
  throw new InvalidInputError(problems);
}

/** The names between braces in a template that are no placeholder, each once, in order. */
export function unknownPlaceholders(body: string): string[] {
  const unknown: string[] = [];
  for (const match of body.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!isPlaceholder(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/**
 * Fills a template. A line whose placeholders all come out empty (no counter yet, a service
 * without documents) is dropped with its words, so a message never shows a lonely "Loket:" or
 * a blank gap; unknown names are left as written (validation keeps them out of saved templates).
 */
export function renderTemplate(body: string, values: MessageValues): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const hadPlaceholder = [...line.matchAll(PLACEHOLDER)].some((m) => isPlaceholder(m[1] ?? ''));
    const filled = line.replace(PLACEHOLDER, (whole, name: string) => (isPlaceholder(name) ? values[name] : whole));
    if (hadPlaceholder && allPlaceholdersEmpty(line, values)) continue;
    out.push(filled.trimEnd());
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

function allPlaceholdersEmpty(line: string, values: MessageValues): boolean {
  return [...line.matchAll(PLACEHOLDER)].every((m) => {
    const name = m[1] ?? '';
    return isPlaceholder(name) && values[name].trim() === '';
  });
}
