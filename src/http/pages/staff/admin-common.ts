import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../app/shared/context.js';
import { listOffices } from '../../../app/office/queries/list-offices.js';
import type { AdminActor } from '../../../app/shared/admin-scope.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { managesOffice } from '../../../domain/staff-account.js';
import { domainErrorText, errorText } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';
import type { AdminFormErrors, AdminOffice } from '../../views/staff/admin-forms.js';
import { viewerOf } from './guard.js';

/** Refusals that concern one field of an admin form, shown next to it. */
const FIELD_OF_CODE: Partial<Record<DomainError['code'], string>> = {
  SERVICE_CODE_TAKEN: 'code',
  COUNTER_NUMBER_TAKEN: 'number',
  USERNAME_TAKEN: 'username',
};

/**
 * A refused admin form as words next to its fields, or for the whole form (the last admin,
 * another office). Not-found and anything unexpected go on to the pages' error handler.
 */
export function toAdminFormErrors(error: unknown): { errors: AdminFormErrors; status: number } {
  if (error instanceof InvalidInputError) {
    const fields: AdminFormErrors['fields'] = {};
    for (const f of error.fields) fields[f.field.split('.')[0]!] ??= errorText(STAFF_LANG, f.problem);
    return { errors: { fields }, status: 422 };
  }
  if (error instanceof DomainError && error.code !== 'NOT_FOUND') {
    const words = domainErrorText(error, STAFF_LANG);
    const field = FIELD_OF_CODE[error.code];
    const status = error.code === 'OTHER_OFFICE' ? 403 : 409;
    return { errors: field ? { fields: { [field]: words } } : { fields: {}, form: words }, status };
  }
  throw error;
}

/** The logged-in admin as the use cases record them; only call after a role guard. */
export function adminActorOf(req: FastifyRequest): NonNullable<AdminActor> {
  if (!req.staff) throw new Error('page guard let an anonymous request through');
  return req.staff;
}

/** The offices the logged-in admin manages: every one, or their own. */
export async function managedOffices(ctx: AppContext, req: FastifyRequest): Promise<(AdminOffice & { id: number })[]> {
  const actor = adminActorOf(req);
  return (await listOffices(ctx)).filter((o) => managesOffice(actor, o.id)).map((o) => ({ id: o.id, slug: o.slug, name: o.name }));
}

/** The page frame of an admin page: who, which office, which others to switch to. */
export async function adminFrame(ctx: AppContext, req: FastifyRequest, slug: string | null) {
  const offices = await managedOffices(ctx, req);
  const office = slug === null ? null : (offices.find((o) => o.slug === slug) ?? null);
  if (slug !== null && !office) throw new DomainError('NOT_FOUND', { what: 'office' });
  return { viewer: viewerOf(req), office, offices };
}

/** A ticked checkbox arrives as `on`; an unticked one not at all. */
export const checkbox = z.string().max(10).optional().catch(undefined).transform((v) => v === 'on');

/** A textarea as its non-empty lines. */
export const lines = z.string().max(20_000).catch('').transform((v) => v.split(/\r?\n/));

/** A short text field as typed. */
export const typed = (max = 200) => z.string().max(max).catch('');
