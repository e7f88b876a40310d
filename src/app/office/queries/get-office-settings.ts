import type { OfficeRow } from '../../../db/schema.js';
import type { AppContext } from '../../shared/context.js';
import { requireOffice } from './find-office.js';
import { type AdminActor, assertManages } from '../../shared/admin-actor.js';
import { type OfficeSettings, officeSettingsOf } from '../office-settings.js';

/** An office's settings, for an admin who manages it. */
export async function getOfficeSettings(ctx: AppContext, opts: { officeSlug: string; actor: AdminActor }): Promise<{ office: OfficeRow; settings: OfficeSettings }> {
  const office = await requireOffice(ctx.storage.db, opts.officeSlug);
  assertManages(opts.actor, office.id);
  return { office, settings: officeSettingsOf(office) };
}
