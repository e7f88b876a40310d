import { z } from 'zod';
import type { ServiceRecord as ServiceRow } from '../../app/office/queries/list-office-services.js';
import type { Lang } from '../../texts/lang.js';

/**
 * The documents to bring in a language. English falls back to the Indonesian list while no
 * English one was written: a citizen is better served by words they may half read than by none.
 */
export function documentsIn(indonesianJson: string, englishJson: string, lang: Lang): string[] {
  const indonesian = JSON.parse(indonesianJson) as string[];
  if (lang === 'id') return indonesian;
  const english = JSON.parse(englishJson) as string[];
  return english.length ? english : indonesian;
}

/** A service as the API shows it: in the asker's language, and with both languages for the admin who edits it. */
export const ServiceSchema = z
  .object({
    code: z.string(),
    name: z.string().describe("In the asker's language"),
    documents: z.array(z.string()).describe("Documents to bring, in the asker's language"),
    eligibility: z.string().describe("Who may use the service, in the asker's language; empty for none"),
    needsPresence: z.boolean().describe('The person must come in person (biometrics, IKD activation, card pickup)'),
    nameId: z.string(),
    nameEn: z.string(),
    documentsId: z.array(z.string()),
    documentsEn: z.array(z.string()).describe('Empty when none were written; English pages then show documentsId'),
    eligibilityId: z.string(),
    eligibilityEn: z.string().describe('Empty: English pages show eligibilityId'),
    active: z.boolean().describe('Off: no new bookings; existing ones stay valid'),
    order: z.number().int().describe('Position in lists, from 1'),
  })
  .meta({ id: 'Service' });

/** A service row as it leaves the server; `position` is its place in the office's list, from 1. */
export function presentService(s: ServiceRow, lang: Lang, position: number): z.infer<typeof ServiceSchema> {
  return {
    code: s.code,
    name: lang === 'en' ? s.name_en : s.name,
    documents: documentsIn(s.documents, s.documents_en, lang),
    eligibility: lang === 'en' ? s.eligibility_en || s.eligibility : s.eligibility,
    needsPresence: s.needs_presence === 1,
    nameId: s.name,
    nameEn: s.name_en,
    documentsId: JSON.parse(s.documents) as string[],
    documentsEn: JSON.parse(s.documents_en) as string[],
    eligibilityId: s.eligibility,
    eligibilityEn: s.eligibility_en,
    active: s.active === 1,
    order: position,
  };
}
