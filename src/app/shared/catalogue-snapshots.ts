import type { ServiceRow } from '../../db/schema.js';

/** A service's settings as plain data, as the audit log keeps them before and after a change. */
export function serviceSnapshot(s: ServiceRow): Record<string, unknown> {
  return {
    code: s.code,
    nameId: s.name,
    nameEn: s.name_en,
    documentsId: JSON.parse(s.documents) as string[],
    documentsEn: JSON.parse(s.documents_en) as string[],
    eligibilityId: s.eligibility,
    eligibilityEn: s.eligibility_en,
    needsPresence: s.needs_presence === 1,
    active: s.active === 1,
    sortOrder: s.sort_order,
  };
}

/** A counter's settings as plain data for the audit log: its services by code, none meaning every service. */
export function counterSnapshot(c: { number: number; name: string; active: number }, serviceCodes: readonly string[]): Record<string, unknown> {
  return { number: c.number, name: c.name, active: c.active === 1, services: [...serviceCodes] };
}
