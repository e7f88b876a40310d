import type { OfficeGuide } from '../../app/office/queries/get-office-guides.js';
import { logoUrlOf } from '../../app/office/office-settings.js';
import { formatWeekHours } from '../../texts/indonesian-format.js';
import type { Lang } from '../../texts/lang.js';
import { documentsIn } from './service.js';

/** An office as the home page shows it to a first-time visitor, in their language. */
export interface PresentedOfficeGuide {
  slug: string;
  name: string;
  address: string;
  contactPhone: string;
  contactEmail: string;
  logoUrl: string | null;
  /** "Senin–Jumat 08.00–14.00 WIB"; empty when no weekday has sessions. */
  hours: string;
  sameDayBooking: boolean;
  bookingDaysAhead: number;
  services: { name: string; documents: string[]; eligibility: string }[];
}

/** What the home page says of an office. */
export function presentOfficeGuide(g: OfficeGuide, lang: Lang): PresentedOfficeGuide {
  const o = g.office;
  return {
    slug: o.slug,
    name: o.name,
    address: o.address,
    contactPhone: o.contact_phone,
    contactEmail: o.contact_email,
    logoUrl: logoUrlOf(o),
    hours: formatWeekHours(g.hours, o.timezone, lang),
    sameDayBooking: Number(o.same_day_booking) === 1,
    bookingDaysAhead: Number(o.booking_days_ahead),
    services: g.services.map((s) => ({
      name: lang === 'en' ? s.name_en : s.name,
      documents: documentsIn(s.documents, s.documents_en, lang),
      eligibility: lang === 'en' ? s.eligibility_en || s.eligibility : s.eligibility,
    })),
  };
}
