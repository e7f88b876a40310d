/**
 * Province codes a NIK may start with, with a name for each.
 *
 * The list is deliberately generous. A NIK keeps the code of the place where it was first
 * issued and is never renumbered, codes have changed over the years, and the booking system
 * cannot ask the national registry. Turning away a real citizen costs far more than letting
 * an odd number through, so every code that is or was in use is accepted, including the BPS
 * (statistics office) numbering of the 2022 Papua provinces, which differs from Kemendagri's.
 */
export const PROVINCE_NAMES: Readonly<Record<string, string>> = {
  '11': 'Aceh',
  '12': 'Sumatera Utara',
  '13': 'Sumatera Barat',
  '14': 'Riau',
  '15': 'Jambi',
  '16': 'Sumatera Selatan',
  '17': 'Bengkulu',
  '18': 'Lampung',
  '19': 'Kepulauan Bangka Belitung',
  '21': 'Kepulauan Riau',
  '31': 'DKI Jakarta',
  '32': 'Jawa Barat',
  '33': 'Jawa Tengah',
  '34': 'DI Yogyakarta',
  '35': 'Jawa Timur',
  '36': 'Banten',
  '51': 'Bali',
  '52': 'Nusa Tenggara Barat',
  '53': 'Nusa Tenggara Timur',
  // Timor Timur until 1999: people registered there before then may still carry the code.
  '54': 'Timor Timur',
  '61': 'Kalimantan Barat',
  '62': 'Kalimantan Tengah',
  '63': 'Kalimantan Selatan',
  '64': 'Kalimantan Timur',
  '65': 'Kalimantan Utara',
  '71': 'Sulawesi Utara',
  '72': 'Sulawesi Tengah',
  '73': 'Sulawesi Selatan',
  '74': 'Sulawesi Tenggara',
  '75': 'Gorontalo',
  '76': 'Sulawesi Barat',
  '81': 'Maluku',
  '82': 'Maluku Utara',
  '91': 'Papua',
  '92': 'Papua Barat',
  // The 2022 splits, as Kemendagri numbers them.
  '93': 'Papua Selatan',
  '94': 'Papua Tengah',
  '95': 'Papua Pegunungan',
  '96': 'Papua Barat Daya',
  // BPS numbers Papua Pegunungan 97; accepted in case a regional system issued it.
  '97': 'Papua Pegunungan',
};

/** Whether two digits are a province code a NIK may carry. */
export function isKnownProvinceCode(code: string): boolean {
  return Object.hasOwn(PROVINCE_NAMES, code);
}

/** The province's name for a code, or null when the code is unknown. */
export function provinceName(code: string): string | null {
  return isKnownProvinceCode(code) ? (PROVINCE_NAMES[code] ?? null) : null;
}
